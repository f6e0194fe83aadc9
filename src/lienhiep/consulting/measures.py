"""Figures of consultancy, critique and social assessment."""

from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.formatting import format_date
from lienhiep.core.indicators import Family, Measure, register, register_family

from .enums import OPEN_STATES, SENT_STATES, CaseKind, KindForm
from .models import Case, CaseStep, ConsultingKind, ConsultingRecord, CouncilSeat, Sitting


def critiqued(year):
    """Cases whose report was sent in the year."""
    sent = CaseStep.objects.filter(step="report_sent", done_on__year=year).values("case")
    return Case.objects.filter(state__in=SENT_STATES, pk__in=sent)


def open_cases(year):
    return Case.objects.filter(state__in=OPEN_STATES, request_date__year__lte=year)


def overdue_cases(year):
    late = CaseStep.objects.filter(done_on__isnull=True, due_on__lt=timezone.localdate()).values(
        "case"
    )
    return open_cases(year).filter(pk__in=late)


register(
    Measure(
        code="consulting.schemes_critiqued",
        name=_("Schemes given consultancy, critique or assessment"),
        unit=pgettext_lazy("unit", "schemes"),
        records=critiqued,
        organisation_field="union",
        order=200,
        date_field="report_date",
    )
)
register(
    Measure(
        code="consulting.open_cases",
        name=_("Critique cases open"),
        unit=pgettext_lazy("unit", "cases"),
        records=open_cases,
        organisation_field="union",
        at_end=True,
        order=270,
    )
)
register(
    Measure(
        code="consulting.overdue_cases",
        name=_("Critique cases overdue"),
        unit=pgettext_lazy("unit", "cases"),
        records=overdue_cases,
        organisation_field="union",
        at_end=True,
        order=280,
    )
)


#: The figures of the consulting kinds staff define: records dated in the year; seats held
#: during the year and the sittings of the year (``<code>.sittings``).
KIND_PREFIX = "consulting.kind-"


def kind_records(kind):
    def records(year):
        return ConsultingRecord.objects.filter(kind=kind, date__year=year).select_related("kind")

    return records


def kind_cases(kind):
    def records(year):
        return critiqued(year).filter(kind=kind).select_related("requester")

    return records


def kind_seats(kind):
    def records(year):
        ended_before = Q(end_date__isnull=False, end_date__year__lt=year)
        seats = CouncilSeat.objects.filter(kind=kind, start_date__year__lte=year)
        return seats.exclude(ended_before)

    return records


def kind_sittings(kind):
    def records(year):
        return Sitting.objects.filter(seat__kind=kind, date__year=year)

    return records


def describe_record(record):
    """``Góp ý dự thảo … (12/03/2024, Sở Tư pháp, văn bản số 123/STP)``."""
    details = [format_date(record.date), record.requester]
    if record.document_number:
        details.append(_("document no. %(number)s") % {"number": record.document_number})
    return f"{record.title} ({', '.join(d for d in details if d)})"


def describe_seat(seat):
    """``Hội đồng thẩm định ĐTM (Nguyễn Văn A; UBND tỉnh, quyết định số 12/QĐ-UBND)``."""
    appointed = seat.requester
    if seat.decision_number:
        appointed = _("%(body)s, decision no. %(number)s") % {
            "body": seat.requester,
            "number": seat.decision_number,
        }
    details = [d for d in (seat.member, appointed) if d]
    return f"{seat.council} ({'; '.join(details)})" if details else seat.council


def describe_case(case):
    """``Đề án … (Sở Nông nghiệp, báo cáo số 12/BC-LHH)``."""
    details = [case.requester.name]
    if case.report_number:
        details.append(_("report no. %(number)s") % {"number": case.report_number})
    return f"{case.title} ({', '.join(details)})"


def kind_measures(kind):
    code = f"{KIND_PREFIX}{kind.slug.lower()}"
    if kind.form == KindForm.CASE:
        if kind.slug in CaseKind.values:
            return []  # the three kinds every union has: counted together above
        return [
            Measure(
                code=code,
                name=kind.name,
                unit=kind.unit,
                records=kind_cases(kind),
                organisation_field="union",
                order=290 + kind.order,
                date_field="report_date",
                binding=kind.binding(describe=describe_case),
            )
        ]
    if kind.form == KindForm.SEAT:
        sittings = Measure(
            code=f"{code}.sittings",
            name=format_lazy("{}: {}", kind.name, pgettext_lazy("figure", "sittings")),
            unit=pgettext_lazy("unit", "sittings"),
            records=kind_sittings(kind),
            organisation_field="seat__union",
            order=290 + kind.order,
            date_field="date",
        )
        extra = (("phiên họp", sittings.code),)
        binding = kind.binding(extra=extra, describe=describe_seat)
        seats = Measure(
            code=code,
            name=kind.name,
            unit=kind.unit,
            records=kind_seats(kind),
            organisation_field="union",
            order=290 + kind.order,
            binding=binding,
        )
        return [seats, sittings]
    return [
        Measure(
            code=code,
            name=kind.name,
            unit=kind.unit,
            records=kind_records(kind),
            organisation_field="union",
            order=290 + kind.order,
            date_field="date",
            binding=kind.binding(describe=describe_record),
        )
    ]


register_family(
    Family(
        prefix=KIND_PREFIX,
        model=ConsultingKind,
        records=ConsultingKind.objects.all,
        measures=kind_measures,
        counts=(ConsultingRecord, Case, CouncilSeat, Sitting),
    )
)
