"""The federation's national view: who has sent, packages and hosted unions alike, the map of
the 34 provinces, each union's figures and the Excel export."""

import io
import xml.etree.ElementTree as ET

import pytest
from bench.national import package_as
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.api.package.build import build
from lienhiep.api.package.load import load
from lienhiep.directory.models import Organisation
from lienhiep.plans import figures, maps, national
from lienhiep.plans.models import Indicator

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def sent(demo):
    """Two provinces' unions sent the Hòa An package of 2024 as theirs."""
    package = build(union=demo, year=2024)
    for province in ("lam-dong", "ca-mau"):
        load(
            package=package_as(
                package, slug=f"lhh-{province}", name=f"LHH {province}", province=province
            ),
            trust=True,
        )
    return {f.indicator.code: f.value for f in figures.figures(demo, 2024)}


def test_a_union_that_sent_a_package_counts_its_package_figures(sent):
    result = national.national(2024)
    by_name = {p.name: u for p, u in result.table if p}
    [(union, values)] = by_name["Lâm Đồng"]
    assert union.slug == "lhh-lam-dong"
    for code in national.NATIONAL_CODES:
        assert values.get(code) == sent[code], code
    members = Indicator.objects.get(code="directory.members")
    assert result.by_province(members)["ca-mau"] == sent["directory.members"]


def test_completeness_names_who_has_not_sent(sent):
    result = national.national(2024)
    assert sorted(p.name for p in result.sent) == ["Cà Mau", "Lâm Đồng"]
    assert len(result.missing) == 32 and "Hà Nội" in {p.name for p in result.missing}


def test_the_view_says_how_many_provinces_sent_and_draws_the_map(client, personas, sent):
    client.force_login(personas["federation"])
    response = client.get(
        reverse("plans_national"), {"year": 2024, "indicator": "directory.members"}
    )
    html = response.content.decode()
    assert "2/34 liên hiệp hội tỉnh đã gửi số liệu năm 2024" in html
    assert "Hà Nội" in html.split("Chưa gửi:")[1].split("</p>")[0]
    svg = ET.fromstring(str(response.context["map"]))
    units = svg.findall(f".//{SVG}path[@class='unit']")
    assert len(units) == 34
    titles = {u.get("data-province"): u.find(f"{SVG}title").text for u in units}
    members = figures.display_number(sent["directory.members"])
    assert titles["lam-dong"] == f"Lâm Đồng: {members}"
    assert titles["ha-noi"] == "Hà Nội: chưa gửi số liệu"
    legend = svg.find(f".//{SVG}g[@class='legend']")
    labels = [t.text for t in legend.iter(f"{SVG}text")]
    assert labels[-1] == "Chưa gửi số liệu" and members in labels
    filled = {u.get("fill") for u in units if u.get("data-province") in ("lam-dong", "ca-mau")}
    assert filled <= set(maps.PALETTE)


def test_the_dashboard_links_federation_staff_to_the_national_view(client, personas):
    client.force_login(personas["federation"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{reverse("plans_national")}"' in home
    assert "Bảng toàn quốc và bản đồ 34 tỉnh, thành phố" in home


def test_the_view_costs_a_fixed_number_of_queries(
    client, personas, sent, django_assert_max_num_queries
):
    client.force_login(personas["federation"])
    url = reverse("plans_national")
    client.get(url, {"year": 2024})
    with django_assert_max_num_queries(26):  # the admin page itself takes most
        assert client.get(url, {"year": 2024}).status_code == 200


def test_drill_down_to_a_union_shows_where_its_figures_come_from(client, personas, sent, demo):
    client.force_login(personas["federation"])
    union = Organisation.objects.get(slug="lhh-lam-dong")
    html = client.get(reverse("plans_national_union", args=[union.pk]), {"year": 2024})
    assert "từ gói số liệu có chữ ký" in html.content.decode()
    hosted = client.get(reverse("plans_national_union", args=[demo.pk]), {"year": 2024})
    assert "đếm từ các bản ghi" in hosted.content.decode()
    members = next(f for f, _ in hosted.context["rows"] if f.indicator.code == "directory.members")
    assert members.value == sent["directory.members"]


def test_the_national_table_downloads_as_excel(client, personas, sent):
    client.force_login(personas["federation"])
    response = client.get(reverse("plans_national_export"), {"year": 2024})
    assert response["Content-Disposition"].startswith('attachment; filename="bang-toan-quoc-2024')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    headings = rows[0]
    column = headings.index(Indicator.objects.get(code="directory.members").name)
    row = next(r for r in rows if r[0] == "Lâm Đồng")
    assert (row[1], row[column]) == ("LHH lam-dong", sent["directory.members"])
    assert rows[-1][0] == "Toàn quốc"


@pytest.mark.parametrize(
    "name", ["plans_national", "plans_national_export", "plans_national_union"]
)
def test_union_staff_are_not_offered_the_national_view(client, personas, demo, name):
    args = [demo.pk] if name == "plans_national_union" else []
    for persona in ("union_staff", "leader", "officer"):
        client.force_login(personas[persona])
        response = client.get(reverse(name, args=args), {"year": 2024})
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert f'href="{reverse("plans_national")}"' not in home


def test_bands_are_distinct_ranges_in_order():
    classes = maps.bands([1, 2, 2, 3, 10, 40, 40, None, 7, 8])
    assert [b.label for b in classes] == ["1 – 2", "3", "7 – 8", "10 – 40"]
    assert [b.colour for b in classes] == maps.PALETTE[1:]
    assert maps.colour_of(5, classes) == maps.PALETTE[3] and maps.colour_of(None, classes) is None
