"""Django's Redis cache with one client per connection pool.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` object for every cache
call; building it (its table of some 170 response callbacks) cost more than the round trip to
Redis itself, and the page cache makes one call for every page it answers. A ``redis.Redis``
object is safe to share between threads (each command borrows a connection from the pool), so
each pool keeps one.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
