"""Whole-page cache for anonymous visitors, emptied whenever a page is published or unpublished.

``PageCacheMiddleware`` answers a visitor without a session from the cache before any URL
routing; pages mark their responses as cacheable (``cached_serve``) and the middleware stores
their bytes. Each entry is stamped with a generation number kept in the cache itself and read
in the same round trip, so every app process sharing the cache (database or Redis in
production) sees an invalidation at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")

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


def is_anonymous_get(request):
    return request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES


def may_be_cached(request):
    """Only public pages go through the cache: not the admin, files, search or feeds."""
    return is_anonymous_get(request) and not request.path.startswith(
        tuple(settings.LIENHIEP_UNCACHED_PREFIXES)
    )


def cache_key(request):
    return f"website:page:{request.get_host()}:{request.get_full_path()}"


def lookup(request):
    key = cache_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    entry = found.get(key)
    if entry is None or entry[0] != found.get(GENERATION_KEY, 1):
        return None
    _stamp, content, headers = entry
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def store(request, response):
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    cache.set(cache_key(request), (generation(), response.content, headers), TIMEOUT)


def cached_serve(request, serve):
    """Serve a page and mark the response cacheable when the visitor is anonymous."""
    response = serve()
    if (
        is_anonymous_get(request)
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    ):
        response.lienhiep_cacheable = True
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_cached(request):
            return self.get_response(request)
        cached = lookup(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if getattr(response, "lienhiep_cacheable", False) and response.status_code == 200:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            store(request, response)
        return response
