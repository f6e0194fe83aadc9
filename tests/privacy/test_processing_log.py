"""The processing log of personal data: staff opening an entry's screen (its authors' data) is
logged with who and when; a union's leader reads only their union's entries of the log."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.contests.enums import ContestKind
from lienhiep.contests.models import ContestRound
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.privacy import services
from lienhiep.privacy.enums import RequestKind
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

VIEWED = "Đã xem dữ liệu cá nhân"


@pytest.fixture
def entry(demo):
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    return round.entries.order_by("code").first()


def other_unions_request():
    vusta = Organisation.objects.get(slug="vusta")
    union = make_org("Liên hiệp hội tỉnh Bên cạnh", kind=OrganisationKind.UNION, parent=vusta)
    return services.record_request(
        union=union,
        kind=RequestKind.KNOW,
        name="Người của tỉnh bên",
        birth_date=None,
        received_on=date.today(),
        user=make_user(roles.UNION_STAFF, union),
    )


def test_staff_opening_an_entry_is_logged_with_who_and_what(client, personas, entry):
    staff = personas["union_staff"]
    client.force_login(staff)
    for view in ("contests_entry:inspect", "contests_entry:edit"):
        assert client.get(reverse(view, args=[entry.pk])).status_code == 200
    viewed = ModelLogEntry.objects.filter(action="privacy.record.viewed").order_by("pk")
    assert [(e.user, e.object_id, e.content_type.model) for e in viewed] == [
        (staff, str(entry.pk), "entry"),
        (staff, str(entry.pk), "entry"),
    ]
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert log.count(VIEWED) == 2 and entry.title in log


def test_a_leader_reads_only_their_unions_entries_of_the_log(client, personas, entry):
    other = other_unions_request()
    client.force_login(personas["union_staff"])
    client.get(reverse("contests_entry:inspect", args=[entry.pk]))
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert (VIEWED in log, other.name in log) == (True, False)
    client.force_login(personas["federation"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert (VIEWED in log, other.name in log) == (True, True)


@pytest.mark.parametrize("count", [1, 3])
def test_the_log_takes_a_fixed_number_of_queries(
    client, personas, entry, count, django_assert_max_num_queries
):
    for _n in range(count):
        services.log_viewed(record=entry, user=personas["union_staff"])
    client.force_login(personas["leader"])
    with django_assert_max_num_queries(20):
        log = client.get(reverse("privacy_log")).content.decode()
    assert log.count(VIEWED) == count
