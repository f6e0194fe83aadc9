"""Read endpoints: each fetches through its app's ``rules`` (``*_for(user)``), never around them."""

from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Schema
from ninja.errors import HttpError

from lienhiep.activities.rules import activities_for
from lienhiep.consulting.rules import cases_for
from lienhiep.contests.enums import RESULT_STATES
from lienhiep.contests.models import ContestRound
from lienhiep.contests.queries import winners
from lienhiep.contests.rules import rounds_for as contest_rounds_for
from lienhiep.core.exporters import exporter, response
from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import organisations_for
from lienhiep.honours.rules import nominations_for
from lienhiep.plans import figures as plan_figures
from lienhiep.plans.models import Indicator
from lienhiep.reports.enums import RunState
from lienhiep.reports.exporters import FIELDS
from lienhiep.reports.rules import runs_for

from .http import MAX_LIMIT, TOKEN, TOKEN_OR_ANONYMOUS, respond, router


class Filters(Schema):
    """Pages and the usual filters; a filter a list does not know is ignored."""

    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Số bản ghi mỗi trang (tối đa 500)")
    offset: int = Query(0, ge=0, le=10**6, description="Bỏ qua bao nhiêu bản ghi đầu")
    year: int | None = Query(None, ge=1900, le=2200, description="Năm")
    organisation: str | None = Query(None, max_length=150, description="Mã tổ chức")


def _page(request, queryset, filters, item):
    rows = queryset[filters.offset : filters.offset + filters.limit]
    return respond(
        request,
        {
            "count": queryset.count(),
            "limit": filters.limit,
            "offset": filters.offset,
            "items": [item(o) for o in rows],
        },
    )


def _filtered(found, filters, *, year, organisation=None):
    """The rows of the asked year (by the ``year`` field) and organisation (by its slug)."""
    if filters.year:
        found = found.filter(**{year: filters.year})
    if organisation and filters.organisation:
        found = found.filter(**{organisation: filters.organisation})
    return found


def _visible_organisation(user, slug):
    found = organisations_for(user).filter(slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no such organisation, or you may not see it."))
    return found


def _organisation(o):
    return {
        "code": o.slug,
        "name": o.name,
        "short_name": o.short_name,
        "kind": o.kind,
        "parent": o.parent.slug if o.parent_id else None,
        "status": o.status,
    }


@router.get("/organisations", auth=TOKEN, summary="Tổ chức", tags=["Danh bạ"])
def organisations(request, filters: Query[Filters]):
    """Các tổ chức mà tài khoản của mã truy cập được xem, theo cây tổ chức."""
    found = organisations_for(request.user).select_related("parent")
    if filters.organisation:
        found = found.filter(Q(slug=filters.organisation) | Q(parent__slug=filters.organisation))
    return _page(request, found.order_by("sort_key", "pk"), filters, _organisation)


def _figure(f, records):
    return {
        "code": f.indicator.code,
        "name": f.indicator.name,
        "unit": f.indicator.unit,
        "value": _json_number(f.value),
        "target": _json_number(f.target_value),
        "achievement": f.achievement,
        "records": records,
    }


def _json_number(amount):
    """A figure as a JSON number: whole numbers as integers."""
    if isinstance(amount, Decimal):
        return plan_figures.whole(amount) if amount == amount.to_integral_value() else float(amount)
    return amount


def _records(figure):
    found = plan_figures.records(figure.indicator, figure.organisation, figure.year)
    return None if found is None else found.count()


def _indicator_scope(request, slug):
    """The organisation and the indicators the asker may read: all, or the open ones."""
    found = Organisation.objects.filter(slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no such organisation."))
    if organisations_for(request.user).filter(pk=found.pk).exists():
        return found, Indicator.objects.all()
    return found, Indicator.objects.filter(public=True)


@router.get("/indicators", auth=TOKEN_OR_ANONYMOUS, summary="Chỉ tiêu", tags=["Chỉ tiêu"])
def indicators(
    request,
    organisation: str = Query(..., max_length=150, description="Mã tổ chức"),
    year: int = Query(..., ge=1900, le=2200, description="Năm"),
):
    """Kết quả thực hiện, kế hoạch và tỷ lệ đạt của từng chỉ tiêu, với số bản ghi làm nên số
    liệu. Không có mã truy cập: chỉ những chỉ tiêu được công khai (dữ liệu mở)."""
    found, chosen = _indicator_scope(request, organisation)
    rows = plan_figures.figures(found, year, chosen)
    return respond(
        request,
        {
            "organisation": found.slug,
            "year": year,
            "items": [_figure(f, _records(f)) for f in rows],
        },
    )


def _activity(a):
    return {
        "id": a.pk,
        "kind": a.kind.slug,
        "title": a.title,
        "start_date": a.start_date,
        "end_date": a.end_date,
        "place": a.place,
        "organiser": a.organiser.slug,
        "participants_count": a.participants_count,
        "state": a.state,
    }


@router.get("/activities", auth=TOKEN, summary="Hoạt động", tags=["Hoạt động"])
def activities(request, filters: Query[Filters]):
    """Hội thảo, tập huấn, sinh hoạt chuyên đề… của các tổ chức tài khoản được xem."""
    found = activities_for(request.user).select_related("kind", "organiser")
    found = _filtered(found, filters, year="start_date__year", organisation="organiser__slug")
    return _page(request, found.order_by("-start_date", "pk"), filters, _activity)


def _case(c):
    """Public fields only: never the panel, the opinions or the files."""
    return {
        "id": c.pk,
        "title": c.title,
        "kind": c.kind.slug,
        "field": c.field_of_expertise,
        "union": c.union.slug,
        "request_date": c.request_date,
        "deadline": c.deadline,
        "state": c.state,
        "report_number": c.report_number,
        "report_date": c.report_date,
    }


@router.get("/critique-cases", auth=TOKEN, summary="Hồ sơ tư vấn, phản biện", tags=["Tư vấn"])
def critique_cases(request, filters: Query[Filters]):
    """Hồ sơ tư vấn, phản biện và giám định xã hội (chỉ các trường công khai)."""
    found = cases_for(request.user).select_related("union", "kind", "report_document")
    found = _filtered(found, filters, year="request_date__year", organisation="union__slug")
    return _page(request, found.order_by("-request_date", "pk"), filters, _case)


def _round(r):
    return {
        "code": r.slug,
        "contest": r.contest.name,
        "number": r.number,
        "period": r.period,
        "state": r.state,
        "results_published_on": r.results_published_on,
    }


def _rounds(request):
    """Rounds the login sees; anyone sees the rounds whose results are published."""
    public = ContestRound.objects.filter(state__in=RESULT_STATES)
    mine = contest_rounds_for(request.user) if request.user.is_authenticated else public.none()
    return ContestRound.objects.filter(
        Q(pk__in=mine.values("pk")) | Q(pk__in=public.values("pk"))
    ).select_related("contest")


@router.get("/contest-rounds", auth=TOKEN_OR_ANONYMOUS, summary="Hội thi", tags=["Hội thi"])
def contest_rounds(request, filters: Query[Filters]):
    """Các đợt hội thi; không có mã truy cập: những đợt đã công bố kết quả."""
    found = _filtered(_rounds(request), filters, year="results_published_on__year")
    return _page(request, found.order_by("-launch_date", "pk"), filters, _round)


@router.get(
    "/contest-rounds/{code}/results",
    auth=TOKEN_OR_ANONYMOUS,
    summary="Kết quả hội thi",
    tags=["Hội thi"],
)
def contest_results(request, code: str):
    """Các giải đã công bố của một đợt hội thi (dữ liệu mở)."""
    found = get_object_or_404(ContestRound.objects.filter(state__in=RESULT_STATES), slug=code)
    items = [
        {
            "code": e.code,
            "title": e.title,
            "field": e.field.name if e.field_id else "",
            "entering_unit": e.entering_unit,
            "prize": e.prize,
            "authors": [str(a) for a in e.authors.all()],
        }
        for e in winners(found)
    ]
    return respond(request, {"round": found.slug, "items": items})


def _honoured(n):
    return {
        "id": n.pk,
        "nominee": str(n.nominee),
        "nominating_unit": n.nominating_unit.slug,
        "round": n.round.number,
        "year": n.round.year,
        "decision_number": n.round.decision_number,
        "decision_date": n.round.decision_date,
    }


@router.get("/honours-results", auth=TOKEN, summary="Kết quả tôn vinh", tags=["Tôn vinh"])
def honours_results(request, filters: Query[Filters]):
    """Trí thức được tôn vinh, theo các đợt tài khoản được xem."""
    found = nominations_for(request.user).filter(honoured=True)
    found = found.select_related("nominee", "nominating_unit", "round")
    found = _filtered(found, filters, year="round__year")
    return _page(request, found.order_by("-round__year", "pk"), filters, _honoured)


def _report(request, run):
    files = {k: request.build_absolute_uri(f"/api/v1/reports/{run.pk}/files/{k}") for k in FIELDS}
    return {
        "id": run.pk,
        "organisation": run.organisation.slug,
        "year": run.year,
        "kind": run.kind,
        "number": str(run.document) if run.document_id else "",
        "issued_on": run.issued_on,
        "files": {k: url for k, url in files.items() if getattr(run, FIELDS[k])},
    }


def _issued(user):
    return runs_for(user).filter(state=RunState.ISSUED)


@router.get("/reports", auth=TOKEN, summary="Báo cáo đã ban hành", tags=["Báo cáo"])
def reports(request, filters: Query[Filters]):
    """Báo cáo năm, sáu tháng đã ban hành: số, ngày và đường dẫn tải các tệp."""
    found = _filtered(_issued(request.user), filters, year="year")
    return _page(
        request, found.order_by("-issued_on", "pk"), filters, lambda r: _report(request, r)
    )


@router.get("/reports/{run_id}/files/{format}", auth=TOKEN, summary="Tệp báo cáo", tags=["Báo cáo"])
def report_file(request, run_id: int, format: str):
    """Một tệp (docx, pdf, md) của báo cáo đã ban hành, qua bộ xuất tệp chung."""
    run = get_object_or_404(_issued(request.user), pk=run_id)
    if format not in FIELDS or not getattr(run, FIELDS[format]):
        raise HttpError(404, _("The report has no such file."))
    return response(exporter("reports.run_file").render(run=run, format=format))
