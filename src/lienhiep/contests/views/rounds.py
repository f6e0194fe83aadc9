"""The round screens for staff: entries and eligibility, judging and prizes, national round."""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response
from lienhiep.core.formatting import format_count
from lienhiep.core.forms import ImportForm
from lienhiep.directory.rules import people_for

from .. import rules, services
from ..enums import LEVELS, EntrySource, RoundState, Stage
from ..exporters import EntriesTemplate, Yearbook
from ..forms import EntryForm, ReviewForm, author_formset, entry_data
from ..models import Assignment

#: rows of a field's ranking per page of the judging screen
RANKING_PAGE = 100
#: entries per page of the entries screen
ENTRIES_PAGE = 100


def _day(value):
    try:
        return datetime.strptime(value or "", "%d/%m/%Y").date()
    except ValueError:
        return parse_date(value or "")


def _whole(value, default):
    """A whole number typed by staff, or a Vietnamese error instead of Python's."""
    value = (value or "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise ValidationError(_("“%(value)s” is not a whole number") % {"value": value})
    return int(value)


def _round(request, pk):
    round = get_object_or_404(rules.rounds_for(request.user), pk=pk)
    if not rules.can_read(request.user):
        raise PermissionDenied
    return round


def _fail(request, error):
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def _require_staff(request):
    if not rules.is_staff(request.user):
        raise PermissionDenied


def process_view(request, pk):
    round = _round(request, pk)
    if request.method == "POST":
        _require_staff(request)
        action = request.POST.get("action")
        place = ""  # back to the row that was changed, on the same page of the list
        try:
            if action == "review":
                entry = get_object_or_404(round.entries, pk=request.POST.get("entry"))
                place = f"#entry-{entry.code}"
                form = ReviewForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Choose eligible or not eligible."))
                services.review_entry(entry=entry, user=request.user, **form.cleaned_data)
            elif action == "open":
                services.open_round(round=round, user=request.user)
            elif action == "start_judging":
                services.start_judging(round=round, user=request.user)
            elif action == "close":
                services.close_round(round=round, user=request.user)
            elif action == "forward":
                entry = get_object_or_404(round.entries, pk=request.POST.get("entry"))
                place = f"#entry-{entry.code}"
                services.forward(
                    entry=entry, user=request.user, forwarded=request.POST.get("forwarded") == "yes"
                )
            elif action == "national":
                entry = get_object_or_404(round.entries, pk=request.POST.get("entry"))
                place = f"#entry-{entry.code}"
                services.record_national_result(
                    entry=entry, level=request.POST.get("level", ""), user=request.user
                )
            elif action == "launch_next":
                launch, deadline = (
                    _day(request.POST.get("launch")),
                    _day(request.POST.get("deadline")),
                )
                if launch is None or deadline is None:
                    raise ValidationError(_("Write the dates as dd/mm/yyyy."))
                new = services.launch_round(
                    contest=round.contest,
                    number=_whole(request.POST.get("number"), round.number + 1),
                    period=request.POST.get("period", "").strip(),
                    launch_date=launch,
                    entry_deadline=deadline,
                    user=request.user,
                )
                messages.success(request, _("The next round is ready: check its settings."))
                return redirect("contests_round:edit", new.pk)
            messages.success(request, _("Saved."))
            return redirect(request.get_full_path() + place)
        except (ValidationError, ValueError) as error:
            _fail(request, error)
    entries = round.entries.select_related("field").prefetch_related("authors").order_by("code")
    unreviewed = request.GET.get("show") == "unreviewed"
    shown = entries.filter(eligible__isnull=True) if unreviewed else entries
    return TemplateResponse(
        request,
        "contests/round_process.html",
        {
            "round": round,
            "entries": Paginator(shown, ENTRIES_PAGE).get_page(request.GET.get("p")),
            "unreviewed": unreviewed,
            "unreviewed_count": round.entries.filter(eligible__isnull=True).count(),
            "reviewing": rules.is_staff(request.user) and round.reviews_entries(),
            "figures": services.round_figures(round),
            "review_form": ReviewForm(),
            "levels": LEVELS,
            "is_staff": rules.is_staff(request.user),
            "published": round.state in (RoundState.PUBLISHED, RoundState.CLOSED),
        },
    )


def judging_view(request, pk):
    round = _round(request, pk)
    stage = request.GET.get("stage") or request.POST.get("stage") or round.final_stage
    if stage not in Stage.values:
        stage = Stage.PRELIMINARY
    if request.method == "POST":
        _require_staff(request)
        action = request.POST.get("action")
        try:
            if action == "add_judge":
                person = get_object_or_404(people_for(request.user), pk=request.POST.get("person"))
                field = get_object_or_404(round.fields, pk=request.POST.get("field"))
                services.add_judge(
                    round=round,
                    field=field,
                    person=person,
                    chair=request.POST.get("chair") == "yes",
                    user=request.user,
                )
            elif action == "assign_all":
                made = services.assign_automatically(round=round, stage=stage, user=request.user)
                messages.info(
                    request, _("%(count)s assignments made.") % {"count": format_count(made)}
                )
            elif action == "assign":
                entry = get_object_or_404(round.entries, pk=request.POST.get("entry"))
                judge = get_object_or_404(round.judges, pk=request.POST.get("judge"))
                services.assign(entry=entry, judge=judge, stage=stage, user=request.user)
            elif action == "unassign":
                assignment = get_object_or_404(
                    Assignment, pk=request.POST.get("assignment"), entry__round=round
                )
                services.unassign(assignment=assignment, user=request.user)
            elif action == "finalists":
                services.choose_finalists(
                    round=round,
                    per_field=_whole(request.POST.get("per_field"), 0),
                    user=request.user,
                )
            elif action == "propose":
                services.propose_prizes(round=round, user=request.user)
            elif action == "prize":
                entry = get_object_or_404(round.entries, pk=request.POST.get("entry"))
                services.set_prize(
                    entry=entry, level=request.POST.get("level", ""), user=request.user
                )
            elif action == "approve":
                services.approve_prizes(
                    round=round, user=request.user, number=request.POST.get("number", "")
                )
            elif action == "publish":
                day = _day(request.POST.get("day"))
                if day is None:
                    raise ValidationError(_("Write the date as dd/mm/yyyy."))
                services.publish_results(round=round, user=request.user, day=day)
            messages.success(request, _("Saved."))
            field = request.POST.get("field") or request.GET.get("field") or ""
            return redirect(f"{request.path}?stage={stage}&field={field}")
        except (ValidationError, ValueError) as error:
            _fail(request, error)
    judges = list(round.judges.select_related("person", "field"))
    ranking = services.ranking(round, stage)
    shown = next(
        (f for f in ranking if str(f.pk) == request.GET.get("field")), next(iter(ranking), None)
    )
    page = Paginator(ranking.get(shown, []), RANKING_PAGE).get_page(request.GET.get("p"))
    assignments = {}
    for a in Assignment.objects.filter(
        entry__in=[row.entry.pk for row in page], stage=stage
    ).select_related("judge__person"):
        assignments.setdefault(a.entry_id, []).append(a)
    fields = []
    if shown is not None:
        fields.append(
            {
                "field": shown,
                "judges": [j for j in judges if j.field_id == shown.pk],
                "rows": [
                    {"ranked": row, "assignments": assignments.get(row.entry.pk, [])}
                    for row in page
                ],
                "page": page,
            }
        )
    return TemplateResponse(
        request,
        "contests/round_judging.html",
        {
            "round": round,
            "stage": stage,
            "stages": Stage,
            "fields": fields,
            "all_fields": [(f, len(rows)) for f, rows in ranking.items()],
            "shown": shown,
            "structure": services.structure(round),
            "figures": services.round_figures(round),
            "levels": LEVELS,
            "people": people_for(request.user).filter(account__isnull=False),
            "is_staff": rules.is_staff(request.user),
        },
    )


def paper_entry_view(request, pk):
    round = _round(request, pk)
    _require_staff(request)
    posted = request.method == "POST"
    form = EntryForm(
        request.POST if posted else None, request.FILES if posted else None, round=round, paper=True
    )
    formset = author_formset(request.POST if posted else None)
    if posted and form.is_valid() and formset.is_valid():
        try:
            entry = services.submit_entry(
                round=round,
                data=entry_data(form, formset),
                source=EntrySource.PAPER,
                user=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Entry %(code)s recorded.") % {"code": entry.code})
            return redirect("contests_round_process", pk=pk)
    return TemplateResponse(
        request,
        "contests/paper_entry.html",
        {"round": round, "form": form, "formset": formset},
    )


def yearbook_view(request, pk, format):
    round = _round(request, pk)
    if format not in ("docx", "pdf"):
        raise Http404
    return response(Yearbook().render(round=round, format=format))


def import_entries_view(request, pk):
    from .. import importing

    round = _round(request, pk)
    _require_staff(request)
    if request.GET.get("template"):
        return response(EntriesTemplate().render(round=round))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            created = importing.import_entries(
                round=round, content=form.cleaned_data["workbook"].read(), user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except importing.ImportFailed as failure:
            problems = failure.problems
            messages.error(
                request,
                _("Nothing was imported: %(count)s problems were found.")
                % {"count": format_count(len(problems))},
            )
        else:
            messages.success(
                request,
                _("%(count)s entries were imported.") % {"count": format_count(len(created))},
            )
            return redirect("contests_round_process", pk=pk)
    return TemplateResponse(
        request,
        "contests/import_entries.html",
        {"round": round, "form": form, "problems": problems},
    )
