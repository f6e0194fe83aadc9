"""Federation staff add a union hosted on the installation, with its website at its host name."""

import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Site

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Province
from lienhiep.directory.setup import default_union

pytestmark = pytest.mark.django_db

URL = "/admin/lien-hiep-hoi/"
HOST = "lienhiep.lamdong.vn"
NAME = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"


@pytest.fixture
def clear_sites():
    yield
    Site.clear_site_root_paths_cache()  # kept in the cache, which the rollback does not empty


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def fields(**changed):
    return {
        "name": NAME,
        "hostname": HOST,
        "province": Province.objects.get(name="Lâm Đồng").pk,
        "abbreviation": "LHH",
        "signer_name": "Nguyễn Văn An",
        "signer_title": "CHỦ TỊCH",
        "username": "vanphong.lamdong",
        "email": "vp@lamdong.vn",
        **changed,
    }


def test_federation_staff_add_a_hosted_union_served_at_its_host_name(
    personas, demo, clear_sites, django_capture_on_commit_callbacks
):
    client = signed_in(personas["federation"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, fields(hostname="LienHiep.LamDong.vn"))

    assert response.url == URL
    union = Organisation.objects.get(name=NAME)
    assert (union.kind, union.is_default, default_union()) == (OrganisationKind.UNION, False, demo)
    site = Site.objects.get(hostname=HOST)
    assert (site.is_default_site, site.root_page.specific.organisation) == (False, union)
    listing = client.get(URL).content.decode()
    assert re.findall(r'class="hosted-union__host">([^<]+)<', listing) == ["127.0.0.1", HOST]
    assert f"Đã thiết lập {NAME} và cổng thông tin tại {HOST}." in listing
    account = personas["federation"].__class__.objects.get(username="vanphong.lamdong")
    assert (roles.has_role(account, roles.UNION_STAFF), account.scope.organisation) == (
        True,
        union,
    )
    (message,) = mail.outbox
    assert message.to == ["vp@lamdong.vn"]
    assert f"http://{HOST}/admin/password_reset/confirm/" in message.body
    home = Client().get("/", HTTP_HOST=HOST)
    assert (home.status_code, NAME in home.content.decode()) == (200, True)


@pytest.mark.parametrize(
    ("changed", "error"),
    [
        ({"hostname": "127.0.0.1"}, "Một cổng thông tin khác đã dùng tên miền này."),
        ({"hostname": "lien hiep/lam dong"}, "Hãy nhập một tên miền như lienhiep.lamdong.vn"),
        ({"email": ""}, "Thư mời được gửi tới địa chỉ này."),
    ],
)
def test_a_wrong_host_name_or_login_saves_nothing(personas, demo, clear_sites, changed, error):
    page = signed_in(personas["federation"]).post(URL, fields(**changed))

    assert (page.status_code, error in page.content.decode()) == (200, True)
    assert not Organisation.objects.filter(name=NAME).exists()
    assert Site.objects.count() == 1


@pytest.mark.parametrize("persona", ["union_staff", "leader", "editor"])
def test_only_federation_staff_and_superusers_add_a_hosted_union(personas, demo, persona):
    client = signed_in(personas[persona])

    assert client.get(URL).status_code in {302, 403}
    assert client.post(URL, fields()).status_code in {302, 403}
    assert not Organisation.objects.filter(name=NAME).exists()


def test_the_hosted_unions_list_costs_the_same_for_one_site_as_for_three(
    personas, demo, clear_sites
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lienhiep.onboarding.services import setup_union

    client = signed_in(personas["federation"])

    def listed():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(URL).content.decode()
        return re.findall(r'class="hosted-union__host">([^<]+)<', html), len(queries)

    listed()  # the first request fills the shared caches (the admin's logo, the menu)
    one, cost = listed()
    for number in (2, 3):
        setup_union(
            user=None,
            hostname=f"lienhiep{number}.example.vn",
            name=f"Liên hiệp hội thử {number}",
            province=Province.objects.get(name="Lâm Đồng"),
            slug=f"lhh-thu-{number}",
            abbreviation="LHH",
            place_name="",
            signer_name="Nguyễn Văn An",
            signer_title="CHỦ TỊCH",
        )
    listed()  # adding a site empties the shared caches: fill them again
    three, cost_for_three = listed()
    assert (one, three) == (
        ["127.0.0.1"],
        ["127.0.0.1", "lienhiep2.example.vn", "lienhiep3.example.vn"],
    )
    assert cost_for_three == cost
