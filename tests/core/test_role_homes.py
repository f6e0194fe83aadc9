"""Each role lands on a home of its own work (issue 15, item 15): the judge's entries to score,
the expert's cases, the council member's round, the officer's return, the editor's drafts."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from lienhiep.consulting.models import Case
from lienhiep.contests.enums import RoundState
from lienhiep.contests.models import Assignment
from lienhiep.honours import enums as honours
from lienhiep.honours.models import HonourRound, Vote
from lienhiep.plans.enums import ReturnState
from lienhiep.plans.models import YearlyReturn
from tests.counting import queries_for
from tests.i18n.walk import visible_text

pytestmark = pytest.mark.django_db

SEARCH_PAGES = "Tìm kiếm tất cả trang"


def login(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


def home_text(client):
    text = " ".join(visible_text(client.get("/admin/").content.decode()).split())
    return text.replace(" ,", ",")  # a link's end tag before a comma


def judging(user, how_many):
    """Put a round of the judge's back into judging with ``how_many`` of their entries unscored."""
    mine = Assignment.objects.filter(judge__person__account=user).order_by("pk")
    round = mine.first().entry.round
    round.state, round.judging_to = RoundState.JUDGING, date(2024, 8, 15)
    round.save()
    unscored = mine.filter(entry__round=round).values_list("pk", flat=True)[:how_many]
    Assignment.objects.filter(pk__in=list(unscored)).update(total=None)
    return round, mine.filter(entry__round=round).count()


def test_a_judge_sees_the_entries_to_score_in_the_round_being_judged_first(client, demo):
    user = login(client, "giamkhao")
    round, assigned = judging(user, 3)
    text = home_text(client)
    assert f"{round} – Đang chấm thi 3 bài cần chấm, hạn 15/08/2024" in text
    assert f"đã chấm {assigned - 3}/{assigned}" in text
    assert text.index(str(round)) < text.index("Bạn đã chấm xong mọi bài.")
    assert SEARCH_PAGES not in text

    link = f"/admin/contests/judging/?round={round.pk}&amp;unscored=1"
    assert link in client.get("/admin/").content.decode()
    listed = client.get(link.replace("&amp;", "&")).content.decode()
    assert len(re.findall(r"/admin/contests/judging/\d+/", listed)) == 3
    assert "Đang hiện những bài bạn chưa chấm." in listed


def test_the_judges_home_costs_the_same_queries_for_one_entry_or_many(client, demo):
    user = login(client, "giamkhao")
    judging(user, 1)
    one, _ = queries_for(client, "/admin/")
    judging(user, 6)
    many, _ = queries_for(client, "/admin/")
    assert one == many


def test_an_expert_sees_the_cases_awaiting_their_opinion_and_the_next_step(client, demo):
    login(client, "chuyengia")
    case = Case.objects.get(panel__person__account__username="chuyengia", state="panel_formed")
    text = home_text(client)
    assert (
        f"{case.title} – Đã thành lập tổ chuyên gia Đang chờ ý kiến của bạn. "
        "Bước tiếp theo: Đã thu thập ý kiến, hạn 16/12/2024 (quá hạn)"
    ) in text
    assert SEARCH_PAGES not in text


def test_a_council_member_sees_the_round_to_vote_in(client, demo):
    login(client, "hoidong")
    round = HonourRound.objects.get(council__person__account__username="hoidong")
    round.state = honours.RoundState.REVIEWED
    round.save()
    Vote.objects.filter(member__person__account__username="hoidong").delete()
    eligible = round.nominations.filter(eligible=True).count()
    text = home_text(client)
    assert f"{round} – Đã xét hồ sơ {eligible} hồ sơ chờ bạn bỏ phiếu" in text
    assert f'href="/admin/honours/council/{round.pk}/"' in client.get("/admin/").content.decode()
    assert SEARCH_PAGES not in text


def test_an_officer_sees_their_return_and_its_deadline(client, demo):
    login(client, "hoidieuduong")
    filed = YearlyReturn.objects.get(organisation__slug="hoi-dieu-duong", year=2024)
    filed.state = ReturnState.DRAFT
    filed.save()
    text = home_text(client)
    assert "Báo cáo năm của Hội Điều dưỡng tỉnh Hòa An" in text
    assert "Báo cáo năm 2024 – Dự thảo Hạn nộp 15/01/2025 (quá hạn)" in text
    assert f'href="/admin/plans/returns/edit/{filed.pk}/"' in client.get("/admin/").content.decode()
    assert SEARCH_PAGES not in text


def test_an_editor_sees_the_drafts_waiting_for_review(client, demo):
    from lienhiep.website.models import NewsArticlePage

    login(client, "bientap")
    article = NewsArticlePage.objects.live().order_by("pk").first()
    article.save_revision()
    text = home_text(client)
    assert f"Bản nháp chờ duyệt {article.title} – đã đăng, có thay đổi chưa đăng" in text
    assert SEARCH_PAGES in text  # an editor edits pages


@pytest.mark.parametrize(
    ("username", "budget"),
    [("giamkhao", 28), ("chuyengia", 30), ("hoidong", 28), ("hoidieuduong", 29), ("bientap", 30)],
)
def test_each_roles_home_stays_within_its_query_budget(client, demo, username, budget):
    login(client, username)
    count, _ = queries_for(client, "/admin/")
    assert count <= budget
