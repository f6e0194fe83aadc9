from datetime import date

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from lienhiep.privacy.models import PrivacySettings

from . import search as site_search
from .models import NewsArticlePage, SiteSettings
from .queries import latest_news, site_root
from .search_records import search_records


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    rows = (page_rows(request, query) + record_rows(request, query)) if query else []
    rows.sort(key=lambda row: row["date"] or date.min, reverse=True)
    return TemplateResponse(request, "website/search.html", {"query": query, "results": rows})


def page_rows(request, query):
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
        for page in site_search.search(query, site_root(request))
    ]


def record_rows(request, query):
    root = site_root(request)

    def rule():  # read only when a winner found did not consent to publishing
        return PrivacySettings.for_request(request).unconsented_names

    return [
        {
            "kind": found.kind,
            "url": found.url,
            "title": site_search.highlight(found.title, query),
            "lead": site_search.highlight(found.lead, query),
            "date": found.date,
        }
        for found in search_records(query, name_rule=rule, site_root=root)
    ]


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
