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


def _key(request, scope):
    return f"ratelimit:{scope}:{client_address(request)}"


def used(request, scope):
    """How many times this client has been counted at ``scope`` in the window."""
    return cache.get(_key(request, scope), 0)


def count(request, scope):
    """Count one more for this client at ``scope``; returns the new count."""
    _limit, seconds = settings.LIENHIEP_PUBLIC_FORM_RATE
    key = _key(request, scope)
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return 1


def allow_entry(request):
    """May this client send one more entry? Accepted entries count against the limit; refused
    attempts (a wrong birth date, a bad photo) only against a five times larger one, so a
    visitor correcting a form is not locked out while a flood still is."""
    limit, _seconds = settings.LIENHIEP_PUBLIC_FORM_RATE
    attempts = count(request, "contest-attempt")
    return attempts <= 5 * limit and used(request, "contest-entry") < limit
