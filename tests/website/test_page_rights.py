"""Two unions hosted on one installation: each union's editors and leaders hold Wagtail page
rights on their own site only."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from lienhiep.directory import roles
from lienhiep.directory.models import AccountScope, Province
from lienhiep.onboarding.services import setup_union
from lienhiep.website.models import HomePage, NewsIndexPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db

HOST = "lienhiep.lamdong.vn"


@pytest.fixture
def lam_dong(demo):
    union, _account = setup_union(
        user=None,
        hostname=HOST,
        name="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
        province=Province.objects.get(name="Lâm Đồng"),
        slug="lam-dong",
        abbreviation="LHH",
        place_name="",
        signer_name="Nguyễn Văn An",
        signer_title="CHỦ TỊCH",
    )
    yield union
    Site.clear_site_root_paths_cache()


def news_index(union):
    return NewsIndexPage.objects.child_of(HomePage.objects.get(organisation=union)).get()


def admin_as(user):
    client = Client()
    client.force_login(user)
    return client


def edits(client, page):
    """The page's editor, or Wagtail's refusal (back to the dashboard, tests/refusals.py)."""
    answer = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if answer.status_code == 200:
        return True
    assert (answer.status_code, answer["Location"]) == (302, reverse("wagtailadmin_home"))
    return False


@pytest.mark.parametrize("role", [roles.EDITOR, roles.UNION_LEADER])
def test_a_hosted_unions_editor_edits_only_their_own_sites_pages(lam_dong, demo, role):
    theirs, others = news_index(lam_dong), news_index(demo)
    user = make_user(role, lam_dong)
    client = admin_as(user)
    assert (edits(client, theirs), edits(client, others)) == (True, False)
    rights = [page.permissions_for_user(user).can_edit() for page in (theirs, others)]
    assert rights == [True, False]
    listing = client.get(f"/admin/pages/{others.get_parent().pk}/")
    assert f"/admin/pages/{others.pk}/edit/" not in listing.content.decode()


def test_the_first_unions_editor_edits_only_its_site(lam_dong, demo):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="bientap")
    client = admin_as(editor)
    assert (edits(client, news_index(demo)), edits(client, news_index(lam_dong))) == (True, False)
    names = set(editor.groups.values_list("name", flat=True))
    assert names == {"Biên tập viên", "Biên tập viên · hoa-an"}


def test_page_rights_follow_a_login_moved_to_another_union(lam_dong, demo):
    editor = make_user(roles.EDITOR, demo)
    assert news_index(demo).permissions_for_user(editor).can_edit() is True
    AccountScope.objects.filter(user=editor).update(organisation=lam_dong)
    AccountScope.objects.get(user=editor).save()
    editor = type(editor).objects.get(pk=editor.pk)
    rights = [news_index(u).permissions_for_user(editor).can_edit() for u in (demo, lam_dong)]
    assert rights == [False, True]
    editor.groups.remove(roles.group(roles.EDITOR))
    editor = type(editor).objects.get(pk=editor.pk)
    assert list(editor.groups.all()) == []


def test_each_sites_review_is_its_own_leaders(lam_dong, demo):
    leader = make_user(roles.UNION_LEADER, lam_dong)
    theirs, others = news_index(lam_dong), news_index(demo)
    workflows = [page.get_workflow() for page in (theirs, others)]
    assert [w.name for w in workflows] == ["Duyệt tin bài · lam-dong", "Duyệt tin bài · hoa-an"]
    tasks = [w.tasks.get().specific for w in workflows]
    may_open = [
        task.user_can_access_editor(page, leader)
        for task, page in zip(tasks, (theirs, others), strict=True)
    ]
    assert may_open == [True, False]
