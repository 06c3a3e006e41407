"""The pages the benchmarks read, built from the demo content, and their plain twins.

A *plain twin* is an ordinary page of the example intranet (``StandardPage``) whose body holds,
block for block, the text a reader sees in one of our blocks, as a rich-text paragraph. It is
what the same content costs when Wagtail renders it without the package: the baseline of every
render benchmark.

Pages are published the way Wagtail publishes them (a revision, then ``publish()``), so that they
are served exactly as an editor's pages are.
"""

import copy
import itertools
import re
import uuid
from functools import cache

from django.utils.html import escape, strip_tags

#: The demo's workshop of every block, the "demo-sized workshop page".
DEMO_WORKSHOP = "how-parliament-works"

#: Blocks that have benchmarks of their own at scale; "our blocks" are the rest of the demo's.
MEASURED_APART = {"slot", "quiz", "spotlight"}

_SPACES = re.compile(r"\s+")


def demo_workshop():
    """The demo's workshop template of every kind of block."""
    from wagtail_learninggroups.models import WorkshopTemplatePage

    return WorkshopTemplatePage.objects.get(slug=DEMO_WORKSHOP)


def workshops_index():
    """The intranet's index of workshops, where the benchmarks' templates go."""
    from wagtail_learninggroups.models import WorkshopIndexPage

    return WorkshopIndexPage.objects.get()


def publish(parent, page):
    """Add ``page`` under ``parent`` and publish it; returns it fresh from the database."""
    parent.refresh_from_db()
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page


def new_id():
    """A fresh block id, as Wagtail gives each block of a stream."""
    return str(uuid.uuid4())


def repeated(raw_blocks, count):
    """``count`` blocks: ``raw_blocks`` (stored JSON) over and over, each with an id of its own."""
    blocks = itertools.islice(itertools.cycle(raw_blocks), count)
    return [{**copy.deepcopy(block), "id": new_id()} for block in blocks]


def workshop(parent, slug, body, title=None):
    """Publish a workshop template of ``body`` (stored JSON) under ``parent``."""
    from wagtail_learninggroups.models import WorkshopTemplatePage

    title = title or slug.replace("-", " ").capitalize()
    page = WorkshopTemplatePage(
        title=title, slug=slug, summary="A workshop built for the benchmarks.", body=body
    )
    return publish(parent, page)


def reader_text(html):
    """What a reader reads in ``html``: its text, with the spacing of a browser."""
    return _SPACES.sub(" ", strip_tags(str(html))).strip()


def block_texts(page):
    """The text a reader sees in each block of ``page``'s body, in order."""
    return [reader_text(child.render()) for child in page.body]


def plain_twin(parent, slug, texts):
    """Publish a ``StandardPage`` holding each of ``texts`` as a rich-text paragraph."""
    from example_site.intranet.models import StandardPage

    body = [
        {"type": "paragraph", "value": f"<p>{escape(text)}</p>", "id": new_id()} for text in texts
    ]
    page = StandardPage(title=slug.replace("-", " ").capitalize(), slug=slug, body=body)
    return publish(parent, page)


def content_blocks():
    """The demo workshop's blocks, except those with benchmarks of their own."""
    return [b for b in demo_workshop().body.raw_data if b["type"] not in MEASURED_APART]


@cache
def blocks_pair(count):
    """A template of ``count`` of our blocks and its plain twin, beside it in the tree."""
    index = workshops_index()
    ours = workshop(index, f"bench-{count}-blocks", repeated(content_blocks(), count))
    plain = plain_twin(index, f"bench-{count}-plain", block_texts(ours))
    return ours, plain
