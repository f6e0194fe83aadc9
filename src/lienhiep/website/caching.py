"""Whole-page cache for anonymous visitors, emptied whenever a page is published or unpublished.

The cache key carries a generation number kept in the cache itself, so that every app process
sharing the cache (database or Redis in production) sees the same invalidation.
"""

from django.core.cache import cache

GENERATION_KEY = "website:generation"
TIMEOUT = 60 * 60


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY) or 1
    return value


def invalidate():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def cacheable(request):
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    )


def cached_serve(request, serve):
    if not cacheable(request):
        return serve()
    key = f"website:page:{generation()}:{request.get_host()}:{request.get_full_path()}"
    response = cache.get(key)
    if response is not None:
        return response
    response = serve()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code == 200:
        cache.set(key, response, TIMEOUT)
    return response
