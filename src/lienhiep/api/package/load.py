"""Verify a year package and load it as its union's figures for the year (idempotent)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import MemberCount, Organisation, Province
from lienhiep.plans.enums import PACKAGE_SUBJECT
from lienhiep.plans.models import AnnualPlan, Indicator, ReportedValue, Target, YearlyReturn
from lienhiep.plans.services import report_value

from .. import keys
from ..models import TrustedSender
from . import FORMAT, VERSION, canonical
from .schema import check


class PackageRefused(ValidationError):
    """A package this installation will not load: malformed, unsigned, or from a stranger."""

    #: the HTTP status the API answers it with
    status = 422


class SenderRefused(PackageRefused):
    """A well-formed, well-signed package its sender may not send (another union, another key)."""

    status = 403


def _check_version(package):
    if not isinstance(package, dict) or package.get("format") != FORMAT:
        raise PackageRefused(_("This file is not a lienhiep year package."))
    if package.get("version") != VERSION:
        raise PackageRefused(
            _(
                "Year package version %(version)s is not supported (this installation reads %(known)s)."
            )
            % {"version": package.get("version"), "known": VERSION}
        )


def _sender(package, trust):
    sender = package["sender"]
    print_ = keys.fingerprint(sender["public_key"])
    if print_ != sender["fingerprint"]:
        raise PackageRefused(_("The sender's fingerprint does not match its key."))
    known = TrustedSender.objects.filter(fingerprint=print_).first()
    if known is None and not trust:
        raise PackageRefused(
            _(
                "Unknown sender %(name)s (fingerprint %(fingerprint)s): check the fingerprint "
                "with them and import again with --trust."
            )
            % {"name": sender["name"], "fingerprint": print_}
        )
    return known, print_


def verify(package, *, trust=False):
    """Refuse a package of another version, off its schema, from a stranger or badly signed.

    Returns ``(trusted sender or None when it is to be trusted now, fingerprint)``.
    """
    _check_version(package)
    try:
        check(package)
    except ValidationError as error:
        raise PackageRefused(error.messages) from error
    known, print_ = _sender(package, trust)
    content = {k: v for k, v in package.items() if k != "signature"}
    if not keys.verify(package["sender"]["public_key"], package["signature"], canonical(content)):
        raise PackageRefused(
            _("The signature of this year package is not valid: it was changed after signing.")
        )
    return known, print_


def _day(text):
    return date.fromisoformat(text) if text else None


def _save_organisation(data, parent):
    province = Province.objects.filter(slug=data["province"]).first() if data["province"] else None
    organisation, _created = Organisation.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "name": data["name"],
            "short_name": data["short_name"],
            "abbreviation": data["abbreviation"],
            "kind": data["kind"],
            "parent": parent,
            "province": province,
            "status": data["status"],
            "founding_decision_date": _day(data["founded_on"]),
            "admission_decision_date": _day(data["admitted_on"]),
            "ended_on": _day(data["ended_on"]),
            "counted_apart": data.get("counted_apart", False),
        },
    )
    return organisation


def _place_of_union(slug):
    """Where the package's union sits in this installation's tree: where it already is, else
    under the federation the installation serves (none on a union's own installation)."""
    known = Organisation.objects.filter(slug=slug).only("parent").first()
    if known is not None:
        return known.parent
    return Organisation.objects.filter(kind=OrganisationKind.FEDERATION).order_by("pk").first()


def _registry(package, source):
    union = _save_organisation(package["union"], _place_of_union(package["union"]["slug"]))
    by_slug = {union.slug: union}
    for data in package["registry"]["organisations"][1:]:
        by_slug[data["slug"]] = _save_organisation(data, by_slug.get(data["parent"]))
    year = package["year"]
    for row in package["registry"]["member_counts"]:
        MemberCount.objects.update_or_create(
            organisation=by_slug[row["organisation"]],
            year=year,
            defaults={"members": row["members"], "source": source},
        )
    for row in package["registry"]["returns"]:
        YearlyReturn.objects.update_or_create(
            organisation=by_slug[row["organisation"]],
            year=year,
            defaults={
                "state": row["state"],
                "deadline": _day(row["deadline"]) or date(year, 12, 31),
            },
        )
    return union


def _indicator(row):
    indicator, _created = Indicator.objects.get_or_create(
        code=row["code"],
        defaults={k: row[k] for k in ("name", "unit", "method", "rollup", "order")},
    )
    return indicator


def _figures(package, union, source, user):
    year = package["year"]
    ReportedValue.objects.filter(organisation=union, year=year, subject=PACKAGE_SUBJECT).delete()
    plan, _created = AnnualPlan.objects.get_or_create(organisation=union, year=year)
    for row in package["indicators"]:
        indicator = _indicator(row)
        Target.objects.filter(plan=plan, indicator=indicator).delete()
        if row["target"] is not None:
            Target.objects.create(plan=plan, indicator=indicator, value=row["target"])
        if row["value"] is not None:
            report_value(
                indicator=indicator,
                organisation=union,
                year=year,
                value=row["value"],
                source=source,
                user=user,
                subject=PACKAGE_SUBJECT,
            )


@transaction.atomic
def load(*, package, trust=False, user=None, accept=None):
    """Verify ``package`` and load it; loading the same package again replaces what it loaded.

    ``accept(package, fingerprint)``, when given, is asked after the verification and may refuse
    the package (``SenderRefused``): what the API adds for a sending token's union and key.
    Returns ``(union, fingerprint, newly trusted)``.
    """
    known, print_ = verify(package, trust=trust)
    if accept is not None:
        accept(package, print_)
    sender = package["sender"]
    if known is None:
        TrustedSender.objects.create(
            fingerprint=print_, public_key=sender["public_key"], name=sender["name"]
        )
    source = _("year package %(year)s of %(union)s signed by %(fingerprint)s") % {
        "year": package["year"],
        "union": sender["name"],
        "fingerprint": print_[:16],
    }
    union = _registry(package, source[:300])
    _figures(package, union, source[:300], user)
    log(union, "api.package.loaded", user=user, data={"year": package["year"], "by": print_})
    return union, print_, known is None
