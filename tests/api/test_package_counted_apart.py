"""An organisation counted apart travels in the year package: the receiving side's member total
leaves its members out as the sender's does, and a package without the flag reads as before."""

import copy

import pytest

from lienhiep.api import keys
from lienhiep.api.package import canonical
from lienhiep.api.package.build import build
from lienhiep.api.package.load import load
from lienhiep.directory.measures import registry
from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import subtree_ids

pytestmark = pytest.mark.django_db

APART = "hoi-khuyen-hoc"


def resigned(package):
    """The package signed again after a change (as an older sender would have written it)."""
    content = {k: v for k, v in package.items() if k != "signature"}
    return {**content, "signature": keys.sign(canonical(content))}


def by_slug(package):
    return {o["slug"]: o for o in package["registry"]["organisations"]}


def test_the_flag_travels_and_the_receiving_total_leaves_the_members_out(demo):
    Organisation.objects.filter(slug=APART).update(counted_apart=True)
    package = build(union=demo, year=2024)
    organisations = by_slug(package)
    assert organisations[APART]["counted_apart"] is True
    assert [s for s, o in organisations.items() if "counted_apart" in o] == [APART]
    sent = {r["code"]: r["value"] for r in package["indicators"]}

    # the receiving side knew the association as an ordinary one
    Organisation.objects.filter(slug=APART).update(counted_apart=False)
    load(package=package, trust=True)
    assert Organisation.objects.get(slug=APART).counted_apart is True
    found = registry(subtree_ids(demo.pk), 2024)
    assert (str(found["members"]), str(found["members_counted_apart"])) == (
        sent["directory.members"],
        sent["directory.members_counted_apart"],
    )
    assert found["members_counted_apart"] > 0


def test_a_package_without_the_flag_is_read_as_not_counted_apart(demo):
    package = build(union=demo, year=2024)
    assert all("counted_apart" not in o for o in package["registry"]["organisations"])
    Organisation.objects.filter(slug=APART).update(counted_apart=True)
    load(package=resigned(copy.deepcopy(package)), trust=True)
    assert Organisation.objects.get(slug=APART).counted_apart is False
