"""Pages written straight into Wagtail's page tree, in bulk, the way ``loaddata`` writes them.

For data that benchmarks read but do not measure (thousands of offices, thousands of editions),
saving pages one by one would take most of the run. Here the rows are written directly: one
``bulk_create`` of the page rows, with the tree path, depth and URL path django-treebeard and
Wagtail would give them, then each page type's own row saved ``raw`` (only its own table, no
signals acted on), then the parent's count of children. Nothing is indexed for search and no
revision is made; callers that need revisions add them.
"""

import itertools

from django.db import transaction
from django.db.models import F


def child_paths(parent):
    """The free tree paths under ``parent``, in order, as django-treebeard hands them out."""
    from wagtail.models import Page

    last = parent.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
    for number in itertools.count(step + 1):
        yield Page._get_path(parent.path, parent.depth + 1, number)


@transaction.atomic
def add_children(parent, children):
    """Write ``children`` (unsaved pages of any type) under ``parent``; returns them saved."""
    from wagtail.models import Page

    paths = child_paths(parent)
    for child in children:
        child.path = next(paths)
        child.depth = parent.depth + 1
        child.numchild = 0
        child.url_path = f"{parent.url_path}{child.slug}/"
        child.locale_id = parent.locale_id
        child.draft_title = child.draft_title or child.title
    page_fields = [field.attname for field in Page._meta.concrete_fields]
    rows = [Page(**{name: getattr(child, name) for name in page_fields}) for child in children]
    Page.objects.bulk_create(rows, batch_size=500)
    for child, row in zip(children, rows, strict=True):
        child.id = child.page_ptr_id = row.pk
        child.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
    parent.numchild += len(children)
    return children
