"""Wagtail's view restrictions, checked in one query for the pages that have none above them.

Wagtail's own check (``Page.get_view_restrictions``) costs two queries for every page, although
most pages of an intranet have no restriction above them. :func:`may_be_restricted` tells, in
one query, whether any can apply: only if the page or one of its ancestors has a restriction, or
is an alias (whose restrictions are its source's, which Wagtail's check follows). Where one can,
Wagtail's check decides.
"""

from django.db.models import Q
from wagtail.models import Page


def ancestor_paths(path):
    """The tree paths of the page at ``path`` and of its ancestors, root first."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def may_be_restricted(page):
    """Whether view restrictions may apply to ``page``: false for most pages, in one query.

    The answer is kept on the page object, which lives for one request where it is asked.
    """
    known = getattr(page, "_lg_may_be_restricted", None)
    if known is None:
        known = (
            Page.objects.filter(path__in=ancestor_paths(page.path))
            .filter(Q(alias_of__isnull=False) | Q(view_restrictions__isnull=False))
            .exists()
        )
        page._lg_may_be_restricted = known
    return known


def view_restrictions(page):
    """The view restrictions that apply to ``page``, as Wagtail finds them; kept on the page."""
    if not may_be_restricted(page):
        return []
    known = getattr(page, "_lg_view_restrictions", None)
    if known is None:
        known = page._lg_view_restrictions = list(page.get_view_restrictions())
    return known


def refused_restrictions(page, request):
    """The view restrictions on ``page`` that ``request`` does not satisfy, in Wagtail's order."""
    return [r for r in view_restrictions(page) if not r.accept_request(request)]


def viewable(pages, request):
    """Those of ``pages`` whose view restrictions ``request`` satisfies, in their order.

    For a listing: each restriction of the site is asked once, not once per page (a site has a
    few; a listing may have hundreds of pages). Aliases are left out of the check's shortcut and
    asked one by one, as their restrictions are their source's.
    """
    from wagtail.models import PageViewRestriction

    restrictions = list(PageViewRestriction.objects.select_related("page"))
    accepted = {}
    shown = []
    for page in pages:
        if getattr(page, "alias_of_id", None):
            if not refused_restrictions(page, request):
                shown.append(page)
            continue
        applying = [r for r in restrictions if page.path.startswith(r.page.path)]
        for restriction in applying:
            if restriction.pk not in accepted:
                accepted[restriction.pk] = restriction.accept_request(request)
        if all(accepted[r.pk] for r in applying):
            shown.append(page)
    return shown
