from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lienhiep.api.main import api
from lienhiep.core import private
from lienhiep.core.sprite import icon_sprite
from lienhiep.privacy import views as privacy
from lienhiep.website import views as website
from lienhiep.website.routing import serve_page
from lienhiep.website.sitemaps import sitemap

urlpatterns = [
    # before Wagtail's admin: the sprite's answer kept under its hash (``core.sprite``)
    path("admin/sprite/", icon_sprite),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", website.search_view, name="search"),
    path("tin-tuc/rss/", website.NewsFeed(), name="news_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", website.robots_view, name="robots"),
    path("favicon.ico", website.favicon_view, name="favicon"),
    path("cuoc-thi/", include("lienhiep.contests.urls")),
    path("du-lieu-ca-nhan/", privacy.notice_view, name="privacy_notice"),
    path(
        settings.PRIVATE_MEDIA_URL.strip("/") + "/<path:name>", private.serve, name="private_file"
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages are found by their URL path (``website.routing``); Wagtail's own patterns stay behind
# it for its ``_util/`` views (password-protected pages) and for reversing page URLs.
urlpatterns += [
    re_path("^(?!_util/)" + wagtail_urls.serve_pattern[1:], serve_page, name="serve_page"),
    path("", include(wagtail_urls)),
]
