"""The round screens for staff: entries and eligibility, judging and prizes, national round."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lienhiep.core.exporters import response
from lienhiep.core.formatting import format_count
from lienhiep.core.forms import ImportForm
from lienhiep.directory.rules import can_read, is_staff
from lienhiep.privacy.services import log_processing

from .. import queries, rules, services
from ..enums import LEVELS, RESULT_STATES, EntrySource, Stage
from ..exporters import EntriesTemplate, Yearbook
from ..forms import AddJudgeForm, EntryForm, ReviewForm, author_formset, entry_data
from ..models import Assignment
from .round_actions import JUDGING_ACTIONS, PROCESS_ACTIONS, perform

#: rows of a field's ranking per page of the judging screen
RANKING_PAGE = 100
#: entries per page of the entries screen
ENTRIES_PAGE = 100


def _round(request, pk):
    round = get_object_or_404(rules.rounds_for(request.user), pk=pk)
    if not can_read(request.user):
        raise PermissionDenied
    return round


def _require_staff(request):
    if not is_staff(request.user):
        raise PermissionDenied


def process_view(request, pk):
    round = _round(request, pk)
    if request.method == "POST":
        _require_staff(request)
        done = perform(request, round, PROCESS_ACTIONS)
        if isinstance(done, HttpResponse):
            return done
        if done is not None:  # back to the row that was changed, on the same page of the list
            messages.success(request, _("Saved."))
            return redirect(request.get_full_path() + done)
    entries = round.entries.select_related("field").prefetch_related("authors").order_by("code")
    unreviewed = request.GET.get("show") == "unreviewed"
    shown = entries.filter(eligible__isnull=True) if unreviewed else entries
    return TemplateResponse(
        request,
        "contests/round_process.html",
        {
            "closes_early": timezone.localdate() < round.entry_deadline,
            "round": round,
            "entries": Paginator(shown, ENTRIES_PAGE).get_page(request.GET.get("p")),
            "unreviewed": unreviewed,
            "unreviewed_count": round.entries.filter(eligible__isnull=True).count(),
            "reviewing": is_staff(request.user) and round.reviews_entries(),
            "figures": queries.round_figures(round),
            "review_form": ReviewForm(),
            "levels": LEVELS,
            "is_staff": is_staff(request.user),
            "published": round.state in RESULT_STATES,
        },
    )


def _stage(request, round):
    """The stage shown (navigation: from the query string or the posted form)."""
    stage = request.GET.get("stage") or request.POST.get("stage") or round.final_stage
    return stage if stage in Stage.values else Stage.PRELIMINARY


def _field_panel(request, round, stage, field, ranked):
    """One page of a field's ranking, with each entry's assignments and the field's judges."""
    page = Paginator(ranked, RANKING_PAGE).get_page(request.GET.get("p"))
    assignments = {}
    for a in Assignment.objects.filter(
        entry__in=[row.entry.pk for row in page], stage=stage
    ).select_related("judge__person"):
        assignments.setdefault(a.entry_id, []).append(a)
    return {
        "field": field,
        "judges": list(round.judges.filter(field=field).select_related("person", "field")),
        "rows": [{"ranked": row, "assignments": assignments.get(row.entry.pk, [])} for row in page],
        "page": page,
    }


def judging_view(request, pk):
    round = _round(request, pk)
    stage = _stage(request, round)
    if request.method == "POST":
        _require_staff(request)
        if perform(request, round, JUDGING_ACTIONS, stage=stage) is not None:
            messages.success(request, _("Saved."))
            field = request.POST.get("field") or request.GET.get("field") or ""
            return redirect(f"{request.path}?stage={stage}&field={field}")
    ranking = queries.ranking(round, stage)
    shown = next(
        (f for f in ranking if str(f.pk) == request.GET.get("field")), next(iter(ranking), None)
    )
    fields = [] if shown is None else [_field_panel(request, round, stage, shown, ranking[shown])]
    structure = queries.structure(round)
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
            "structure": structure,
            "without_prizes": [level.label for level, count in structure.items() if not count],
            "figures": queries.round_figures(round),
            "scored": queries.has_scores(round),
            "levels": LEVELS,
            "judge_form": AddJudgeForm(round=round, user=request.user),
            "is_staff": is_staff(request.user),
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
            entry = services.record_entry(
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
    rendered = Yearbook().render(round=round, format=format)
    log_processing(  # the yearbook names the winners who consented, with their schools
        record=round.contest.union,
        user=request.user,
        action="exported",
        data={"list": str(round), "file": rendered.filename},
    )
    return response(rendered)


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
