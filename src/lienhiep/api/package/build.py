"""Build a union's year package: registry at year end, figures, lists, the issued report."""

import hashlib

from django.utils import timezone

from lienhiep.core.formatting import format_date
from lienhiep.core.indicators import MEASURES
from lienhiep.directory.models import MemberCount, Organisation
from lienhiep.directory.queries import active_on, year_end
from lienhiep.directory.rules import subtree_ids
from lienhiep.plans import figures
from lienhiep.plans.models import YearlyReturn
from lienhiep.reports.enums import ReportKind, RunState
from lienhiep.reports.models import ReportRun

from .. import keys
from . import FORMAT, VERSION, canonical

#: The registry's lists a report names, by measure code.
LISTS = ("directory.admitted", "directory.congresses", "directory.overdue_congresses")


def _day(value):
    return value.isoformat() if value else None


def _organisation(o):
    """An organisation as the package names it; ``counted_apart`` only when it is (a package
    without such an organisation stays what version 1 readers have always read)."""
    apart = {"counted_apart": True} if o.counted_apart else {}
    return {
        "slug": o.slug,
        "name": o.name,
        "short_name": o.short_name,
        "abbreviation": o.abbreviation,
        "kind": o.kind,
        "parent": o.parent.slug if o.parent_id else None,
        "province": o.province.slug if o.province_id else None,
        "status": o.status,
        "founded_on": _day(o.founding_decision_date),
        "admitted_on": _day(o.admission_decision_date),
        "ended_on": _day(o.ended_on),
        **apart,
    }


def _depth_first(union, found):
    """The union's subtree, parents before their children, each level in name order."""
    ordered, level = [union], [union]
    while level:
        level = [o for o in found if o.parent_id in {p.pk for p in level}]
        ordered += sorted(level, key=lambda o: o.sort_key)
    return ordered


def registry(union, year):
    ids = subtree_ids(union.pk) - {union.pk}
    found = active_on(Organisation.objects.filter(pk__in=ids), year_end(year))
    found = list(found.select_related("parent", "province"))
    counts = MemberCount.objects.filter(organisation__in=ids, year=year).select_related(
        "organisation"
    )
    returns = YearlyReturn.objects.filter(organisation__in=ids, year=year)
    return {
        "organisations": [_organisation(o) for o in _depth_first(union, found)],
        "member_counts": [
            {"organisation": c.organisation.slug, "members": c.members} for c in counts
        ],
        "returns": [
            {"organisation": r.organisation.slug, "state": r.state, "deadline": _day(r.deadline)}
            for r in returns.select_related("organisation")
        ],
    }


def _number(amount):
    return None if amount is None else str(amount)


def _records(figure):
    found = figures.records(figure.indicator, figure.organisation, figure.year)
    return None if found is None else found.count()


def indicator_values(union, year):
    return [
        {
            "code": f.indicator.code,
            "name": f.indicator.name,
            "unit": f.indicator.unit,
            "method": f.indicator.method,
            "rollup": f.indicator.rollup,
            "order": f.indicator.order,
            "value": _number(f.value),
            "target": _number(f.target_value),
            "records": _records(f),
        }
        for f in figures.figures(union, year)
    ]


def lists(union, year):
    ids = subtree_ids(union.pk)
    return {code: [str(item) for item in MEASURES[code].queryset(ids, year)] for code in LISTS}


def _sha256(field):
    if not field:
        return None
    with field.open("rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def issued_report(union, year):
    run = (
        ReportRun.objects.filter(
            organisation=union, year=year, kind=ReportKind.ANNUAL, state=RunState.ISSUED
        )
        .select_related("document")
        .order_by("-issued_on")
        .first()
    )
    if run is None:
        return None
    files = {name: _sha256(getattr(run, name)) for name in ("docx", "pdf", "markdown")}
    return {
        "number": str(run.document) if run.document else "",
        "kind": run.kind,
        "issued_on": _day(run.issued_on),
        "issued": format_date(run.issued_on) if run.issued_on else "",
        "files": [{"format": k, "sha256": v} for k, v in files.items() if v],
    }


def body(union, year):
    """Everything the package says, unsigned."""
    public = keys.public_key_text()
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "sender": {
            "name": union.name,
            "public_key": public,
            "fingerprint": keys.fingerprint(public),
        },
        "union": _organisation(union),
        "year": year,
        "registry": registry(union, year),
        "indicators": indicator_values(union, year),
        "lists": lists(union, year),
        "report": issued_report(union, year),
    }


def build(*, union, year):
    """The signed package of ``union``'s ``year``, checked against its schema."""
    from .schema import check

    content = body(union, year)
    package = {**content, "signature": keys.sign(canonical(content))}
    check(package)
    return package
