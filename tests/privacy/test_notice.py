"""The privacy notice: versioned in the site settings, linked from every public page."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from lienhiep.privacy.models import NoticeVersion, PrivacySettings
from lienhiep.privacy.notices import current_notice

pytestmark = pytest.mark.django_db


def test_the_footer_of_public_pages_links_the_notice(client, demo):
    link = f'<a href="{reverse("privacy_notice")}">Bảo vệ dữ liệu cá nhân</a>'
    for url in ["/", reverse("contest_index"), reverse("search") + "?q=hoi"]:
        assert link in client.get(url).content.decode(), url


def test_the_first_notice_names_the_union_and_is_version_one(client, demo):
    html = client.get(reverse("privacy_notice")).content.decode()
    assert "Phiên bản 1" in html
    assert demo.name in html
    assert "91/2025/QH15" in html


def test_each_change_of_the_notice_is_a_new_version(client, demo):
    site = Site.objects.get(is_default_site=True)
    first = current_notice(site)
    settings = PrivacySettings.for_site(site)
    settings.notice = "Liên hiệp hội là bên kiểm soát dữ liệu cá nhân.\n\nQuyền của bạn: ..."
    settings.save()
    settings.save()  # saved again unchanged: no new version
    assert list(NoticeVersion.objects.filter(site=site).values_list("number", flat=True)) == [
        2,
        1,
    ]
    assert current_notice(site).text.startswith("Liên hiệp hội là bên kiểm soát")
    assert NoticeVersion.objects.get(pk=first.pk).text == first.text
    html = client.get(reverse("privacy_notice")).content.decode()
    assert "Phiên bản 2" in html and "<p>Quyền của bạn: ...</p>" in html


def test_union_staff_edit_the_notice_in_the_site_settings(client, personas):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["privacy", "privacysettings", site.pk])
    client.force_login(personas["union_staff"])
    form = client.get(url)
    assert form.status_code == 200 and "Cài đặt dữ liệu cá nhân" in form.content.decode()
    data = {
        "notice": "Liên hiệp hội tỉnh Hòa An kiểm soát dữ liệu cá nhân của bạn.",
        "unconsented_names": "hidden",
        "know_days": "10",
        "access_days": "10",
        "correct_days": "10",
        "restrict_days": "15",
        "object_days": "15",
        "withdraw_days": "15",
        "erase_days": "10",
        "appeal_days": "30",
        "entry_retention_months": "12",
        "request_retention_months": "36",
    }
    assert client.post(url, data).status_code == 302
    assert current_notice(site).text == data["notice"]
    client.force_login(personas["editor"])
    assert client.get(url).status_code != 200
