"""A small rate limit kept in the cache, for public forms (no outside service)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope):
    """Count one attempt of this client at ``scope``; False once the limit is passed."""
    limit, seconds = settings.LIENHIEP_PUBLIC_FORM_RATE
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit
