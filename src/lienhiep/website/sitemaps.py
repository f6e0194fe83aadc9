"""The sitemap: the site's pages and the contests' public pages, at the host the visitor used.

Wagtail writes page addresses with the host and port of its ``Site`` record (set once, at setup);
here every address is the visitor's own scheme, host and port with the page's path.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class PageSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = f"{protocol}://{domain}{path_of(url['location'])}"
        return urls


class ContestSitemap(DjangoSitemap):
    """The contests' index and each public round's page: its call, then its results; on a
    site's host, only its own union's rounds."""

    def __init__(self, request=None):
        self.request = request

    def items(self):
        from lienhiep.contests.views.public import public_rounds

        return [None, *public_rounds(self.request).order_by("-launch_date")]

    def location(self, item):
        if item is None:
            return reverse("contest_index")
        return reverse("contest_round", args=[item.slug])


def sitemap(request, **kwargs):
    """Wagtail's sitemap view with the contests' part made for the visitor's site."""
    from wagtail.contrib.sitemaps.views import sitemap as pages_sitemap

    sitemaps = {"pages": PageSitemap, "contests": ContestSitemap(request)}
    return pages_sitemap(request, sitemaps=sitemaps, **kwargs)
