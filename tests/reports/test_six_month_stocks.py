"""A six-month report counts its stocks on 30/6: the club's members and the journal's issues."""

from datetime import date

import pytest

from lienhiep.core.indicators import MEASURES, Months
from lienhiep.directory.enums import OrganisationKind, Role
from lienhiep.directory.models import Membership
from lienhiep.reports import content
from lienhiep.reports.enums import ReportKind

pytestmark = pytest.mark.django_db


def text_of(data):
    return " ".join(
        " ".join([b.get("p", ""), *b.get("list", [])])
        for part in data["parts"]
        for s in part["sections"]
        for b in s["blocks"]
        if b
    )


def test_the_six_month_report_counts_the_club_and_the_journal_on_30_june(demo):
    june = date(2024, 6, 30)
    club = Membership.objects.filter(organisation__kind=OrganisationKind.CLUB, role=Role.MEMBER)
    on_30_june = (
        club.filter(start_date__lte=june).exclude(end_date__lte=june).count()
    )  # the demo's club admits and loses members in the year's second half
    assert on_30_june != MEASURES["directory.club_members"].value(None, 2024) == 112
    assert MEASURES["directory.club_members"].value(None, 2024, months=Months(1, 6)) == on_30_june

    text = text_of(content.build(demo, 2024, ReportKind.HALF_YEAR))
    assert f"đến ngày 30/6/2024 có {on_30_june} hội viên." in text
    assert "phát hành 02 số tập san điện tử." in text
    year = text_of(content.build(demo, 2024))
    assert ("đến cuối năm 2024 có 112 hội viên." in year, "04 số tập san" in year) == (True, True)
