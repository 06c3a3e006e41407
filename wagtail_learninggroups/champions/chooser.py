"""Admin viewsets: the champions chooser, for the blocks and any site's own forms."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ChampionChooserViewSet(ChooserViewSet):
    """Choose a champion, searching by name; used by the spotlight block."""

    model = "wagtail_learninggroups.Champion"
    icon = "user"
    choose_one_text = _("Choose a champion")
    choose_another_text = _("Choose another champion")
    edit_item_text = _("Edit this champion")
    per_page = 20


champion_chooser_viewset = ChampionChooserViewSet("learninggroups_champion_chooser")
