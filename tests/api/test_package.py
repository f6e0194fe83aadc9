"""Signed year packages: export on one installation, verify and load on another."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lienhiep.api import keys
from lienhiep.api.models import TrustedSender
from lienhiep.api.package import canonical
from lienhiep.api.package.build import build
from lienhiep.api.package.load import PackageRefused, load, verify
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.plans.models import ReportedValue
from tests import snapshot


def _indicator_lines():
    out = io.StringIO()
    call_command("indicators", "--org", "hoa-an", "--year", "2024", stdout=out)
    return out.getvalue().splitlines()


def _changed(package):
    """The package with one number changed, its signature left as it was."""
    forged = copy.deepcopy(package)
    row = next(r for r in forged["indicators"] if r["value"] not in (None, "0"))
    row["value"] = str(int(float(row["value"])) + 1)
    return forged


@pytest.fixture
def package(db, demo):
    return build(union=demo, year=2024)


def test_package_follows_its_schema_and_is_signed(package):
    content = {k: v for k, v in package.items() if k != "signature"}
    public = package["sender"]["public_key"]
    assert (package["format"], package["version"], package["year"]) == (
        "lienhiep.year-package",
        1,
        2024,
    )
    assert package["union"]["slug"] == "hoa-an"
    assert package["sender"]["fingerprint"] == keys.fingerprint(public)
    assert keys.verify(public, package["signature"], canonical(content)) is True


def test_package_names_every_indicator_with_its_records(package):
    members = next(r for r in package["indicators"] if r["code"] == "directory.members")
    assert len(package["indicators"]) == len({r["code"] for r in package["indicators"]})
    assert members["records"] is not None
    assert members["value"] is not None


def test_package_with_a_number_changed_is_refused(package):
    with pytest.raises(PackageRefused, match="Chữ ký"):
        verify(_changed(package), trust=True)


def test_package_of_an_unknown_version_is_refused(package):
    with pytest.raises(PackageRefused, match="phiên bản 2"):
        verify({**package, "version": 2}, trust=True)


def test_package_off_its_schema_is_refused(package):
    broken = {k: v for k, v in package.items() if k != "registry"}
    with pytest.raises(PackageRefused, match=r"\$\.registry"):
        verify(broken, trust=True)


def test_package_from_an_unknown_sender_is_refused_without_trust(package):
    with pytest.raises(PackageRefused, match=package["sender"]["fingerprint"]):
        verify(package)


def test_federation_key_prints_the_public_key_and_fingerprint(db):
    out = io.StringIO()
    call_command("federation_key", stdout=out)
    public = keys.public_key_text()
    assert out.getvalue().splitlines() == [
        f"Khóa công khai: {public}",
        f"Dấu vân tay: {keys.fingerprint(public)}",
    ]


@pytest.fixture
def demo_package(transactional_db, demo_snapshot, tmp_path):
    """The demo's 2024 package of Hòa An and the lines ``indicators`` prints on the demo."""
    if not Organisation.objects.filter(slug="hoa-an").exists():
        snapshot.restore(demo_snapshot)  # a browser test before may have emptied the database
    path = tmp_path / "pkg.json"
    call_command(
        "export_year",
        "--org",
        "hoa-an",
        "--year",
        "2024",
        "--output",
        str(path),
        stdout=io.StringIO(),
    )
    return path, _indicator_lines()


@pytest.mark.empty_installation
def test_import_year_on_a_fresh_installation_prints_the_demo_figures(
    demo_package,
    empty_installation,
):
    path, demo_lines = demo_package
    out = io.StringIO()
    call_command("import_year", str(path), "--trust", stdout=out)
    sender = TrustedSender.objects.get()
    assert out.getvalue().splitlines()[0] == (
        f"Đã tin cậy khóa của người gửi, dấu vân tay {sender.fingerprint}"
    )
    assert _indicator_lines() == demo_lines
    loaded = ReportedValue.objects.count()
    call_command("import_year", str(path), stdout=io.StringIO())
    assert (ReportedValue.objects.count(), _indicator_lines()) == (loaded, demo_lines)
    forged = tmp = path.with_name("forged.json")
    tmp.write_text(json.dumps(_changed(json.loads(path.read_text("utf-8")))), "utf-8")
    with pytest.raises(CommandError, match="Chữ ký"):
        call_command("import_year", str(forged), stdout=io.StringIO())


def test_loading_a_package_keeps_the_union_under_the_federation(package, demo):
    """The federation's installation holds each provincial union under itself: a package of a
    union it knows leaves the union where it is, one it does not know goes under the federation
    (the national view lists the federation's unions)."""
    federation = demo.parent
    assert federation.kind == OrganisationKind.FEDERATION
    load(package=package, trust=True)
    demo.refresh_from_db()
    assert demo.parent == federation
    Organisation.objects.filter(parent=demo).update(parent=None)
    Organisation.objects.filter(pk=demo.pk).update(slug="hoa-an-cu")
    load(package=package)
    assert Organisation.objects.get(slug="hoa-an").parent == federation


def test_the_package_names_the_years_annual_report_not_a_quarters(package, demo):
    from datetime import date

    from lienhiep.api.package.build import issued_report
    from lienhiep.reports.enums import ReportKind, RunState
    from lienhiep.reports.models import ReportRun

    ReportRun.objects.filter(organisation=demo, year=2024).delete()
    issued = {"organisation": demo, "year": 2024, "state": RunState.ISSUED}
    ReportRun.objects.create(**issued, kind=ReportKind.ANNUAL, issued_on=date(2025, 1, 10))
    ReportRun.objects.create(
        **issued, kind=ReportKind.QUARTER, quarter=4, issued_on=date(2025, 1, 20)
    )
    named = issued_report(demo, 2024)
    assert (named["kind"], named["issued_on"]) == (ReportKind.ANNUAL, "2025-01-10")
