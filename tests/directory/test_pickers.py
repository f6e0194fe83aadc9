"""Organisation selects start at the user's union and offer only the kinds that fit."""

import pytest
from django.urls import reverse

from lienhiep.activities.enums import CEREMONY, CONFERENCE
from lienhiep.activities.models import Activity
from lienhiep.directory.enums import PARTNER_KINDS, UNION_FAMILY_KINDS, OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.honours.models import HonourRound
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def form_of(client, url):
    return client.get(url).context["form"]


def kinds(field):
    return set(field.queryset.values_list("kind", flat=True))


def test_an_activity_organiser_starts_at_the_union_and_is_one_of_its_own(client, personas, demo):
    client.force_login(personas["union_staff"])
    form = form_of(client, reverse("activities_activity:add"))
    assert form["organiser"].value() == demo.pk
    assert kinds(form.fields["organiser"]) <= set(UNION_FAMILY_KINDS)
    assert OrganisationKind.PEOPLES_COMMITTEE in kinds(form.fields["co_organisers"])
    assert OrganisationKind.FEDERATION not in kinds(form.fields["co_organisers"])


def test_the_setup_superuser_without_a_scope_starts_at_the_default_union(client, demo):
    """The login of the first-run setup has no organisation scope: its forms start at the
    installation's default union (``directory.rules.own_organisation``)."""
    client.force_login(make_user(superuser=True))
    assert form_of(client, reverse("activities_activity:add"))["organiser"].value() == demo.pk
    assert form_of(client, reverse("consulting_case:add"))["union"].value() == demo.pk
    assert form_of(client, reverse("directory_person:add"))["home"].value() == demo.pk


def test_an_officer_s_activity_starts_at_their_own_association(client, personas):
    client.force_login(personas["officer"])
    form = form_of(client, reverse("activities_activity:add"))
    assert form["organiser"].value() == Organisation.objects.get(slug="hoi-dieu-duong").pk


def test_a_critique_requester_is_a_partner_body(client, personas, demo):
    client.force_login(personas["union_staff"])
    form = form_of(client, reverse("consulting_case:add"))
    offered = kinds(form.fields["requester"])
    assert offered and offered <= set(PARTNER_KINDS)
    assert form["union"].value() == demo.pk
    assert kinds(form.fields["union"]) == {OrganisationKind.UNION}


def test_a_nominating_unit_starts_at_the_union(client, personas, demo):
    client.force_login(personas["union_staff"])
    form = form_of(client, reverse("honours_nomination:add"))
    assert form["nominating_unit"].value() == demo.pk
    assert kinds(form.fields["nominating_unit"]) <= set(UNION_FAMILY_KINDS)


def test_the_ceremony_is_a_ceremony_or_conference_of_the_round_s_year(client, personas, demo):
    round = HonourRound.objects.filter(union=demo).exclude(year=None).first()
    client.force_login(personas["union_staff"])
    form = form_of(client, reverse("honours_round:edit", args=[round.pk]))
    offered = form.fields["ceremony"].queryset
    assert offered.exists()
    assert set(offered.values_list("kind__slug", flat=True)) <= {CEREMONY, CONFERENCE}
    assert {a.start_date.year for a in offered} == {round.year}
    workshops = Activity.objects.filter(organiser=demo, start_date__year=round.year).exclude(
        kind__slug__in=[CEREMONY, CONFERENCE]
    )
    assert workshops.exists() and not offered.filter(pk__in=workshops).exists()


def test_a_plan_starts_at_the_union_and_a_return_offers_member_associations(client, personas, demo):
    client.force_login(personas["union_staff"])
    plan = form_of(client, reverse("plans_annualplan:add"))
    assert plan["organisation"].value() == demo.pk
    returns = form_of(client, reverse("plans_yearlyreturn:add"))
    assert kinds(returns.fields["organisation"]) <= {
        OrganisationKind.MEMBER_ASSOCIATION,
        OrganisationKind.COLLECTIVE_MEMBER,
    }


def test_co_organisers_and_participants_are_searchable_checkboxes(client, personas, demo):
    client.force_login(personas["union_staff"])
    page = client.get(reverse("activities_activity:add")).content.decode()
    assert page.count('<div class="choice-search" data-choice-search>') == 2
    assert 'data-choice="hoi dieu duong' in page
    assert "core/js/choice-search.js" in page
    assert '<select name="co_organisers"' not in page
