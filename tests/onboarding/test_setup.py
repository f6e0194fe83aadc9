"""First-run setup: from an empty installation to the union, its website and its dashboard."""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Site

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation, Province
from lienhiep.directory.setup import default_union
from lienhiep.website.models import NewsIndexPage

pytestmark = pytest.mark.empty_installation

LAM_DONG = [
    "--name",
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
    "--province",
    "Lâm Đồng",
    "--slug",
    "lam-dong",
    "--abbreviation",
    "LHH",
    "--signer",
    "Nguyễn Văn An",
]


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def superuser():
    return get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mat-khau-dai-1")


def test_setup_union_command_makes_the_union_its_site_and_the_default(empty_installation):
    said = run("setup_union", *LAM_DONG)

    union = Organisation.objects.get(slug="lam-dong")
    assert said == "Đã thiết lập Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng (lam-dong).\n"
    assert (union.kind, union.province.name, union.signer_name) == (
        OrganisationKind.UNION,
        "Lâm Đồng",
        "Nguyễn Văn An",
    )
    assert default_union() == union
    home = Client().get("/").content.decode()
    assert "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng" in home
    assert "Welcome to your new Wagtail site" not in home
    assert Site.objects.get(is_default_site=True).root_page.specific.organisation == union
    assert NewsIndexPage.objects.child_of(Site.objects.get().root_page).get().slug == "tin-tuc"
    year = date.today().year
    figures = run("indicators", "--org", "lam-dong", "--year", str(year))
    assert figures.splitlines()[0] == f"{union.name} – năm {year}"


def test_setup_union_command_creates_the_first_staff_login(empty_installation):
    said = run(
        "setup_union", *LAM_DONG, "--admin-username", "vanphong", "--admin-password", "x" * 12
    )

    account = get_user_model().objects.get(username="vanphong")
    assert said.splitlines()[-1] == f"Tài khoản: vanphong / {'x' * 12}"
    assert roles.has_role(account, roles.UNION_STAFF)
    assert account.scope.organisation.slug == "lam-dong"
    assert account.check_password("x" * 12)


def test_setup_union_command_names_an_unknown_province(empty_installation):
    args = list(LAM_DONG)
    args[3] = "Hòa An"
    with pytest.raises(CommandError, match="“Hòa An” không phải là một trong 34 tỉnh, thành phố"):
        run("setup_union", *args)
    assert not Organisation.objects.exists()


def test_setup_union_refuses_a_second_union(empty_installation):
    run("setup_union", *LAM_DONG)
    args = list(LAM_DONG)
    args[5] = "lam-dong-2"
    with pytest.raises(CommandError, match="đã có liên hiệp hội"):
        run("setup_union", *args)
    assert Organisation.objects.filter(kind=OrganisationKind.UNION).count() == 1


def test_first_login_is_sent_to_setup_and_sets_the_union_up(empty_installation):
    client = Client()
    client.force_login(superuser())

    assert client.get("/admin/").url == "/admin/setup/"
    form = client.get("/admin/setup/").content.decode()
    assert "Thiết lập liên hiệp hội" in form
    lam_dong = Province.objects.get(name="Lâm Đồng")
    response = client.post(
        "/admin/setup/",
        {
            "name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
            "province": lam_dong.pk,
            "abbreviation": "LHH",
            "signer_name": "Nguyễn Văn An",
            "signer_title": "CHỦ TỊCH",
        },
    )

    assert response.status_code == 302
    union = default_union()
    assert (union.slug, union.place_name) == (
        "lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-lam-dong",
        "Lâm Đồng",
    )
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/setup/").url == "/admin/"


def test_setup_screen_keeps_nothing_from_a_form_with_errors(empty_installation):
    client = Client()
    client.force_login(superuser())

    page = client.post("/admin/setup/", {"name": "Liên hiệp hội", "abbreviation": "LHH"})

    text = page.content.decode()
    assert page.status_code == 200
    assert text.count("Trường này là bắt buộc.") == 3  # province, signer and title
    assert not Organisation.objects.exists()


def test_setup_screen_is_the_administrators_only(empty_installation):
    staff = get_user_model().objects.create_user("canbo", password="mat-khau-dai-1")
    staff.groups.add(roles.group(roles.UNION_STAFF))
    client = Client()
    client.force_login(staff)

    assert client.get("/admin/setup/").status_code == 302  # Wagtail sends it to its login
    assert client.post("/admin/setup/", {"name": "X"}).status_code == 302
    assert not Organisation.objects.exists()
