from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from lienhiep.api.main import api
from lienhiep.website import views as website

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", website.search_view, name="search"),
    path("tin-tuc/rss/", website.NewsFeed(), name="news_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", website.robots_view, name="robots"),
    path("cuoc-thi/", include("lienhiep.contests.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
