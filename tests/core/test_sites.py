"""One answer to "which site is this union's" (``core.sites``), asked by privacy's name rule,
the contests' winners, the privacy notice and the website's setup, with two hosted unions."""

import pytest
from wagtail.models import Site

from lienhiep.contests.models import ContestRound
from lienhiep.contests.publication import rule_for
from lienhiep.core.sites import site_of, union_id_of
from lienhiep.directory.models import Province
from lienhiep.onboarding.services import setup_union
from lienhiep.privacy.enums import NameRule
from lienhiep.privacy.models import PrivacySettings
from lienhiep.privacy.notices import union_of
from lienhiep.privacy.services import settings_of
from lienhiep.website import caching
from lienhiep.website.setup import ensure_home

pytestmark = pytest.mark.django_db

HOSTED = [
    ("lienhiep.lamdong.vn", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng", "Lâm Đồng"),
    ("lienhiep.gialai.vn", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Gia Lai", "Gia Lai"),
]


@pytest.fixture
def hosted(demo):
    """Two unions hosted beside the demo's Hòa An, each on its own host name."""
    unions = []
    for hostname, name, province in HOSTED:
        union, _account = setup_union(
            user=None,
            hostname=hostname,
            name=name,
            province=Province.objects.get(name=province),
            slug=hostname.split(".")[1],
            abbreviation="LHH",
            place_name="",
            signer_name="Nguyễn Văn An",
            signer_title="CHỦ TỊCH",
        )
        unions.append(union)
    caching.invalidate()
    yield unions
    Site.clear_site_root_paths_cache()


def test_site_of_each_hosted_union_is_its_own(hosted, demo):
    lam_dong, gia_lai = hosted
    sites = {s.hostname: s for s in Site.objects.all()}

    assert site_of(lam_dong) == sites["lienhiep.lamdong.vn"]
    assert site_of(gia_lai.pk) == sites["lienhiep.gialai.vn"]
    assert site_of(demo).is_default_site
    assert [union_id_of(site_of(u)) for u in (demo, lam_dong, gia_lai)] == [
        demo.pk,
        lam_dong.pk,
        gia_lai.pk,
    ]


def test_site_of_a_union_without_a_site_is_the_default_or_none(hosted, demo):
    member = demo.children.first()

    assert site_of(member).is_default_site
    assert site_of(member, default=False) is None


def test_privacy_reads_each_hosted_unions_own_rule(hosted, demo):
    lam_dong, gia_lai = hosted
    rules = PrivacySettings.for_site(site_of(gia_lai))
    rules.unconsented_names = NameRule.HIDDEN
    rules.save()

    assert [settings_of(u).unconsented_names for u in (demo, lam_dong, gia_lai)] == [
        NameRule.INITIALS,
        NameRule.INITIALS,
        NameRule.HIDDEN,
    ]


def test_contest_winners_follow_their_unions_site_rule(demo):
    round = ContestRound.objects.select_related("contest").first()
    rules = PrivacySettings.for_site(site_of(demo))
    rules.unconsented_names = NameRule.HIDDEN
    rules.save()

    assert round.contest.union_id == demo.pk
    assert rule_for(round) == NameRule.HIDDEN


def test_privacy_notice_names_the_sites_own_union(hosted, demo):
    lam_dong, gia_lai = hosted

    assert [union_of(site_of(u)) for u in (demo, lam_dong, gia_lai)] == [
        demo.name,
        lam_dong.name,
        gia_lai.name,
    ]


def test_setting_up_a_hosted_union_again_keeps_its_site_and_the_default(hosted, demo):
    _lam_dong, gia_lai = hosted
    before = {s.pk: (s.hostname, s.root_page_id, s.is_default_site) for s in Site.objects.all()}

    ensure_home(gia_lai, "lienhiep.gialai.vn")
    ensure_home(demo)

    after = {s.pk: (s.hostname, s.root_page_id, s.is_default_site) for s in Site.objects.all()}
    assert after == before
    assert len(after) == 3
