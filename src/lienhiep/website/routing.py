"""Find the page a public URL asks for by its URL path: two queries at any depth.

Wagtail walks the tree from the home page, two queries a level (the child, then its specific
row). ``serve_page`` looks the page up by ``url_path`` instead and leaves the result where
Wagtail's own ``serve`` reads it (``request._wagtail_route_for_request``), so everything else —
view restrictions, ``before_serve_page`` hooks, previews — stays Wagtail's. A path it cannot
match (a page with sub-routes, an unknown path) goes through Wagtail's routing unchanged.

The page's view restrictions (its own and its ancestors') are read with it and kept with it
(``SearchablePage.get_view_restrictions``): Wagtail's check then makes no query. Adding or taking
a restriction empties every site's cache (``website.signals``), so none is kept past its change.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.views import serve

from .caching import fragment, route_fragment


def root_path(site):
    found = (root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk)
    return next(found, None)


def specific_page(pk, content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    related = getattr(model, "route_related", ())
    return model.objects.select_related(*related).filter(pk=pk).first()


def route(request, path):
    """Wagtail's route result for ``path``, or ``None`` to let Wagtail route it.

    The site, the page found (with its view restrictions) and Wagtail's sites' root paths are
    kept in the shared cache under the page's versions (``caching.fragment``), read with the
    site's fragments: a publish, unpublish or move of the page, or a site saved, empties them as
    it empties the page's entry (a home page published with a new slug empties its site's)."""
    found = fragment(request, *route_fragment(request), lambda: find_page(request, path))
    if found is None:
        return None
    site, page, root_paths = found
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site
    # Wagtail's sites' root paths (its pages' URLs), read once with the route: no round trip
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = root_paths
    page._wagtail_cached_site_root_paths = request._wagtail_cached_site_root_paths
    try:
        return page.route(request, [])
    except Http404:
        return None


def find_page(request, path):
    """The site of ``request``, its page at ``path`` and the sites' root paths (``None`` if
    there is no page)."""
    site = Site.find_for_request(request)
    root = root_path(site) if site else None
    if root is None:
        return None
    row = Page.objects.filter(url_path=root + path).values_list("pk", "content_type_id").first()
    page = specific_page(*row) if row else None
    if page is None:
        return None
    page.route_view_restrictions = list(page.get_view_restrictions())
    return site, page, Site.get_site_root_paths()


def serve_page(request, path):
    found = route(request, path)
    if found is not None:
        request._wagtail_route_for_request = found
    return serve(request, path)
