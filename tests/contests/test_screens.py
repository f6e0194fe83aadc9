"""The public pages, the staff screens, the judges' screens and the documents, over HTTP."""

import json
import subprocess
from datetime import date
from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lienhiep.contests import documents, services
from lienhiep.contests import queries as contest_queries
from lienhiep.contests.enums import ContestKind, FileKind, PrizeLevel
from lienhiep.contests.models import Assignment, Contest, ContestRound, Entry, EntryFile, Score
from lienhiep.core.formatting import format_count
from lienhiep.directory import roles
from lienhiep.reports import content as report_content
from lienhiep.reports.enums import ReportKind
from tests.counting import calls
from tests.factories import make_user
from tests.html_forms import form_values

from .conftest import entry_data, judge_user, png, png_claiming, round_of_2026, union_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def consent_data(number, prefix="authors"):
    """The consents of the child author ``number`` and their representative on the public form."""
    return {
        f"{prefix}-{number}-consent": "on",
        f"{prefix}-{number}-publish_consent": "on",
        f"{prefix}-{number}-representative_name": "Trần Văn Bình",
        f"{prefix}-{number}-representative_relation": "bố",
        f"{prefix}-{number}-representative_contact": "0912 345 678",
        f"{prefix}-{number}-representative_consent": "on",
        f"{prefix}-{number}-child_consent": "on",
    }


def form_data(round, **extra):
    data = {
        "title": "Chậu cây tự tưới",
        "field": round.fields.first().pk,
        "description": "Chậu cây tự tưới bằng bấc vải, giữ ẩm cho cây trong 10 ngày.",
        "entering_unit": "Trường THCS Nguyễn Du",
        "email": "ngoc@example.vn",
        "resides": "on",
        "authors-TOTAL_FORMS": "3",
        "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "1",
        "authors-MAX_NUM_FORMS": "10",
        "authors-0-name": "Trần Bảo Ngọc",
        "authors-0-birth_date": "12/03/2012",
        "authors-0-workplace": "Trường THCS Nguyễn Du",
        "authors-1-name": "Lý Gia Hân",
        "authors-1-birth_date": "01/07/2013",
        **consent_data(0),
        **consent_data(1),
    }
    data.update(extra)
    return data


def test_a_visitor_sends_an_entry_with_a_photo_and_gets_its_code(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "Gửi bài dự thi" in page.content.decode()
    response = client.post(url, {**form_data(youth_round), "photos": [png("a.png"), png("b.png")]})
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    entry = Entry.objects.get(round=youth_round)
    assert entry.code in receipt and "Chậu cây tự tưới" in receipt
    assert [a.name for a in entry.authors.all()] == ["Trần Bảo Ngọc", "Lý Gia Hân"]
    assert entry.authors.first().is_main
    assert sorted(f.kind for f in entry.files.all()) == [FileKind.PHOTO, FileKind.PHOTO]


def test_the_form_refuses_a_bad_photo_and_an_author_too_old(client, youth_round):
    url = reverse("contest_round", args=[youth_round.slug])
    fake = BytesIO(b"not a picture")
    fake.name = "anh.png"
    page = client.post(url, {**form_data(youth_round), "photos": [fake]}).content.decode()
    assert "Không mở được tệp ảnh này." in page
    for width in (7_000, 20_000):  # 68 bytes that claim 49 or 400 million pixels
        photo = png_claiming(width, width)
        page = client.post(url, {**form_data(youth_round), "photos": [photo]}).content.decode()
        assert "Ảnh có tối đa 40 triệu điểm ảnh." in page
    page = client.post(url, form_data(youth_round, **{"authors-1-birth_date": "05/05/2001"}))
    text = page.content.decode()
    assert "Lý Gia Hân, sinh ngày 05/05/2001, đã 25 tuổi vào ngày 31/12/2026" in text
    assert not Entry.objects.filter(round=youth_round).exists()


def test_spam_is_dropped_and_a_flood_is_stopped(client, youth_round, settings):
    url = reverse("contest_round", args=[youth_round.slug])
    assert (
        client.post(url, form_data(youth_round, website="http://spam.example")).status_code == 404
    )
    settings.LIENHIEP_PUBLIC_FORM_RATE = (2, 3600)
    flooded = "Địa chỉ của bạn đã gửi quá nhiều bài"
    # A visitor correcting a refused form is not locked out: refusals are not entries.
    for _attempt in range(3):
        page = client.post(url, form_data(youth_round, **{"authors-0-birth_date": "1/1/1990"}))
        assert flooded not in page.content.decode()
    client.post(url, form_data(youth_round, title="Bài 2"))
    client.post(url, form_data(youth_round, title="Bài 3"))
    assert flooded in client.post(url, form_data(youth_round, title="Bài 4")).content.decode()
    assert set(Entry.objects.filter(round=youth_round).values_list("title", flat=True)) == {
        "Bài 2",
        "Bài 3",
    }
    # A flood of refused posts is stopped too, at five times the limit of entries.
    cache.clear()
    refused = form_data(youth_round, **{"authors-0-birth_date": "1/1/1990"})
    pages = [client.post(url, refused).content.decode() for _n in range(11)]
    assert flooded not in pages[9] and flooded in pages[10]


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, youth_round, settings):
    url = reverse("contest_round", args=[youth_round.slug])
    settings.LIENHIEP_PUBLIC_FORM_RATE = (1, 3600)
    settings.LIENHIEP_TRUSTED_PROXIES = 1

    def send(title, forwarded):
        data = form_data(youth_round, title=title)
        return client.post(url, data, HTTP_X_FORWARDED_FOR=forwarded).content.decode()

    send("Bài của khách A", "9.9.9.9, 10.0.0.1")
    send("Bài của khách B", "9.9.9.9, 10.0.0.2")  # same claim, another visitor seen by the proxy
    assert "Địa chỉ của bạn đã gửi quá nhiều bài" in send("Bài thứ hai của A", "8.8.8.8, 10.0.0.1")
    assert set(youth_round.entries.values_list("title", flat=True)) == {
        "Bài của khách A",
        "Bài của khách B",
    }


def test_a_draft_round_is_not_public(client, demo):
    eighth = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=8)
    ninth = services.launch_round(
        contest=eighth.contest,
        number=9,
        period="2025-2026",
        launch_date=date(2025, 3, 1),
        entry_deadline=date(2026, 12, 30),
        user=union_staff(eighth.contest.union),
    )
    assert client.get(reverse("contest_round", args=[ninth.slug])).status_code == 404

    # Nor does the year's report say it was launched, until it is opened.
    def report_text():
        return json.dumps(report_content.build(demo, 2025, ReportKind.ANNUAL), ensure_ascii=False)

    partners = ", ".join(ninth.co_organiser_list())  # copied from the 8th round
    assert partners
    launched = f"Phối hợp với {partners} phát động {ninth.contest.name} lần thứ 9 (2025-2026)."
    assert launched not in report_text()
    services.open_round(round=ninth, user=union_staff(demo))
    assert launched in report_text()


def test_during_judging_the_call_says_the_entries_are_being_judged(client, youth_round, staff):
    entry = services.submit_entry(round=youth_round, data=entry_data(youth_round))
    services.review_entry(entry=entry, eligible=True, user=staff)
    services.start_judging(round=youth_round, user=staff)
    page = client.get(reverse("contest_round", args=[youth_round.slug])).content.decode()
    assert "Ban Tổ chức đang chấm thi; kết quả sẽ được công bố trên trang này." in page
    assert "Gửi bài dự thi" not in page


def test_results_page_lists_winners_and_national_results(client, demo):
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    page = client.get(reverse("contest_round", args=[twelfth.slug])).content.decode()
    winner = twelfth.entries.get(prize=PrizeLevel.FIRST)
    assert "Giải Nhất (01)" in page and winner.title in page
    assert "Ban Tổ chức đã nhận 168 bài dự thi, 162 bài đủ điều kiện và 18 bài đạt giải." in page
    national = twelfth.entries.get(national_prize=PrizeLevel.THIRD)
    assert "Vòng toàn quốc" in page and national.title in page
    index = client.get(reverse("contest_index")).content.decode()
    assert "lần thứ 13 (2024-2025)" in index and "lần thứ 12 (2023-2024)" in index


def pdf_text(content):
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_a_winner_downloads_a_certificate(client, demo, monkeypatch):
    renders = calls(monkeypatch, documents, "html_to_pdf")  # the real renderer, counted
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    winner = twelfth.entries.get(prize=PrizeLevel.FIRST)
    response = client.get(reverse("contest_certificate", args=[twelfth.slug, winner.code]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "GIẤY CHỨNG NHẬN" in text and "GIẢI NHẤT" in text
    assert winner.authors.first().name in " ".join(text.split())
    # The PDF is kept for the next visitors, but never outlives what it says.
    client.get(reverse("contest_certificate", args=[twelfth.slug, winner.code]))
    assert len(renders) == 1
    author = winner.authors.first()
    author.name = "Đặng Thị Thu Hà"
    author.save()
    again = client.get(reverse("contest_certificate", args=[twelfth.slug, winner.code]))
    assert "Đặng Thị Thu Hà" in " ".join(pdf_text(again.content).split()) and len(renders) == 2
    loser = twelfth.entries.filter(prize="").first()
    url = reverse("contest_certificate", args=[twelfth.slug, loser.code])
    assert client.get(url).status_code == 404


def test_the_yearbook_renders_to_word_and_pdf_with_vietnamese_intact(demo):
    from docx import Document

    seventh = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=7)
    winners = contest_queries.winners(seventh)
    assert len(winners) == 18 and all(w.photos() for w in winners)
    word = Document(BytesIO(documents.yearbook_docx(seventh)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "KỶ YẾU" in text
    assert "Hội thi Sáng tạo kỹ thuật tỉnh Hòa An lần thứ 7 (2021-2022)" in text
    assert "GIẢI NHÌ (03 bài dự thi)" in text and "GIẢI NHẤT" not in text
    for winner in winners:
        assert f"{winner.title}" in text
        assert winner.authors.first().name in text
    assert len(word.inline_shapes) == 18
    pdf = " ".join(pdf_text(documents.yearbook_pdf(seventh)).split())
    assert "KỶ YẾU" in pdf and "Hội thi Sáng tạo kỹ thuật tỉnh Hòa An" in pdf
    for winner in winners:
        assert winner.title in pdf and winner.authors.first().name in pdf


def test_a_photo_must_be_a_picture_and_the_yearbook_passes_over_one_that_is_not(demo):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile
    from docx import Document

    seventh = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=7)
    winner = contest_queries.winners(seventh)[0]
    scan = EntryFile(entry=winner, kind=FileKind.PHOTO, file=ContentFile(b"%PDF-1.4", "scan.pdf"))
    with pytest.raises(ValidationError) as error:
        scan.full_clean()
    assert "JPEG hoặc PNG" in error.value.message_dict["file"][0]
    winner.files.filter(kind=FileKind.PHOTO).delete()
    scan.save()  # as an entry saved before photos were checked would be
    EntryFile.objects.create(entry=winner, kind=FileKind.PHOTO, file=png("anh-that.png"))
    word = Document(BytesIO(documents.yearbook_docx(seventh)))
    assert len(word.inline_shapes) == 18


def test_staff_screens_of_a_round(client, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    client.force_login(staff)
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    page = client.get(reverse("contests_round_process", args=[twelfth.pk])).content.decode()
    assert "168 bài dự thi, 162 bài đủ điều kiện, 18 giải" in page
    assert page.count('class="review-form"') == 0  # published: decisions are final
    assert "TN12-0100" in page and "TN12-0101" not in page and "?p=2" in page  # 100 a page
    judging = client.get(reverse("contests_round_judging", args=[twelfth.pk])).content.decode()
    assert "Điểm trung bình đã chuẩn hóa" in judging
    for name in ("docx", "pdf"):
        response = client.get(reverse("contests_yearbook", args=[twelfth.pk, name]))
        assert response.status_code == 200 and len(response.content) > 1000
    assert client.get(reverse("contests_yearbook", args=[twelfth.pk, "exe"])).status_code == 404
    assert client.get(reverse("contests_round:index")).status_code == 200
    assert client.get(reverse("contests_round:add")).status_code == 200
    edit = client.get(reverse("contests_round:edit", args=[twelfth.pk])).content.decode()
    assert "Cơ khí tự động hóa" not in edit and "Đồ dùng học tập" in edit
    entry = twelfth.entries.first()
    edit = client.get(reverse("contests_entry:edit", args=[entry.pk])).content.decode()
    assert entry.title in edit and entry.authors.first().name in edit
    assert client.get(reverse("contests_entry:index") + "?q=tiet kiem").status_code == 200


def test_the_entry_list_offers_only_the_unions_own_rounds(client, demo):
    from lienhiep.directory.enums import OrganisationKind
    from lienhiep.directory.models import Organisation
    from tests.factories import make_org

    other = make_org(
        "Liên hiệp hội tỉnh Bình Minh",
        kind=OrganisationKind.UNION,
        parent=Organisation.objects.get(slug="vusta"),
    )
    services.launch_round(
        contest=Contest.objects.create(
            union=other, kind=ContestKind.TECHNICAL, name="Hội thi Sáng tạo kỹ thuật Bình Minh"
        ),
        number=3,
        period="2025-2026",
        launch_date=date(2025, 5, 1),
        entry_deadline=date(2025, 12, 1),
        user=union_staff(other),
    )
    client.force_login(make_user(roles.UNION_STAFF, demo))
    page = client.get(reverse("contests_entry:index")).content.decode()
    assert "Hội thi Sáng tạo kỹ thuật tỉnh Hòa An lần thứ 8 (2023-2024)" in page
    assert "Bình Minh" not in page


def _union_with_entries(count):
    from lienhiep.directory.enums import OrganisationKind
    from tests.factories import make_org

    union = make_org(f"Liên hiệp hội thử {count}", kind=OrganisationKind.UNION)
    for n in range(count):  # each entry in a round of its own contest
        contest = Contest.objects.create(
            union=union, kind=ContestKind.TECHNICAL, name=f"Hội thi {count}-{n}"
        )
        round = round_of_2026(contest)
        services.open_round(round=round, user=union_staff(union))
        services.submit_entry(round=round, data=entry_data(round), today=date(2026, 6, 1))
    return make_user(roles.UNION_STAFF, union)


@pytest.mark.parametrize("export", ["", "?export=xlsx", "?export=csv"])
def test_the_entry_list_costs_the_same_queries_with_more_rows(client, demo, export):
    counts = []
    for size in (1, 4):
        client.force_login(_union_with_entries(size))
        url = reverse("contests_entry:index") + export
        client.get(url)  # warm caches (content types, permissions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_staff_review_an_entry_and_correct_the_decision(client, youth_round, staff):
    client.force_login(staff)
    entries = [
        services.submit_entry(round=youth_round, data=entry_data(youth_round, title=f"Bài {n}"))
        for n in range(2)
    ]
    url = reverse("contests_round_process", args=[youth_round.pk])
    page = client.get(url + "?show=unreviewed").content.decode()
    assert "Chưa xét (02)" in page and 'value="yes" checked' not in page  # nothing pre-ticked
    response = client.post(
        url + "?show=unreviewed",
        {"action": "review", "entry": entries[0].pk, "eligible": "yes", "dossier": "registration"},
    )
    assert response["Location"] == f"{url}?show=unreviewed#entry-{entries[0].code}"
    page = client.get(url).content.decode()
    assert "Chưa xét (01)" in page and "Thay đổi quyết định" in page
    client.post(
        url,
        {"action": "review", "entry": entries[0].pk, "eligible": "no", "reason": "Thiếu phiếu"},
    )
    entries[0].refresh_from_db()
    assert entries[0].eligible is False and entries[0].eligibility_reason == "Thiếu phiếu"


def test_staff_record_a_paper_entry(client, youth_round, staff):
    client.force_login(staff)
    url = reverse("contests_paper_entry", args=[youth_round.pk])
    data = form_data(youth_round)
    del data["email"]
    response = client.post(url, data)
    assert response.status_code == 302
    entry = Entry.objects.get(round=youth_round)
    assert entry.source == "paper" and entry.created_by == staff


@pytest.fixture
def judged(youth_round, staff):
    field = youth_round.fields.first()
    entries = []
    for n in range(4):
        entry = services.submit_entry(
            round=youth_round, data=entry_data(youth_round, title=f"Bài {n}")
        )
        services.review_entry(entry=entry, eligible=True, user=staff)
        entries.append(entry)
    services.start_judging(round=youth_round, user=staff)
    judges = [judge_user(youth_round, field, name) for name in ("Mai", "Nam", "Oanh", "Phúc")]
    services.assign_automatically(round=youth_round, user=staff)
    return youth_round, judges


def test_a_judge_opens_only_their_own_entries(client, judged):
    round, judges = judged
    me = judges[0]
    mine = Assignment.objects.filter(judge__person__account=me)
    theirs = Assignment.objects.exclude(entry__in=mine.values("entry")).first()
    client.force_login(me)
    listing = client.get(reverse("contests_judging")).content.decode()
    for assignment in mine:
        assert assignment.entry.title in listing
    assert theirs.entry.title not in listing
    assert client.get(reverse("contests_score", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("contests_round_process", args=[round.pk])).status_code == 404
    assert client.get(reverse("contests_round_judging", args=[round.pk])).status_code == 404
    assert client.get(reverse("contests_entry:edit", args=[theirs.entry.pk])).status_code in (
        302,
        403,
        404,
    )


def test_a_judge_never_sees_another_judges_score(client, judged):
    round, judges = judged
    me = judges[0]
    mine = Assignment.objects.filter(judge__person__account=me).first()
    colleague = Assignment.objects.filter(entry=mine.entry).exclude(pk=mine.pk).first()
    criteria = list(round.criteria.all())
    services.score(
        assignment=colleague,
        user=colleague.judge.person.account,
        points={criteria[0].pk: "37,5", criteria[1].pk: 21, criteria[2].pk: 19},
    )
    client.force_login(me)
    page = client.get(reverse("contests_score", args=[mine.pk])).content.decode()
    assert mine.entry.title in page
    assert "37,5" not in page and "77,5" not in page
    assert str(colleague.judge.person) not in page
    response = client.post(
        reverse("contests_score", args=[mine.pk]),
        {f"criterion-{c.pk}": v for c, v in zip(criteria, ("30", "20", "20"), strict=True)},
    )
    assert response.status_code == 302
    listing = client.get(reverse("contests_judging")).content.decode()
    assert "70" in listing and "77,5" not in listing


def test_a_judge_cannot_download_files_of_entries_not_assigned(client, judged):
    round, judges = judged
    me = judges[0]
    assigned = set(
        Assignment.objects.filter(judge__person__account=me).values_list("entry", flat=True)
    )
    stranger = round.entries.exclude(pk__in=assigned).first()
    from lienhiep.contests.models import EntryFile

    photo = EntryFile.objects.create(entry=stranger, kind=FileKind.PHOTO, file=png())
    client.force_login(me)
    url = reverse("contests_entry_file", args=[stranger.pk, photo.pk])
    assert client.get(url).status_code == 404
    staff = make_user(roles.UNION_STAFF, round.contest.union)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")  # streamed


def test_a_round_keeps_the_fields_criteria_and_prizes_its_records_use(client, demo):
    client.force_login(make_user(roles.UNION_STAFF, demo))
    eighth = ContestRound.objects.get(contest__kind=ContestKind.TECHNICAL, number=8)
    url = reverse("contests_round:edit", args=[eighth.pk])
    data = form_values(client.get(url).content.decode(), "fields-TOTAL_FORMS")
    assert client.post(url, {**data, "committee": "Ban Tổ chức Hội thi"}).status_code == 302

    def index(prefix, pk):
        return next(
            k.split("-")[1]
            for k, v in data.items()
            if k.endswith("-id") and k.startswith(prefix) and v == str(pk)
        )

    field = eighth.fields.annotate(n=Count("entries")).filter(n__gt=0).first()
    novelty, applicability = eighth.criteria.all()[:2]
    first = eighth.prizes.get(level=PrizeLevel.FIRST)
    bad = {
        **data,
        f"fields-{index('fields', field.pk)}-DELETE": "1",
        f"criteria-{index('criteria', novelty.pk)}-DELETE": "1",
        f"criteria-{index('criteria', applicability.pk)}-max_points": "1",
        f"prizes-{index('prizes', first.pk)}-count": "0",
    }
    added = int(data["criteria-TOTAL_FORMS"])  # and a criterion added after the scoring
    bad["criteria-TOTAL_FORMS"] = str(added + 1)
    bad |= {
        f"criteria-{added}-id": "",
        f"criteria-{added}-name": "Trình bày",
        f"criteria-{added}-max_points": "20",
        f"criteria-{added}-ORDER": str(added + 1),
        f"criteria-{added}-DELETE": "",
    }
    page = client.post(url, bad).content.decode()
    assert f"Không thể xóa lĩnh vực “{field.name}”: đã có {field.n:02d} bài dự thi" in page
    scored = format_count(Score.objects.filter(criterion__round=eighth).count())
    assert (
        f"Giám khảo đã chấm {scored} lượt điểm trong lần thi này: không thể thêm, xóa tiêu chí "
        f"hay đổi điểm tối đa (“{novelty.name}”, “{applicability.name}”, “Trình bày”)." in page
    )
    assert "Đã có 01 bài dự thi đạt Giải Nhất" in page
    eighth.refresh_from_db()
    assert eighth.fields.filter(pk=field.pk).exists() and novelty.scores.exists()
    applicability.refresh_from_db()
    first.refresh_from_db()
    assert applicability.max_points == 30 and first.count == 1
    assert not eighth.criteria.filter(name="Trình bày").exists()


def test_the_entries_list_costs_the_same_for_one_entry_as_for_four(
    client, staff, youth_round, django_assert_num_queries
):
    from tests.counting import queries_for

    def submit(title):
        services.submit_entry(round=youth_round, data=entry_data(youth_round, title=title))

    submit("Sáng chế đèn học")
    client.force_login(staff)
    url = reverse("contests_entry:index")
    one, response = queries_for(client, url, {"round": youth_round.pk})
    assert response.content.decode().count("Sáng chế") >= 1
    for title in ("Sáng chế máy tưới cây", "Sáng chế robot nhặt rác", "Sáng chế xe điện"):
        submit(title)
    with django_assert_num_queries(one):
        response = client.get(url, {"round": youth_round.pk})
    assert "Sáng chế xe điện" in response.content.decode()
