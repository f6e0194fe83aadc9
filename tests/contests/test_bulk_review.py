"""Marking a selection of a round's entries eligible, or ineligible for one reason."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lienhiep.contests import services
from lienhiep.contests.enums import ContestKind, EntrySource
from lienhiep.contests.models import Assignment, ContestRound, Entry

from .conftest import entry_data, judge_user, union_staff

pytestmark = pytest.mark.django_db


def entries(round, count):
    staff = union_staff(round.contest.union)
    return [
        services.record_entry(
            round=round,
            data=entry_data(round, title=f"Mô hình số {n}"),
            source=EntrySource.PAPER,
            user=staff,
        )
        for n in range(count)
    ]


def decisions(chosen):
    return [
        (e.eligible, e.eligibility_reason)
        for e in Entry.objects.filter(pk__in=[c.pk for c in chosen]).order_by("code")
    ]


def test_marking_a_selection_eligible_changes_and_logs_each(youth_round):
    chosen = entries(youth_round, 3)
    staff = union_staff(youth_round.contest.union)
    done = services.review_entries(round=youth_round, entries=chosen, eligible=True, user=staff)
    assert done == 3
    assert decisions(chosen) == [(True, "")] * 3
    logged = ModelLogEntry.objects.filter(
        action="contests.entry.reviewed", object_id__in=[str(e.pk) for e in chosen]
    )
    assert logged.count() == 3


def test_ineligible_needs_one_reason_and_gives_it_to_each(youth_round):
    chosen = entries(youth_round, 2)
    staff = union_staff(youth_round.contest.union)
    with pytest.raises(ValidationError):
        services.review_entries(round=youth_round, entries=chosen, eligible=False, user=staff)
    services.review_entries(
        round=youth_round, entries=chosen, eligible=False, reason="Thiếu bản mô tả", user=staff
    )
    assert decisions(chosen) == [(False, "Thiếu bản mô tả")] * 2


def test_an_entry_with_judges_refuses_the_whole_selection_and_is_named(youth_round):
    chosen = entries(youth_round, 3)
    field = youth_round.fields.first()
    judge_user(youth_round, field, "Bình")
    Assignment.objects.create(entry=chosen[1], judge=youth_round.judges.get())
    staff = union_staff(youth_round.contest.union)
    with pytest.raises(ValidationError) as refused:
        services.review_entries(
            round=youth_round, entries=chosen, eligible=False, reason="Trùng lặp", user=staff
        )
    message = refused.value.messages[0]
    assert f"{chosen[1].code}: cần gỡ giám khảo của bài trước" in message
    assert chosen[0].code not in message
    assert decisions(chosen) == [(None, "")] * 3


def test_an_entry_of_another_round_refuses_the_selection(youth_round, demo):
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    other = twelfth.entries.get(code="TN12-0002")
    staff = union_staff(youth_round.contest.union)
    with pytest.raises(ValidationError, match="TN12-0002: không phải bài dự thi của vòng thi này"):
        services.review_entries(round=youth_round, entries=[other], eligible=True, user=staff)


def test_the_entries_screen_marks_the_ticked_entries_with_the_count(client, youth_round):
    chosen = entries(youth_round, 4)
    client.force_login(union_staff(youth_round.contest.union))
    url = reverse("contests_round_process", args=[youth_round.pk])
    page = client.get(url).content.decode()
    assert 'form="bulk-review"' in page and 'data-w-bulk-target="all"' in page
    response = client.post(
        url,
        {"action": "review_selected", "entries": [e.pk for e in chosen[:3]], "eligible": "yes"},
        follow=True,
    )
    assert "Đã xác định 03 bài dự thi đủ điều kiện." in response.content.decode()
    assert decisions(chosen) == [(True, "")] * 3 + [(None, "")]


def test_the_entries_screen_refuses_an_empty_selection(client, youth_round):
    entries(youth_round, 1)
    client.force_login(union_staff(youth_round.contest.union))
    url = reverse("contests_round_process", args=[youth_round.pk])
    response = client.post(url, {"action": "review_selected", "eligible": "yes"}, follow=True)
    assert "Hãy chọn ít nhất một bài dự thi." in response.content.decode()


def test_the_entries_screen_links_the_entries_import(client, youth_round):
    client.force_login(union_staff(youth_round.contest.union))
    page = client.get(reverse("contests_round_process", args=[youth_round.pk])).content.decode()
    assert f'href="{reverse("contests_import", args=[youth_round.pk])}"' in page
