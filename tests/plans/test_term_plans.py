"""The congress resolution's term targets: entered once on a screen, seen only by those who see
the union, and read by the term report."""

import re
from datetime import date

import pytest
from django.urls import reverse

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Term
from lienhiep.plans.models import Indicator, TermPlan
from lienhiep.plans.rules import term_plans_for
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(demo):
    return Term.objects.get(organisation=demo, number=5)


def test_staff_enter_the_term_targets_on_the_screen(client, demo, term):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    congresses = Indicator.objects.get(code="directory.congresses")
    response = client.post(
        reverse("plans_termplan:add"),
        {
            "term": term.pk,
            "resolution": "Nghị quyết Đại hội đại biểu lần thứ V",
            "targets-TOTAL_FORMS": "1",
            "targets-INITIAL_FORMS": "0",
            "targets-MIN_NUM_FORMS": "0",
            "targets-MAX_NUM_FORMS": "1000",
            "targets-0-indicator": congresses.pk,
            "targets-0-value": "30",
            "targets-0-ORDER": "1",
        },
    )
    assert response.status_code == 302
    plan = TermPlan.objects.get(term=term)
    assert [(t.indicator.code, t.value) for t in plan.targets.all()] == [
        ("directory.congresses", 30)
    ]
    assert str(plan) == "Chỉ tiêu nhiệm kỳ – " + str(term)


def test_another_unions_staff_neither_see_nor_choose_its_terms(client, demo, term):
    other = make_org(kind=OrganisationKind.UNION, name="Liên hiệp hội khác")
    own = Term.objects.create(
        organisation=other, number=1, congress_date=date(2021, 3, 1), planned_end=date(2026, 3, 1)
    )
    TermPlan.objects.create(term=term)
    staff = make_user(roles.UNION_STAFF, other)
    assert list(term_plans_for(staff)) == []
    client.force_login(staff)
    page = client.get(reverse("plans_termplan:add")).content.decode()
    choices = re.search(r'<select name="term".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', choices) == [str(own.pk)]
