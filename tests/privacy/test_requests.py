"""Personal data requests: recorded with their deadline, access gives one file with every record,
erasure anonymises what may go and keeps the winners' records, withdrawal stops publication;
the retention rule anonymises what has passed its period; the processing log names who did it."""

import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from lienhiep.contests.enums import ContestKind, FileKind, PrizeLevel
from lienhiep.contests.models import ContestRound, EntryFile
from lienhiep.directory.models import Organisation
from lienhiep.privacy import services, tasks
from lienhiep.privacy.enums import RequestKind, RequestState
from lienhiep.privacy.models import DataRequest
from lienhiep.website import caching
from tests.contests.conftest import png
from tests.refusals import refused

pytestmark = pytest.mark.django_db

BORN = date(2011, 4, 2)


@pytest.fixture
def person(demo):
    """Đặng Thị Thu Hà, author of a first prize and of an entry that won nothing (round 12)."""
    round = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    won = round.entries.filter(prize=PrizeLevel.FIRST).first()
    lost = round.entries.filter(prize="", national_prize="").first()
    for entry in (won, lost):
        entry.authors.filter(is_main=True).update(
            name="Đặng Thị Thu Hà", birth_date=BORN, publish_consent=True, email="ha@example.vn"
        )
    EntryFile.objects.create(entry=lost, kind=FileKind.PHOTO, file=png("ha.png"))
    return won, lost


def ask(personas, kind, name="dang thi thu ha"):
    """A request of the person, written without accents, recorded by the union's staff."""
    return services.record_request(
        union=Organisation.objects.get(slug="hoa-an"),
        kind=kind,
        name=name,
        birth_date=BORN,
        received_on=date.today(),
        user=personas["union_staff"],
    )


def test_an_access_request_is_due_in_ten_days_and_only_staff_record_it(personas, person):
    request = ask(personas, RequestKind.ACCESS)
    assert request.due_on == date.today() + timedelta(days=10)
    assert request.state == RequestState.OPEN
    for who in ("leader", "officer", "editor", "judge"):
        with pytest.raises(PermissionDenied):
            services.record_request(
                union=request.union,
                kind=RequestKind.KNOW,
                name="Ai đó",
                received_on=date.today(),
                user=personas[who],
            )


def test_access_gives_one_file_with_every_record_and_names_the_exporter(personas, person):
    won, lost = person
    request = ask(personas, RequestKind.ACCESS)
    rendered = services.export_person_data(request=request, user=personas["union_staff"])
    archive = zipfile.ZipFile(io.BytesIO(rendered.content))
    summary = json.loads(archive.read("du-lieu-ca-nhan.json"))
    assert summary["Người xuất"] == personas["union_staff"].get_username()
    codes = sorted(
        r["Dữ liệu đang lưu giữ"]["Bài dự thi"].split(" – ")[0] for r in summary["Hồ sơ"]
    )
    assert codes == sorted([won.code, lost.code])
    photo = lost.files.get(kind=FileKind.PHOTO).file.name.rsplit("/", 1)[-1]
    assert [n for n in archive.namelist() if n.startswith("tep/")] == [f"tep/001-{photo}"]
    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED
    assert request.answered_by == personas["union_staff"]


def test_erasure_anonymises_the_entry_without_prize_and_keeps_the_winner(personas, person):
    won, lost = person
    request = ask(personas, RequestKind.ERASE)
    outcome = services.erase_person(request=request, user=personas["union_staff"])
    assert sorted((o.record, o.done) for o in outcome) == sorted(
        [
            (f"Tác giả bài dự thi {won.code}", "kept"),
            (f"Tác giả bài dự thi {lost.code}", "anonymised"),
        ]
    )
    kept = won.authors.get(is_main=True)
    gone = lost.authors.get(is_main=True)
    assert (kept.name, kept.birth_date) == ("Đặng Thị Thu Hà", BORN)
    assert (gone.name, gone.birth_date, gone.email) == ("Tác giả đã ẩn danh", None, "")
    others = lost.authors.exclude(pk=gone.pk).exists()
    assert lost.files.filter(kind=FileKind.PHOTO).exists() == others  # the last author: gone
    request.refresh_from_db()
    assert request.outcome[0]["reason"] and request.state == RequestState.ANSWERED
    with pytest.raises(Exception, match="đã được trả lời"):
        services.erase_person(request=request, user=personas["union_staff"])


def test_withdrawing_consent_stops_publication_at_once(
    client, personas, person, django_capture_on_commit_callbacks
):
    won, _lost = person
    url = reverse("contest_round", args=[won.round.slug])
    cache.clear()
    assert "Đặng Thị Thu Hà" in client.get(url).content.decode()
    search = reverse("search")
    assert f"#{won.code}" in client.get(search, {"q": "dang thi thu ha"}).content.decode()
    caching.invalidate()
    before = cache.get(caching.GENERATION_KEY)
    request = ask(personas, RequestKind.WITHDRAW)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = services.withdraw_publication(request=request, user=personas["union_staff"])
    assert len(withdrawn) == 2
    assert cache.get(caching.GENERATION_KEY) != before  # the public pages' cache is emptied
    html = client.get(url).content.decode()
    assert "Đặng Thị Thu Hà" not in html and "Đ. T. T. H." in html
    found = client.get(search, {"q": "dang thi thu ha"}).content.decode()
    assert f"#{won.code}" not in found


def test_the_retention_rule_anonymises_past_due_authors_and_lists_them(personas, person):
    won, lost = person
    ContestRound.objects.filter(pk=won.round_id).update(closed_on=date(2024, 6, 1))
    out = io.StringIO()
    call_command("apply_retention", "--today", "01/12/2026", stdout=out)
    gone = lost.authors.get(is_main=True)
    assert gone.anonymised_at is not None and gone.name == "Tác giả đã ẩn danh"
    assert won.authors.get(is_main=True).name == "Đặng Thị Thu Hà"
    lines = out.getvalue().splitlines()
    assert f"Tác giả bài dự thi {lost.code}: Bài dự thi không đoạt giải" in lines[0]
    assert lines[-1].startswith("Đã ẩn danh hoặc xóa ")
    again = io.StringIO()
    call_command("apply_retention", "--today", "01/12/2026", stdout=again)
    assert again.getvalue().splitlines() == ["Đã ẩn danh hoặc xóa 0 hồ sơ."]


def test_nothing_is_anonymised_before_the_period_ends(personas, person):
    won, lost = person
    ContestRound.objects.filter(pk=won.round_id).update(closed_on=date(2026, 6, 1))
    assert services.apply_retention(today=date(2026, 12, 1)) == []
    assert lost.authors.get(is_main=True).anonymised_at is None


def test_the_requests_screen_is_scoped_and_the_log_names_who(client, personas, person):
    request = ask(personas, RequestKind.ACCESS)
    other = DataRequest.objects.create(
        union=request.union,
        kind=RequestKind.KNOW,
        name="Người khác",
        received_on=date.today(),
        due_on=date.today(),
    )
    client.force_login(personas["leader"])
    page = client.get(reverse("privacy_requests")).content.decode()
    assert "dang thi thu ha" in page and "Người khác" in page
    assert "Ghi nhận yêu cầu" not in page  # the leader reads, staff record
    client.get(reverse("privacy_request", args=[other.pk]))
    log = client.get(reverse("privacy_log")).content.decode()
    assert "Đã xem yêu cầu về dữ liệu cá nhân" in log
    assert "Đã ghi nhận yêu cầu về dữ liệu cá nhân" in log
    for who in ("officer", "editor", "judge"):
        client.force_login(personas[who])
        assert refused(client, reverse("privacy_requests"), {"name": "Ai đó"})
        for url in (reverse("privacy_log"), reverse("privacy_request", args=[other.pk])):
            response = client.get(url)
            assert (
                response.status_code in (302, 404) and "Người khác" not in response.content.decode()
            )


@pytest.mark.parametrize("count", [1, 3])
def test_the_requests_list_takes_a_fixed_number_of_queries(
    client, personas, demo, count, django_assert_max_num_queries
):
    for n in range(count):
        DataRequest.objects.create(
            union=demo,
            kind=RequestKind.KNOW,
            name=f"Người {n}",
            received_on=date.today(),
            due_on=date.today(),
        )
    client.force_login(personas["union_staff"])
    client.get(reverse("privacy_requests"))  # the header's logo kept in the cache
    with django_assert_max_num_queries(20):
        page = client.get(reverse("privacy_requests")).content.decode()
    assert page.count('href="/admin/privacy/requests/') == count


def test_the_scheduled_task_applies_the_same_rule(personas, person):
    won, lost = person
    ContestRound.objects.filter(pk=won.round_id).update(closed_on=date(2020, 1, 1))
    result = tasks.apply_retention.enqueue()
    assert result.return_value >= 1
    assert lost.authors.get(is_main=True).anonymised_at is not None
    assert won.authors.get(is_main=True).anonymised_at is None
