"""Which Wagtail site is a union's, and which union is a site's: the one answer to both.

A hosted union's site has the union's home page as its root page, and the home page names the
union (its ``organisation``). The home page model belongs to the website app, the highest layer,
so the answer is read here, in the lowest, from the root pages as they are (``specific``) —
every layer that needs a union's site (privacy's name rule, contests' winners, the website's
setup) asks these two functions and nothing else.
"""

from wagtail.models import Page, Site


def _roots(sites):
    """``{page id: specific root page}`` of ``sites``: one query per page type."""
    ids = {site.root_page_id for site in sites}
    return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}


def union_id_of(site):
    """The id of the union whose home page is ``site``'s root page (``None``: no union's)."""
    if site is None:
        return None
    return getattr(_roots([site]).get(site.root_page_id), "organisation_id", None)


def site_of(union, *, default=True):
    """The site whose root page is ``union``'s home page; else the default site (the
    installation's first union's, answering every host no other site has), or ``None`` with
    ``default=False`` or when there is no site at all."""
    sites = list(Site.objects.order_by("pk"))
    roots = _roots(sites)
    pk = getattr(union, "pk", union)
    for site in sites:
        if pk is not None and getattr(roots.get(site.root_page_id), "organisation_id", None) == pk:
            return site
    if not default:
        return None
    return next((s for s in sites if s.is_default_site), sites[0] if sites else None)
