"""Which office a person belongs to: the one hook through which the package learns it.

Most intranets already know where each person works (a people directory, single sign-on
claims). The ``OFFICE_OF_USER`` setting names a callable ``user -> Location | None`` that asks
it; the default reads :class:`LearnerProfile`, a small record of the package's own that central
editors (and each person, on "My office") set.
"""

import logging

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..conf import get_setting
from .locations import Location

logger = logging.getLogger(__name__)


class LearnerProfile(models.Model):
    """A person's office, for the package: where their edition and their groups are."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="learninggroups_profile",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The office whose edition of each workshop this person reads."),
    )

    panels = [FieldPanel("user"), FieldPanel("location")]

    class Meta:
        verbose_name = _("person's office")
        verbose_name_plural = _("people's offices")

    def __str__(self):
        return str(self.user)


def office_from_profile(user):
    """The default ``OFFICE_OF_USER``: the office of the person's :class:`LearnerProfile`."""
    profile = (
        LearnerProfile.objects.filter(user_id=user.pk)
        .select_related("location")
        .only("location")
        .first()
    )
    return profile.location if profile is not None else None


def office_of(user):
    """The office of ``user`` by the site's ``OFFICE_OF_USER`` hook, or ``None``.

    ``None`` for anonymous visitors, and where the hook fails or answers something that is no
    office (it is the site's code: a failure is logged, not shown to the reader).
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_learninggroups_office", False)
    if cached is not False:
        return cached
    try:
        office = import_string(get_setting("OFFICE_OF_USER"))(user)
    except Exception:  # noqa: BLE001 - the site's hook must not take a page down
        logger.warning("OFFICE_OF_USER failed for user %s", user.pk, exc_info=True)
        office = None
    if not isinstance(office, Location):
        office = None
    user._learninggroups_office = office  # once per request: the user object is the request's
    return office
