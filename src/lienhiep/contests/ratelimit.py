"""A small rate limit kept in the cache, for public forms (no outside service)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The visitor's address. Behind ``TRUSTED_PROXIES`` proxies it is the address the outermost
    proxy saw, which each proxy appends to ``X-Forwarded-For`` (earlier entries are the
    visitor's own claims and are not trusted)."""
    proxies = settings.LIENHIEP_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
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
