"""The processing log of personal data: staff opening an entry's or a person's screen, downloading
a file holding personal data or exporting a list of people is logged with who, what and when; a
union's leader reads only their union's entries of the log."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.contests.enums import ContestKind, FileKind
from lienhiep.contests.models import ContestRound, EntryFile
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.honours.models import HonourRound, Nomination
from lienhiep.privacy import services
from lienhiep.privacy.enums import RequestKind
from tests.contests.conftest import png
from tests.factories import make_org, make_person, make_user

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
        services.log_processing(record=entry, user=personas["union_staff"])
    client.force_login(personas["leader"])
    with django_assert_max_num_queries(20):
        log = client.get(reverse("privacy_log")).content.decode()
    assert log.count(VIEWED) == count


@pytest.fixture
def other_leader():
    vusta = Organisation.objects.get(slug="vusta")
    union = make_org("Liên hiệp hội tỉnh Láng giềng", kind=OrganisationKind.UNION, parent=vusta)
    return make_user(roles.UNION_LEADER, union)


def test_staff_opening_a_persons_screen_is_logged_and_read_by_their_leader_only(
    client, personas, other_leader
):
    person = make_person(Organisation.objects.get(slug="hoi-y-hoc"), "Lê", "Thị", "Nhung")
    staff = personas["union_staff"]
    client.force_login(staff)
    for view in ("directory_person:inspect", "directory_person:edit"):
        assert client.get(reverse(view, args=[person.pk])).status_code == 200
    viewed = ModelLogEntry.objects.filter(action="privacy.record.viewed").order_by("pk")
    assert [(e.user, e.object_id, e.content_type.model) for e in viewed] == [
        (staff, str(person.pk), "person"),
        (staff, str(person.pk), "person"),
    ]
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert log.count(VIEWED) == 2 and "Lê Thị Nhung" in log
    client.force_login(other_leader)
    assert "Lê Thị Nhung" not in client.get(reverse("privacy_log")).content.decode()


def test_screens_without_personal_data_are_not_logged(client, personas):
    client.force_login(personas["union_staff"])
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    assert client.get(reverse("directory_organisation:inspect", args=[unit.pk])).status_code == 200
    assert not ModelLogEntry.objects.filter(action__startswith="privacy.").exists()


def test_downloading_a_dossier_file_is_logged_with_the_file(client, personas, other_leader):
    round = HonourRound.objects.create(
        union=Organisation.objects.get(slug="hoa-an"),
        number=9,
        year=2026,
        opens_on=date(2026, 3, 1),
        closes_on=date(2026, 6, 30),
    )
    unit = Organisation.objects.get(slug="hoi-y-hoc")
    nominee = make_person(unit, "Lê", "Thị", "Nhung")
    nomination = Nomination.objects.create(round=round, nominee=nominee, nominating_unit=unit)
    nomination.letter.save("to-trinh-nhung.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    client.force_login(personas["union_staff"])
    answer = client.get(nomination.letter.url)
    assert answer.status_code == 200 and b"".join(answer.streaming_content).startswith(b"%PDF")
    (entry,) = ModelLogEntry.objects.filter(action="privacy.file.downloaded")
    assert (entry.user, entry.object_id, entry.data["file"]) == (
        personas["union_staff"],
        str(nomination.pk),
        nomination.letter.name.rsplit("/", 1)[-1],
    )
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert "Đã tải tệp chứa dữ liệu cá nhân" in log and "Lê Thị Nhung" in log
    client.force_login(other_leader)
    assert "Đã tải tệp" not in client.get(reverse("privacy_log")).content.decode()


def test_exporting_the_list_of_people_is_logged_under_the_union(client, personas, other_leader):
    client.force_login(personas["union_staff"])
    answer = client.get(reverse("directory_person:index"), {"export": "xlsx"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/vnd")
    (entry,) = ModelLogEntry.objects.filter(action="privacy.data.exported")
    assert (entry.user, entry.content_type.model, entry.object_id, entry.data["list"]) == (
        personas["union_staff"],
        "organisation",
        str(Organisation.objects.get(slug="hoa-an").pk),
        "người",
    )
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert "Đã xuất dữ liệu cá nhân" in log and "Liên hiệp các Hội" in log
    client.force_login(other_leader)
    assert "Đã xuất dữ liệu cá nhân" not in client.get(reverse("privacy_log")).content.decode()


def test_the_yearbook_and_an_entrys_file_are_logged(client, personas, entry, other_leader):
    photo = EntryFile.objects.create(entry=entry, kind=FileKind.PHOTO, file=png("tac-gia.png"))
    client.force_login(personas["union_staff"])
    answer = client.get(reverse("contests_entry_file", args=[entry.pk, photo.pk]))
    assert b"".join(answer.streaming_content).startswith(b"\x89PNG")
    answer = client.get(reverse("contests_yearbook", args=[entry.round.pk, "docx"]))
    assert answer.status_code == 200
    logged = ModelLogEntry.objects.filter(
        action__in=["privacy.file.downloaded", "privacy.data.exported"]
    )
    assert sorted((e.action, e.content_type.model, e.data["file"][-5:]) for e in logged) == [
        ("privacy.data.exported", "organisation", ".docx"),
        ("privacy.file.downloaded", "entry", photo.file.name[-5:]),
    ]
    client.force_login(personas["leader"])
    log = client.get(reverse("privacy_log")).content.decode()
    assert ("Đã tải tệp chứa dữ liệu cá nhân" in log, "Đã xuất dữ liệu cá nhân" in log) == (
        True,
        True,
    )
    client.force_login(other_leader)
    log = client.get(reverse("privacy_log")).content.decode()
    assert ("Đã tải tệp" in log, "Đã xuất dữ liệu cá nhân" in log) == (False, False)
