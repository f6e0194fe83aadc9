from datetime import date

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from lienhiep.core.formatting import fold
from lienhiep.privacy.models import PrivacySettings

from . import caching
from . import search as site_search
from .models import NewsArticlePage, SiteSettings
from .queries import latest_news, site_root
from .search_records import members, published_records, union_of


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    rows = found_rows(request, query) if query else []
    rows.sort(key=lambda row: row["date"] or date.min, reverse=True)
    return TemplateResponse(request, "website/search.html", {"query": query, "results": rows})


def found_rows(request, query):
    """The pages, winners and honoured found are kept until anything on the site is published
    (``caching.fragment``); the member associations are read each time (they change with no
    publish)."""
    root = site_root(request)
    phrase = " ".join(fold(query).split())

    def published():
        union = union_of(root) if phrase else None
        found = published_records(phrase, record_rule(request), union, root) if phrase else []
        records = [record_row(record, query) for record in found[:50]]
        return {"union": union, "pages": page_rows(request, query, root), "records": records}

    kept = caching.fragment(request, "home", "search", [query], published)
    found = members(phrase, kept["union"])[:50] if phrase else []
    records = [record_row(record, query) for record in found] + kept["records"]
    return kept["pages"] + records[:50]


def page_rows(request, query, root):
    return [
        {
            "kind": page.specific_class._meta.verbose_name,
            "url": page.get_url(request),
            "title": site_search.highlight(page.title, query),
            "lead": site_search.highlight(
                getattr(page, "lead", "")
                or getattr(page, "summary", "")
                or page.search_description,
                query,
            ),
            "date": getattr(page, "date", None) or page.first_published_at.date(),
        }
        for page in site_search.search(query, root)
    ]


def record_rule(request):
    def rule():  # read only when a winner found did not consent to publishing
        return PrivacySettings.for_request(request).unconsented_names

    return rule


def record_row(found, query):
    return {
        "kind": found.kind,
        "url": found.url,
        "title": site_search.highlight(found.title, query),
        "lead": site_search.highlight(found.lead, query),
        "date": found.date,
    }


def robots_view(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(
        f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n", content_type="text/plain"
    )


def favicon_view(request):
    """``/favicon.ico``, asked for by browsers on their own: the union's logo, else our default."""
    logo = SiteSettings.for_request(request).logo
    if logo is None:
        return HttpResponseRedirect(static("website/favicon.svg"))
    return HttpResponseRedirect(logo.get_rendition("fill-64x64|format-png").url)


class NewsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        settings = SiteSettings.for_request(self.request)
        return settings.union_name or _("News")

    def link(self):
        return "/"

    def description(self):
        return _("The latest news of the union")

    def items(self):
        return latest_news(site_root(self.request))[:20]

    def item_title(self, item: NewsArticlePage):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at
