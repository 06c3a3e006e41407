"""What sanitising costs a page render, with the sanitiser's cache and without it.

Rich text is sanitised where it is read, so every render of a page passes each piece of its
rich text through :func:`~wagtail_learninggroups.core.sanitise.clean_html`. The cache remembers the
result per piece of HTML; without it, every call runs bleach. "Without" swaps the cached
function for the function it wraps, for the length of one action. Pages are rendered whole,
with the render cache off: kept blocks are not sanitised again.
"""

from unittest import mock

from bench import browse, pages, quizzes
from bench.measure import measure_pair
from bench.rows import time_row


def uncached(action):
    """``action``, run with the sanitiser's cache out of the way."""
    from wagtail_learninggroups.core import sanitise

    def run_uncached():
        with mock.patch.object(sanitise, "_clean", sanitise._clean_uncached):
            return action()

    return run_uncached


def html_of_one(action):
    """The HTML that ``action`` passes through the sanitiser, call by call."""
    from wagtail_learninggroups.core import sanitise

    seen, cached = [], sanitise._clean

    def recording(html, policy):
        seen.append(html)
        return cached(html, policy)

    with mock.patch.object(sanitise, "_clean", recording):
        action()
    return seen


def run():
    with browse.render_cache_off():
        return measure_sanitising()


def measure_sanitising():
    from wagtail_learninggroups.core.sanitise import clean_html

    page = pages.demo_workshop()
    render = browse.get(browse.signed_in(quizzes.MEMBER), page.url)
    calls = html_of_one(render)

    def sanitise_all():
        for html in calls:
            clean_html(html)

    name = f"clean_html, the {len(calls)} calls of a demo workshop render, uncached vs cached"
    alone = measure_pair(uncached(sanitise_all), sanitise_all)
    whole = measure_pair(uncached(render), render)
    return [
        time_row(name, *alone, "—"),
        time_row("Demo workshop render, sanitiser uncached vs cached", *whole, "—"),
    ]
