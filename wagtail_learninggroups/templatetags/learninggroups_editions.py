"""The offices' editions of a workshop template, for its readers: theirs first, then all."""

from django import template
from django.conf import settings

from ..core.privacy import viewable
from ..curriculum.people import office_of
from ..editions.models import LocalEditionPage
from ..workshops.models import WorkshopTemplatePage

register = template.Library()


@register.inclusion_tag("wagtail_learninggroups/pages/office_editions.html", takes_context=True)
def lg_office_editions(context):
    """ "Your office" with its edition, and every office's live edition grouped by region.

    A constant number of queries, however many offices there are: the editions with their
    offices in one, the reader's office in one, and the site's view restrictions in one.
    """
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, WorkshopTemplatePage) or page.pk is None or request is None:
        return {}
    editions = viewable(
        LocalEditionPage.objects.live()
        .filter(workshop=page, location__isnull=False)
        .select_related("location")
        .order_by("location__region", "location__name"),
        request,
    )
    # A visitor without a session is nobody in particular: asking who they are would make the
    # page vary by cookie for every reader, and shared caches would keep nothing.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
    office = office_of(request.user) if has_session else None
    yours = next(
        (edition for edition in editions if edition.location_id == getattr(office, "pk", None)),
        None,
    )
    regions = {}
    for edition in editions:
        regions.setdefault(edition.location.region, []).append(edition)
    starts, zone = yours.session_starts_in_office() if yours else (None, "")
    return {
        "request": request,
        "signed_in": has_session and request.user.is_authenticated,
        "office": office,
        "your_edition": yours,
        "your_session_starts": starts,
        "your_session_zone": zone,
        "regions": sorted(regions.items()),
        "edition_count": len(editions),
    }
