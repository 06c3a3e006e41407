"""The package's in-process caches, in one place, each bounded and each justified.

A cache here lives in one process and is never shared: what every process must agree on (the
render cache and its generation) lives in Django's cache instead
(:mod:`~wagtail_learninggroups.core.render_cache`). Each cache below names the benchmark of
``make bench`` that shows it pays for itself (see the performance page of the docs); a cache no
benchmark justifies does not belong here. Per-class memos (``functools.cache`` over block
classes and models) are not listed: they hold one entry per class of the site.
"""

import threading
from collections import OrderedDict


class BoundedCache:
    """A thread-safe mapping that forgets its least recently used entries past ``size``."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            if key not in self._entries:
                return default
            self._entries.move_to_end(key)
            return self._entries[key]

    def set(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def first_time(self, key):
        """Whether ``key`` is new; from now on it is known (and the most recent)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return False
        self.set(key, None)
        return True

    def clear(self):
        """Forget every entry (tests start from a fresh process this way)."""
        with self._lock:
            self._entries.clear()

    def __contains__(self, key):
        with self._lock:
            return key in self._entries

    def __len__(self):
        with self._lock:
            return len(self._entries)


#: Sanitised HTML by ``(html, policy)``. Pages render the same stored HTML again and again, and
#: bleach costs about half a millisecond a kilobyte: benchmark 9 ("Sanitising") shows the 24
#: calls of a demo workshop render cost some fifteen times more without it.
cleaned_html = BoundedCache(1024)

#: One bleach cleaner per thread and policy: a cleaner's parser keeps state, so it cannot be
#: shared between threads, and building one for every call would cost more than cleaning
#: (benchmark 9 measures the sanitiser with it).
cleaners = threading.local()

#: What taking a quiz needs of it (its questions' specs, rules and settings), by a digest of its
#: stored content: a submission then neither loads the quiz's blocks nor reads its questions
#: again. Benchmark 4 ("Quiz submission") measured the submission before and after it.
quiz_outlines = BoundedCache(256)

#: The content type of each page a quiz was taken on: a page never changes its type, so the
#: quiz endpoint then loads it in one query rather than two (benchmark 4 again).
page_types = BoundedCache(10_000)

#: The damaged parts of stored content this process has logged lately. Not a speed cache: it
#: keeps the log readable, a damaged page being logged once rather than at every view.
recently_logged = BoundedCache(1024)
