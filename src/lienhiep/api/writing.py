"""Write endpoints: a batch is saved whole or not at all, through the screens' forms and imports.

Each item is checked by the form its screen uses (the same choices of what the login may see,
the same validation and messages); an error names the item (counted from 1) and the field.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Schema
from wagtail.log_actions import log

from lienhiep.activities.importing import COLUMNS, SHEET, import_activities
from lienhiep.core.importing import ImportFailed, save_workbook
from lienhiep.directory.forms import MemberCountForm
from lienhiep.directory.models import MemberCount, Organisation
from lienhiep.plans.forms import ReportedValueForm
from lienhiep.plans.models import Indicator, ReportedValue

from .http import TOKEN, respond, router


class Problem(Schema):
    item: int
    field: str
    message: str


def _problem(number, label, message):
    return {
        "item": number,
        "field": str(label),
        "message": _("Item %(number)s, %(field)s: %(message)s")
        % {"number": number, "field": label, "message": message},
    }


def _pk(model, field, code):
    """The id of the record a code names, or the code itself for the form to refuse."""
    found = model.objects.filter(**{field: code}).values_list("pk", flat=True).first()
    return found if found is not None else code


def _form_problems(number, form):
    return [
        _problem(number, form.fields[name].label if name in form.fields else name, message)
        for name, messages in form.errors.items()
        for message in messages
    ]


def _save_all(request, forms_):
    """Save every valid form, or none: the problems of all items, each named."""
    user = request.user
    problems = [p for number, form in forms_ for p in _form_problems(number, form)]
    if problems:
        return refuse_batch(problems)
    with transaction.atomic():
        for _number, form in forms_:
            is_new = form.instance.pk is None
            log(form.save(), "wagtail.create" if is_new else "wagtail.edit", user=user)
    return respond(request, {"saved": len(forms_)})


def refuse_batch(problems):
    detail = _("No item was saved: %(problems)s") % {
        "problems": "; ".join(p["message"] for p in problems)
    }
    return JsonResponse({"detail": detail, "problems": problems}, status=400)


def _require(user, model):
    app, name = model._meta.app_label, model._meta.model_name
    if not (user.has_perm(f"{app}.add_{name}") and user.has_perm(f"{app}.change_{name}")):
        raise PermissionDenied


def _write_all(request, *, model, items, form_for):
    """Check each item with its screen's form (``form_for(user, item)``), then save all or none."""
    _require(request.user, model)
    with translation.override("vi"):
        forms_ = [(i, form_for(request.user, item)) for i, item in enumerate(items, 1)]
        return _save_all(request, forms_)


WRITE = {"auth": TOKEN, "response": {200: dict, 400: dict, 403: dict}}


class ReportedValueIn(Schema):
    indicator: str
    organisation: str
    year: int
    value: Decimal
    source: str


class ReportedValuesIn(Schema):
    items: list[ReportedValueIn]


def _value_form(user, item):
    indicator, organisation = (
        _pk(Indicator, "code", item.indicator),
        _pk(Organisation, "slug", item.organisation),
    )
    existing = ReportedValue.objects.filter(
        indicator=indicator if isinstance(indicator, int) else None,
        organisation=organisation if isinstance(organisation, int) else None,
        year=item.year,
        breakdown={},
        subject="",
    ).first()
    data = {
        "indicator": indicator,
        "organisation": organisation,
        "year": item.year,
        "value": item.value,
        "source": item.source,
        "breakdown": "",  # the total (the form reads "name = value" lines)
        "subject": "",
    }
    return ReportedValueForm(data, instance=existing, for_user=user)


@router.post("/reported-values", **WRITE, summary="Ghi số liệu báo cáo", tags=["Chỉ tiêu"])
def reported_values(request, payload: ReportedValuesIn):
    """Ghi (hoặc sửa) số liệu của các chỉ tiêu báo cáo, có nguồn: tất cả hoặc không mục nào."""
    return _write_all(request, model=ReportedValue, items=payload.items, form_for=_value_form)


class MemberCountIn(Schema):
    organisation: str
    year: int
    members: int
    source: str = ""


class MemberCountsIn(Schema):
    items: list[MemberCountIn]


def _count_form(user, item):
    organisation = _pk(Organisation, "slug", item.organisation)
    existing = MemberCount.objects.filter(
        organisation=organisation if isinstance(organisation, int) else None, year=item.year
    ).first()
    data = {**item.dict(), "organisation": organisation}
    return MemberCountForm(data, instance=existing, for_user=user)


@router.post("/member-counts", **WRITE, summary="Ghi số hội viên", tags=["Danh bạ"])
def member_counts(request, payload: MemberCountsIn):
    """Ghi số hội viên cuối năm của các tổ chức: tất cả hoặc không mục nào."""
    return _write_all(request, model=MemberCount, items=payload.items, form_for=_count_form)


class ActivityIn(Schema):
    kind: str
    title: str
    start_date: datetime.date
    organiser: str
    end_date: datetime.date | None = None
    topic: str = ""
    place: str = ""
    participants_count: int | None = None
    target_group: str = ""
    outcome: str = ""
    state: str = ""
    co_organisers: str = ""  # organisation codes separated by ";", as in the import's column


class ActivitiesIn(Schema):
    items: list[ActivityIn]


def _cell(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value if value not in ("", None) else None


def _workbook(items):
    """The items as the activities workbook the import reads, one row each."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([column.header for column in COLUMNS])
    for item in items:
        sheet.append([_cell(getattr(item, column.field)) for column in COLUMNS])
    return save_workbook(workbook)


def _import_problem(problem):
    return _problem(problem.row - 1, problem.header, problem.reason)


@router.post("/activities", **WRITE, summary="Ghi hoạt động", tags=["Hoạt động"])
def record_activities(request, payload: ActivitiesIn):
    """Ghi các hoạt động qua đúng quy trình nhập Excel: tất cả hoặc không mục nào."""
    with translation.override("vi"):
        try:
            created, updated = import_activities(
                content=_workbook(payload.items), user=request.user
            )
        except ImportFailed as failure:
            return refuse_batch([_import_problem(p) for p in failure.problems])
    return respond(request, {"created": created, "updated": updated})
