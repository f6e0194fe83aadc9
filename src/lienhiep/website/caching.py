"""Whole-page cache for anonymous visitors, emptied page by page when pages are published.

``PageCacheMiddleware`` answers a visitor without a session from the cache before any URL
routing; pages mark their responses as cacheable (``cached_serve``) and the middleware stores
their bytes under their host and full path (query string included).

Each entry is stamped with three versions kept in the cache itself and read in the same round
trip as the entry, so every app process sharing the cache (database or Redis in production)
sees an invalidation at once:

* the whole site's generation — bumped by ``invalidate()``: a page moved, a page directly under
  the home page changed (the menu on every page lists them), or a domain app changed what the
  public pages show (``core.signals.public_content_changed``);
* the version of the entry's own path (``/tin-tuc/bai-a/``) — every query string of it too;
* the version of its section, the path of its parent (``/tin-tuc/``).

Publishing, unpublishing or deleting a deeper page (``forget_page``) bumps the versions of the
page's own path and of every ancestor's path (its index, the home page), and the section the
page is in: its siblings show it among the latest news and as a neighbour. Every other page
stays cached: an unrelated page (``/gioi-thieu/``) keeps its entry. Search, the feed, the
contests and the sitemap are never cached (``LIENHIEP_UNCACHED_PREFIXES``, ``cached_serve``).

Versions are kept per site, so publishing on one hosted union's site empties only its own pages:
a hosted union's site (not the default one) keeps them under its host name; the default site,
which answers every other host, under ``ALL``. A request reads both in its one round trip and
uses its host's while that host's generation exists (``register_sites`` sets it whenever a site
is saved or deleted). The installation's generation (``invalidate()``) empties every site.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.translation import get_language

KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")

ALL = "*"
GENERATION_KEY = "website:generation"  # the whole installation's
TIMEOUT = 60 * 60


def new_version():
    return time.time_ns()


def space_of(site):
    """Where a site's versions are kept: its host name, or ``ALL`` for the default site."""
    return ALL if site is None or site.is_default_site else site.hostname


def invalidate(site=None):
    """Empty a site's whole cache (and its menu); without a site, every site's."""
    key = GENERATION_KEY if site is None else generation_key(space_of(site))
    cache.set(key, new_version(), None)


def register_sites(sites):
    """Give each hosted union's site its own versions; the default site keeps ``ALL``'s."""
    cache.delete_many([generation_key(site.hostname) for site in sites if site.is_default_site])
    hosted = [generation_key(space_of(site)) for site in sites if not site.is_default_site]
    cache.set_many(dict.fromkeys(hosted, new_version()), None)
    invalidate()


def generation_key(space):
    return f"website:generation:{space}"


def path_key(path, space=ALL):
    return f"website:path:{space}:{path}"


def section_key(path, space=ALL):
    return f"website:section:{space}:{path}"


def parent_path(path):
    """``/tin-tuc/bai-a/`` → ``/tin-tuc/``; the home page is its own section."""
    trimmed = path.rstrip("/")
    return trimmed[: trimmed.rfind("/") + 1] or "/"


def ancestor_paths(path):
    """``/tin-tuc/bai-a/`` → ``["/tin-tuc/bai-a/", "/tin-tuc/", "/"]``."""
    paths = [path]
    while paths[-1] != "/":
        paths.append(parent_path(paths[-1]))
    return paths


def forget_paths(path, site=None):
    """Empty the entries of ``path``, of its ancestors, and of its siblings (its section)."""
    version, space = new_version(), space_of(site)
    keys = [path_key(p, space) for p in ancestor_paths(path)]
    cache.set_many(dict.fromkeys([*keys, section_key(parent_path(path), space)], version), None)
    if space != ALL:  # a hosted site's generation, lost from the cache, is set again
        cache.add(generation_key(space), version, None)


def forget_page(page):
    """Empty what publishing or unpublishing ``page`` changes (the rule above), on its site."""
    from wagtail.models import Site

    parts = page.get_url_parts()
    site = Site.objects.filter(pk=parts[0]).first() if parts else None
    if site is None:
        invalidate()
    elif parent_path(parts[2]) == "/":
        invalidate(site)
    else:
        forget_paths(parts[2], site)


def host(request):
    """``request.get_host()``, worked out once a request (Django checks it against
    ``ALLOWED_HOSTS`` each time it is asked, and every key here names it)."""
    if not hasattr(request, "_lienhiep_host"):
        request._lienhiep_host = request.get_host()
    return request._lienhiep_host


def host_of(request):
    return split_domain_port(host(request))[0]


def generation(found, request):
    """The space of ``request``'s host (its own while its generation exists) and the versions
    of the installation and of that space."""
    own = generation_key(host_of(request))
    space = host_of(request) if own in found else ALL
    return space, found.get(GENERATION_KEY, 0), found.get(generation_key(space), 0)


def generation_keys(request):
    return [GENERATION_KEY, generation_key(host_of(request)), generation_key(ALL)]


def kept(key, work, request):
    """A value worked out once and kept until its site's cache is emptied (the menu)."""
    found = cache.get_many([*generation_keys(request), key])
    generation_ = generation(found, request)
    if key in found and found[key][0] == generation_:
        return found[key][1]
    value = work()
    cache.set(key, (generation_, value), TIMEOUT)
    return value


def stamp_keys(request, space):
    return [path_key(request.path, space), section_key(parent_path(request.path), space)]


def is_anonymous_get(request):
    return request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES


def may_be_cached(request):
    """Only public pages go through the cache: not the admin, files, search or feeds."""
    return is_anonymous_get(request) and not request.path.startswith(
        tuple(settings.LIENHIEP_UNCACHED_PREFIXES)
    )


def cache_key(request):
    """Pages' entries sort before the versions, the menu and the fragments every page reads
    (``website:fragment:…``, ``:generation:``, ``:menu:``, ``:path:``): the database cache,
    when full, empties its lowest keys first, so an entry drawn for one query string goes first."""
    return f"website:entry:{host(request)}:{request.get_full_path()}"


def read(request):
    """The entry of ``request`` (or ``None``) and the stamp a fresh entry would carry."""
    found = read_versions(request, [cache_key(request)])
    return found.get(cache_key(request)), request._lienhiep_versions["page"]


def read_versions(request, keys=()):
    """Leave on ``request`` the versions its page and fragments are kept under (``versions_of``),
    read in one round trip with ``keys``; what was found."""
    host = host_of(request)
    own, default = stamp_keys(request, host), stamp_keys(request, ALL)
    homes = [path_key("/", host), path_key("/", ALL)]
    found = cache.get_many([*generation_keys(request), *own, *default, *homes, *keys])
    versions = generation(found, request)
    stamp_keys_ = default if versions[0] == ALL else own
    request._lienhiep_versions = {
        "site": versions,
        "page": (*versions, *(found.get(key, 0) for key in stamp_keys_)),
        "home": (*versions, found.get(path_key("/", versions[0]), 0)),
    }
    return found


def versions_of(request):
    """The versions of ``request``'s site, of its page (its entry's stamp) and of its home page
    (bumped by any publish on the site), read once a request with its cache entry."""
    if not hasattr(request, "_lienhiep_versions"):
        read_versions(request)
    return request._lienhiep_versions


def fragment_key(request, scope, name, vary=()):
    versions = versions_of(request)[scope]
    digest = hashlib.md5(repr((versions, get_language(), *vary)).encode()).hexdigest()
    return f"website:fragment:{host(request)}:{name}:{digest}"


#: the fragments every public page shows (``website/base.html``), read in one round trip
SITE_FRAGMENTS = ("site-name", "site-head", "site-header", "site-footer")


def route_fragment(request):
    """The fragment that keeps the page a public URL asks for (``website.routing``), read in the
    same round trip as the site's fragments. (Named anew when what it keeps changes: a running
    site's cache may hold the former shape.)"""
    return "page", "page-route", [request.path]


@functools.cache
def drawn_pages():
    """The public pages drawn on every request (search, the contests): their site is read from
    the cache too."""
    return (reverse("search"), reverse("contest_index"))


def site_key(request):
    return fragment_key(request, "site", "site", [request.get_port()])


def prefetched(request):
    """The site's fragments (``SITE_FRAGMENTS``), the page's route and Wagtail's site, read from
    the cache in one round trip once a request: each key asked for, with what was found (or
    ``None``)."""
    if not hasattr(request, "_lienhiep_fragments"):
        keys = [fragment_key(request, "site", name) for name in SITE_FRAGMENTS]
        keys += [fragment_key(request, *route_fragment(request)), site_key(request)]
        found = cache.get_many(keys)
        request._lienhiep_fragments = {key: found.get(key) for key in keys}
    return request._lienhiep_fragments


def find_site(request):
    """Wagtail's site for ``request`` (``Site.find_for_request`` reads it from the request), kept
    in the shared cache until a site is saved or deleted (``register_sites``) or its pages moved."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_site"):
        key = site_key(request)
        site = prefetched(request).get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:  # its home page as it is (its union), read once with it
                site.root_page = site.root_page.specific
            cache.set(key, site, TIMEOUT)
        request._wagtail_site = site
    return request._wagtail_site


def fragment(request, scope, name, vary, work):
    """``work()``, kept until the versions of ``scope`` change — ``"site"`` (a setting, a move,
    a page under the home page), ``"page"`` (whatever empties the page's entry) or ``"home"``
    (any publish on the site) — so a fragment is emptied by the rule that empties pages.
    A preview is never kept."""
    if request is None or getattr(request, "is_preview", False):
        return work()
    key = fragment_key(request, scope, name, vary)
    found = prefetched(request)
    value = found[key] if key in found else cache.get(key)
    if value is None:
        value = work()
        cache.set(key, value, TIMEOUT)
    return value


def as_response(entry):
    _stamp, content, headers = entry
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def lookup(request):
    entry, stamp = read(request)
    request._lienhiep_stamp = stamp
    if entry is None or entry[0] != stamp:
        return None
    return as_response(entry)


def store(request, response):
    stamp = getattr(request, "_lienhiep_stamp", None) or read(request)[1]
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    cache.set(cache_key(request), (stamp, response.content, headers), TIMEOUT)


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
            if is_anonymous_get(request) and request.path.startswith(drawn_pages()):
                find_site(request)
            return self.get_response(request)
        cached = lookup(request)
        if cached is not None:
            return cached
        find_site(request)
        response = self.get_response(request)
        if getattr(response, "lienhiep_cacheable", False) and response.status_code == 200:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            store(request, response)
        return response
