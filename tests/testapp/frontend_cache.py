"""A frontend cache backend that records the URLs it is asked to purge."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)
