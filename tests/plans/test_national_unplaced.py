"""A union with no province given in the national view: listed by its own name in a group of its
own (not on the map, not one of the 34 units), with a hint to set its province; the demo's Hòa
An said to be a fictional province."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Province
from lienhiep.plans import national
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def unplaced(demo):
    """A second union hosted here whose staff have not yet entered its province."""
    return make_org("Liên hiệp hội chưa ghi tỉnh", kind=OrganisationKind.UNION, parent=demo.parent)


def group(html):
    start = html.index('<tbody class="national-unplaced">')
    return html[start : html.index("</tbody>", start)]


def test_unions_without_a_province_are_a_group_of_their_own(unplaced, demo):
    result = national.national(2024)

    assert [u.name for u, _values in result.unplaced] == [demo.name, unplaced.name]
    assert len(result.placed) == Province.objects.count() == 34
    assert result.provinces == 34
    assert demo.province_id is None  # Hòa An is not one of the 34 units


def test_the_national_table_labels_the_group_and_links_to_set_the_province(
    client, personas, unplaced, demo
):
    client.force_login(personas["federation"])
    html = client.get(reverse("plans_national"), {"year": 2024}).content.decode()
    rows = group(html)
    text = words(rows)

    assert text.startswith(
        "Chưa ghi tỉnh, thành phố: không có trên bản đồ, không tính vào 34 đơn vị hành chính"
    )
    assert "Dữ liệu minh họa: Hòa An là tỉnh giả định." in text
    assert rows.count("Ghi tỉnh, thành phố") == 2
    for union in (demo, unplaced):
        assert reverse("directory_organisation:edit", args=[union.pk]) in rows
        assert union.name in text
    assert "Chưa ghi tỉnh" not in words(html[: html.index('<tbody class="national-unplaced">')])


def test_the_organisation_screen_has_the_province_field(client, personas, unplaced):
    client.force_login(personas["federation"])
    html = client.get(reverse("directory_organisation:edit", args=[unplaced.pk])).content.decode()
    assert re.search(r'<select name="province"[^>]*id="id_province"', html)

    lam_dong = Province.objects.get(name="Lâm Đồng")
    unplaced.province = lam_dong
    unplaced.save()
    result = national.national(2024)
    assert [u.name for u, _v in dict(result.placed)[lam_dong]] == [unplaced.name]
    assert [u.name for u, _v in result.unplaced] == [
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"
    ]


def test_the_export_labels_the_unions_without_a_province(client, personas, unplaced):
    client.force_login(personas["federation"])
    response = client.get(reverse("plans_national_export"), {"year": 2024})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[:2] for r in rows if r[1] == unplaced.name] == [
        ("Chưa ghi tỉnh, thành phố (không có trên bản đồ)", unplaced.name)
    ]
