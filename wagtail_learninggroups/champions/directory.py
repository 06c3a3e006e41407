"""The champions directory: a page that lists champions, with a profile and award pages."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from ..conf import get_setting
from ..core.pages import LearningGroupsPage
from ..core.sanitise import safe_url
from ..curriculum.locations import Location
from ..curriculum.models import CurriculumModule
from .models import Award, Champion, award_slug

PER_PAGE = 24


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters; every field is optional."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    office = forms.ChoiceField(label=_("Office"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        offices = Location.objects.filter(champions__active=True).distinct()
        self.fields["office"].choices = anything + list(offices.values_list("slug", "name"))
        regions = offices.order_by("region").values_list("region", flat=True).distinct()
        self.fields["region"].choices = anything + [(region, region) for region in regions]
        self.fields["theme"].choices = anything + [
            (str(module.pk), str(module)) for module in CurriculumModule.objects.all()
        ]

    def filter(self, champions):
        """``champions`` narrowed to what the form asks for; unknown values narrow to nothing."""
        if not self.is_valid():
            return champions.none()
        data = self.cleaned_data
        if data["q"]:
            champions = champions.filter(name__icontains=data["q"].strip())
        if data["office"]:
            champions = champions.filter(location__slug=data["office"])
        if data["region"]:
            champions = champions.filter(location__region=data["region"])
        if data["theme"]:
            champions = champions.filter(themes__pk=data["theme"]).distinct()
        return champions


def contacts_visible(request):
    """Contact details are for signed-in people, unless the site makes them public."""
    return request.user.is_authenticated or bool(get_setting("CHAMPIONS_PUBLIC_CONTACTS"))


def spotlighted_on(champion):
    """The live, public pages that spotlight ``champion``, as Wagtail's reference index knows."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(champion)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in ids]).order_by("title")


class ChampionDirectoryPage(RoutablePageMixin, LearningGroupsPage):
    """All active champions, searchable by name and filterable by office, region and theme.

    Each champion has a profile at ``<slug>/`` with their story, awards and the pages that
    spotlight them; each award has a page at ``awards/<award>/`` listing everyone holding it.
    """

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    sanitised_fields = ("intro",)
    template = "wagtail_learninggroups/pages/champion_directory_page.html"
    subpage_types = []

    class Meta:
        verbose_name = _("champions directory")
        verbose_name_plural = _("champions directories")

    def render(self, request, context_overrides=None, template=None):
        context = self.get_context(request)
        context.update(context_overrides or {})
        return TemplateResponse(request, template or self.get_template(request), context)

    @path("", name="directory")
    def directory(self, request):
        form = DirectoryFilterForm(request.GET or None)
        champions = Champion.objects.active().for_display().prefetch_related("themes")
        if request.GET:
            champions = form.filter(champions)
        page = Paginator(champions.order_by("name"), PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            {
                "form": form,
                "champions": page,
                "filtered": bool(request.GET),
                "query": query.urlencode(),
            },
        )

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        champion = (
            Champion.objects.active()
            .for_display()
            .prefetch_related("themes")
            .filter(slug=slug)
            .first()
        )
        if champion is None:
            raise Http404(_("There is no such champion."))
        return self.render(
            request,
            {
                "champion": champion,
                "show_contacts": contacts_visible(request),
                # Checked where it is shown too: an import or a script may have stored anything.
                "chat_url": safe_url(champion.chat_url),
                "spotlighted_on": spotlighted_on(champion),
            },
            template="wagtail_learninggroups/pages/champion_profile.html",
        )

    # Not <slug:…>, which takes Latin letters only: award_slug keeps other scripts' letters.
    @path("awards/<str:award>/", name="award")
    def award(self, request, award):
        holders = [
            held
            for held in Award.objects.filter(champion__active=True)
            .select_related("champion__location", "champion__photo")
            .prefetch_related("champion__photo__renditions")
            .order_by("-year", "champion__name")
            if award_slug(held.title) == award
        ]
        if not holders:
            raise Http404(_("No one holds that award."))
        return self.render(
            request,
            {"award_title": holders[0].title, "holders": holders},
            template="wagtail_learninggroups/pages/champion_award.html",
        )

    def profile_url(self, champion):
        return self.url + self.reverse_subpage("profile", args=[champion.slug])

    def award_url(self, title):
        return self.url + self.reverse_subpage("award", args=[award_slug(title)])
