import re

import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Site

from lienhiep.contests.enums import PUBLIC_STATES, RoundState
from lienhiep.contests.models import ContestRound
from lienhiep.website.models import NewsArticlePage, SiteSettings

pytestmark = pytest.mark.django_db

HOST = "lienhiep.example.vn:8000"


def locations(client):
    xml = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    return re.findall(r"<loc>(.*?)</loc>", xml)


def test_sitemap_uses_the_visitors_host_and_port(client, demo, settings):
    settings.SERVED_HOSTS = ["lienhiep.example.vn"]
    assert Site.objects.get(is_default_site=True).port == 80
    found = locations(client)
    latest = NewsArticlePage.objects.live().order_by("-date").first()
    assert f"http://{HOST}{latest.url}" in found
    assert f"http://{HOST}/" in found
    assert all(url.startswith(f"http://{HOST}/") for url in found)


def test_sitemap_lists_the_public_contest_pages(client, demo, settings):
    settings.SERVED_HOSTS = ["lienhiep.example.vn"]
    draft = ContestRound.objects.first()
    ContestRound.objects.filter(pk=draft.pk).update(state=RoundState.DRAFT)
    public = ContestRound.objects.filter(state__in=PUBLIC_STATES)
    found = [url for url in locations(client) if "/cuoc-thi/" in url]
    assert sorted(found) == sorted(
        [f"http://{HOST}/cuoc-thi/"] + [f"http://{HOST}/cuoc-thi/{r.slug}/" for r in public]
    )
    assert public.count() >= 2


def icon(html):
    return re.findall(r'<link rel="icon" type="([^"]+)" href="([^"]+)">', html)


def test_every_public_page_links_the_default_favicon(client, demo):
    for url in ("/", "/tin-tuc/", "/hoi-thi/", "/cuoc-thi/", "/tim-kiem/?q=hoi"):
        assert icon(client.get(url).content.decode()) == [
            ("image/svg+xml", "/static/website/favicon.svg")
        ], url
    assert client.get("/favicon.ico")["Location"] == "/static/website/favicon.svg"


def test_favicon_is_the_unions_logo(client, demo, tmp_path, settings):
    from io import BytesIO

    from PIL import Image as Picture

    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    Picture.new("RGB", (120, 120), "navy").save(buffer, "PNG")
    logo = Image.objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.logo = logo
    site_settings.save()
    html = client.get("/tin-tuc/").content.decode()
    ((kind, href),) = icon(html)
    assert kind == "image/png"
    assert href == logo.get_rendition("fill-64x64|format-png").url
    assert client.get("/favicon.ico")["Location"] == href
