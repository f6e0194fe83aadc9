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
    """The contests' index and each public round's page: its call, then its results."""

    def items(self):
        from lienhiep.contests.enums import PUBLIC_STATES
        from lienhiep.contests.models import ContestRound

        rounds = ContestRound.objects.filter(state__in=PUBLIC_STATES).order_by("-launch_date")
        return [None, *rounds]

    def location(self, item):
        if item is None:
            return reverse("contest_index")
        return reverse("contest_round", args=[item.slug])


SITEMAPS = {"pages": PageSitemap, "contests": ContestSitemap()}
