"""Admin lists and pages show yes/no as words, and no internal columns."""

import re

import pytest
from django.urls import reverse

from lienhiep.core.admin_views import yes_or_no
from tests.i18n.walk import visible_text

pytestmark = pytest.mark.django_db


def test_yes_or_no_are_vietnamese_words():
    assert [yes_or_no(True), yes_or_no(False), yes_or_no(None)] == ["Có", "Không", ""]


def test_a_yes_no_filter_chip_says_co(client, personas):
    client.force_login(personas["union_staff"])
    url = reverse("directory_organisation:index")
    text = visible_text(client.get(url, {"congress_overdue": "true"}).content.decode())
    assert re.search(r"quá hạn Đại hội\s*:?\s*Có", text, re.I)
    assert not re.search(r"\b(True|False)\b", text)


def test_a_boolean_column_says_co_or_khong(client, personas):
    client.force_login(personas["union_staff"])
    text = visible_text(client.get(reverse("honours_nomination:index")).content.decode())
    assert "Có" in text and "Không" in text
    assert not re.search(r"\b(True|False)\b", text)


def test_inspect_hides_the_id_and_search_text(client, personas):
    client.force_login(personas["union_staff"])
    from lienhiep.directory.models import Province

    province = Province.objects.first()
    url = reverse("directory_province:inspect", args=[province.pk])
    text = visible_text(client.get(url).content.decode())
    assert province.name in text
    assert not re.search(r"\b(ID|Search text)\b", text)
