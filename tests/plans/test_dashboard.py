"""The dashboard as cards and charts: every figure from the registry, every element linked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lienhiep.directory import roles
from lienhiep.directory.measures import MEASURES
from lienhiep.directory.rules import subtree_ids
from lienhiep.plans import dashboard
from lienhiep.plans.models import Indicator
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_cards_state_the_year_and_the_change_from_the_last(demo):
    from lienhiep.plans import figures

    indicators = Indicator.objects.filter(code__in=dashboard.card_codes())
    this_year = {f.indicator.code: f for f in figures.figures(demo, 2024, indicators)}
    cards = {c.label: c for c in dashboard.cards(demo, 2024, this_year)}
    assert [(c.display, c.change, c.direction) for c in cards.values()] == [
        ("12.436", "+414", "up"),
        ("31", "+1", "up"),
        ("30", "+30", "up"),
        ("215", "+215", "up"),
        ("9", "+9", "up"),
        ("4,2 tỷ đồng", "+4,2 tỷ đồng", "up"),
    ]
    assert list(cards) == [
        "Hội viên",
        "Tổ chức thành viên",
        "Hoạt động đã tổ chức",
        "Bài dự thi",
        "Trí thức được tôn vinh",
        "Kinh phí huy động",
    ]
    ids = subtree_ids(demo.pk)
    members = MEASURES["directory.members"]
    assert cards["Hội viên"].value == members.value(ids, 2024)
    assert cards["Hội viên"].previous == members.value(ids, 2023)
    assert cards["Hội viên"].records_url.endswith(f"?org={demo.pk}&year=2024")
    workshops = MEASURES["activities.workshops"]
    assert workshops.value(ids, 2024) < cards["Hoạt động đã tổ chức"].value


def test_the_trend_draws_five_years_of_the_chosen_indicator(demo):
    members = Indicator.objects.get(code="directory.members")
    chart = dashboard.trend_chart(members, demo, 2024)
    assert chart.rows == [
        ("2020", "0"),
        ("2021", "0"),
        ("2022", "0"),
        ("2023", "12.022"),
        ("2024", "12.436"),
    ]
    assert chart.points[-1].url.endswith(f"?org={demo.pk}&year=2024")
    choices = dashboard.trend_choices()
    assert dashboard.trend_indicator("no.such-code", choices) == members
    assert dashboard.trend_indicator("activities.workshops", choices).name == "Hội thảo khoa học"
    assert all(i.code.count(".") == 1 for i in choices)


def test_union_staff_home_shows_cards_charts_and_congresses_in_few_queries(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    client.get("/admin/?year=2024")  # the user's groups, scope and year, once per session
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/admin/?year=2024&trend=activities.workshops").content.decode()
    # The cards cost a query per indicator for last year, the trend one per year.
    assert len(captured) <= 100, len(captured)
    text = words(html)
    assert "Hội viên 12.436 +414 so với 2023" in text
    assert 'id="plan-chart"' in html and html.count('class="chart chart--') == 3
    assert "Hội thảo khoa học, 2020–2024" in text
    assert '<desc id="returns-ring-desc">Đã gửi: 19; Chưa gửi: 3</desc>' in html
    # One rule for overdue congresses: the plan panel and the registry strip say the same.
    assert "Quá hạn: 3 . Đến hạn trong sáu tháng tới: 3" in text and "Quá hạn Đại hội: 3" in text
    rows = re.findall(r'<tr class="dash-congresses--overdue">(.*?)</tr>', html, re.S)
    assert len(rows) == 3 and all("Quá hạn" in words(row) for row in rows)


def test_a_card_says_a_fall_and_no_change_as_its_figure_is_written(demo):
    from decimal import Decimal

    from lienhiep.plans import figures

    funding = Indicator.objects.get(code="community.funding")
    members = Indicator.objects.get(code="directory.members")

    def card(indicator, now, before):
        def figure(value, year):
            return figures.Figure(indicator, demo, year, value)

        return dashboard.Card("x", [figure(now, 2024)], [figure(before, 2023)])

    fall = card(funding, Decimal(1_000_000_000), Decimal(1_500_000_000))
    assert (fall.display, fall.change, fall.direction) == ("1 tỷ đồng", "−500 triệu đồng", "down")
    same = card(members, 1200, 1200)
    assert (same.display, same.change, same.direction) == ("1.200", "±0", "same")
    empty = card(members, None, None)
    assert (empty.display, empty.change) == ("—", "±0")
