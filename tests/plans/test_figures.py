"""One aggregation per roll-up rule: the national table's cell is the union's single figure."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from lienhiep.core.indicators import YEAR, Months
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans import figures, services
from lienhiep.plans.enums import Method
from lienhiep.plans.models import Indicator, ReportedValue
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def tree(demo):
    """A union (5, entered second), its association (30, first) and that one's unit (7, last)."""
    federation = Organisation.objects.get(slug="vusta")
    union = make_org("Liên hiệp hội tỉnh Thử", kind=OrganisationKind.UNION, parent=federation)
    association = make_org(parent=union)
    unit = make_org(parent=association, kind=OrganisationKind.SUBORDINATE_UNIT)
    return union, [(association, 30, 1), (union, 5, 2), (unit, 7, 3)]


def reported(rule, tree):
    union, values = tree
    indicator = Indicator.objects.create(
        code=f"t.{rule}", name=rule, unit="hộ", method=Method.REPORTED, rollup=rule
    )
    staff = make_user(roles.UNION_STAFF, union)
    for organisation, amount, day in values:
        value = services.report_value(
            indicator=indicator,
            organisation=organisation,
            year=2024,
            value=amount,
            source="Báo cáo",
            user=staff,
        )
        ReportedValue.objects.filter(pk=value.pk).update(
            entered_at=datetime(2025, 1, day, tzinfo=HANOI)
        )
    return indicator


def national_cell(indicator, union):
    table = figures.national_table(2024, [indicator])
    [cell] = [values for _, unions in table for u, values in unions if u == union]
    return cell.get(indicator.code)


@pytest.mark.parametrize(
    ("rule", "expected"), [("sum", 42), ("none", 5), ("max", 30), ("latest", 7)]
)
def test_national_cell_equals_the_single_figure_by_rule(tree, rule, expected):
    union = tree[0]
    indicator = reported(rule, tree)
    single = figures.value(indicator, union, 2024)
    assert (single, national_cell(indicator, union)) == (expected, expected)


def test_national_table_costs_one_query_per_indicator(tree, django_assert_num_queries):
    indicators = [reported(rule, tree) for rule in ("sum", "none", "max", "latest")]
    with django_assert_num_queries(4 + len(indicators)):  # and one for the packages
        figures.national_table(2024, indicators)


@pytest.mark.parametrize("months", [YEAR, Months(1, 6)])
def test_the_figures_added_up_in_one_query_equal_each_figure_worked_out_alone(
    demo, months, django_assert_max_num_queries
):
    """``figures()`` adds the computed indicators up in one query per rule (``core.indicators
    .values``); each equals its own ``value()`` on the demo, with records or without."""
    indicators = list(Indicator.objects.filter(method=Method.COMPUTED).order_by("code"))
    for year in (2024, 2025, 2026):
        alone = [figures.value(i, demo, year, months=months) for i in indicators]
        with django_assert_max_num_queries(5):  # targets, tree, package, sum, none
            together = figures.figures(demo, year, indicators, months=months)
        assert [f.value for f in together] == alone
    assert any(alone)


def test_the_years_read_together_equal_each_year_read_alone(demo, django_assert_max_num_queries):
    """``figures_of_years()`` reads several years' figures with one query each for the targets,
    the packages and the totals; ``values_by_year()`` gives a total's five years in one query."""
    indicators = list(Indicator.objects.filter(method=Method.COMPUTED).order_by("code"))
    years = (2022, 2023, 2024, 2025, 2026)
    alone = {year: [f.value for f in figures.figures(demo, year, indicators)] for year in years}
    # targets, tree, packages, sum, none, and the money total (not an integer) one query a year
    with django_assert_max_num_queries(5 + len(years)):
        together = figures.figures_of_years(demo, dict.fromkeys(years, indicators))
    assert {year: [f.value for f in found] for year, found in together.items()} == alone
    members = Indicator.objects.get(code="directory.members")
    with django_assert_max_num_queries(2):  # the tree, the five years
        trend = figures.values_by_year(members, demo, years)
    assert trend == {year: figures.value(members, demo, year) for year in years}
    assert any(trend.values())


@pytest.mark.parametrize("code", ["directory.members", "activities.workshops", "community.funding"])
def test_a_series_read_with_the_figures_equals_it_read_alone(
    demo, code, django_assert_max_num_queries
):
    """``figures_and_series()`` reads a trend's five years with the figures' totals: the same
    values as ``values_by_year()``, the same figures as ``figures_of_years()``, no more queries
    for a series the registry adds up."""
    indicators = list(Indicator.objects.filter(method=Method.COMPUTED).order_by("code"))
    series = Indicator.objects.get(code=code)
    years = range(2022, 2027)
    asked = {2024: indicators, 2023: indicators[:3]}
    alone = figures.values_by_year(series, demo, years)
    figures_alone = figures.figures_of_years(demo, asked)
    # targets, tree, packages, sum, none, the money total one query a year
    extra = 0 if figures.adds_up(series) and code != "community.funding" else len(years)
    with django_assert_max_num_queries(5 + len(asked) + extra):
        by_year, values = figures.figures_and_series(demo, asked, series, years)
    assert values == alone
    assert {y: [f.value for f in found] for y, found in by_year.items()} == {
        y: [f.value for f in found] for y, found in figures_alone.items()
    }
    assert any(values.values())
