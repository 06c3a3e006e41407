"""A cache backend whose server is down: every call fails, as a cache client's would."""

from django.core.cache.backends.base import BaseCache


class CacheDown(Exception):
    pass


class FailingCache(BaseCache):
    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _fail(self, *args, **kwargs):
        raise CacheDown("the cache server does not answer")

    get = set = add = delete = clear = get_many = set_many = touch = has_key = _fail
