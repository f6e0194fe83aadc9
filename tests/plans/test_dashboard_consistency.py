"""One rule for the dashboard: the same figure written the same way in every block (plain, never
padded on a screen), and one year for every panel (the latest year with records)."""

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_figure
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import MemberCount, Organisation
from lienhiep.directory.years import dashboard_year, latest_year_with_records
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import Indicator, YearlyReturn
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def section(html, heading):
    """The text of the dashboard block whose heading has the id ``heading``."""
    start = html.index(f'aria-labelledby="{heading}"')
    return words(html[start : html.index("</section>", start)])


def figure_after(text, label):
    """The figure written right after ``label:`` in a block's text."""
    found = re.search(re.escape(label) + r" ?: ([0-9.,]+)", text)
    assert found, f"{label!r} not in {text!r}"
    return found.group(1)


def test_format_figure_never_pads_a_screen_figure():
    from decimal import Decimal

    assert [format_figure(v) for v in (3, 0, 12436, Decimal("1250.00"), 24.5, None)] == [
        "3",
        "0",
        "12.436",
        "1.250",
        "24,5",
        "—",
    ]


def test_every_dashboard_block_writes_a_figure_the_same_way(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    html = client.get("/admin/", {"year": 2024}).content.decode()
    registry, plan = section(html, "registry-heading"), section(html, "plan-heading")
    name = dict(Indicator.objects.values_list("code", "name"))

    with translation.override("vi"):
        pairs = {
            "congresses": (
                figure_after(registry, _("Congresses held in the year")),
                figure_after(plan, name["directory.congresses"]),
            ),
            "admitted": (
                figure_after(registry, _("Admitted in the year")),
                figure_after(plan, name["directory.admitted"]),
            ),
            "overdue congresses": (
                figure_after(registry, _("Overdue for a congress")),
                figure_after(plan, _("Overdue:").rstrip(":")),
            ),
            "club members": (
                figure_after(registry, _("Club members")),
                figure_after(plan, name["directory.club_members"]),
            ),
            "member organisations": (
                figure_after(registry, _("Member organisations")),
                figure_after(plan, _("Member organisations")),  # the card
            ),
        }
    # the sample year's figures (sample/hoa-an-2024.md), each written once, plainly, in both
    assert {k: v for k, v in pairs.items() if k != "overdue congresses"} == {
        "congresses": ("2", "2"),
        "admitted": ("1", "1"),
        "club members": ("112", "112"),
        "member organisations": ("31", "31"),
    }
    registry_overdue, plan_overdue = pairs["overdue congresses"]
    assert registry_overdue == plan_overdue and not registry_overdue.startswith("0")
    assert re.findall(r"(?<![\d.,/])0\d\b(?!/)", registry + plan) == []


@pytest.fixture
def lagging(demo):
    """A union whose member counts lag a year behind: counts of 2023, a return of 2024."""
    union = make_org("Liên hiệp hội thử năm trễ", kind=OrganisationKind.UNION, parent=demo.parent)
    member = make_org(parent=union, admission_decision_date=date(2015, 1, 1))
    MemberCount.objects.create(organisation=member, year=2023, members=120, source="Thử")
    YearlyReturn.objects.create(
        organisation=member,
        year=2024,
        deadline=date(2025, 1, 15),
        members=125,
        state=ReturnState.SUBMITTED,
    )
    return union


def panel_years(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    registry = re.search(r'id="registry-heading"[^>]*>[^<]*?(\d{4})\s*</h2>', html)
    plan = re.search(r'<input type="number" name="year" value="(\d{4})"', html)
    return int(registry.group(1)), int(plan.group(1))


def test_both_panels_open_on_the_demos_latest_year(client, demo):
    assert panel_years(client, make_user(roles.UNION_STAFF, demo)) == (2024, 2024)


def test_both_panels_open_on_the_same_year_when_member_counts_lag(client, lagging):
    assert latest_year_with_records(lagging, date(2026, 12, 1)) == 2024
    assert panel_years(client, make_user(roles.UNION_STAFF, lagging)) == (2024, 2024)


def test_the_year_chosen_is_kept_for_every_panel(client, lagging):
    client.force_login(make_user(roles.UNION_STAFF, lagging))
    client.get("/admin/", {"year": 2023})
    html = client.get("/admin/").content.decode()
    assert 'name="year" value="2023"' in html
    assert re.search(r'id="registry-heading"[^>]*>[^<]*2023\s*</h2>', html)


def test_dashboard_year_without_an_organisation_is_this_year(rf):
    request = rf.get("/")
    request.session = {}
    assert dashboard_year(request, None) == date.today().year
    assert dashboard_year(request, Organisation(pk=None), 2022) == 2022
