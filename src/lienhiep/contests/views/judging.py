"""The judges' screens: their own entries, scoring on the round's criteria, conflicts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_number

from .. import rules, services
from ..enums import FileKind


def my_entries_view(request):
    """The judge's entries; ``?round=&unscored=1`` (the home panel's link) narrows them."""
    assignments = rules.assignments_for(request.user).order_by(
        "entry__round", "entry__field", "entry__code"
    )
    if (round_id := request.GET.get("round", "")).isdigit():
        assignments = assignments.filter(entry__round=round_id)
    unscored = bool(request.GET.get("unscored"))
    if unscored:
        assignments = assignments.filter(total__isnull=True, conflict=False)
    return TemplateResponse(
        request,
        "contests/judge_entries.html",
        {"assignments": assignments, "narrowed": unscored},
    )


def score_view(request, pk):
    """One assignment of the judge's own; anything else answers 404."""
    assignment = get_object_or_404(rules.assignments_for(request.user), pk=pk)
    entry = assignment.entry
    round = entry.round
    criteria = list(round.criteria.all())
    mine = {
        criterion_id: format_number(points)
        for criterion_id, points in assignment.scores.values_list("criterion_id", "points")
    }
    if request.method == "POST":
        try:
            if request.POST.get("action") == "conflict":
                replacement = services.declare_conflict(
                    assignment=assignment, user=request.user, reason=request.POST.get("reason", "")
                )
                if replacement is None:
                    messages.warning(
                        request,
                        _("Your conflict is recorded; the committee will find another judge."),
                    )
                else:
                    messages.success(
                        request, _("Your conflict is recorded; another judge takes the entry.")
                    )
                return redirect("contests_judging")
            points = {c.pk: request.POST.get(f"criterion-{c.pk}", "").strip() for c in criteria}
            services.score(assignment=assignment, user=request.user, points=points)
            messages.success(request, _("Your scores are saved."))
            return redirect("contests_judging")
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            mine = {c.pk: request.POST.get(f"criterion-{c.pk}", "") for c in criteria}
    files = list(entry.files.all())
    return TemplateResponse(
        request,
        "contests/judge_score.html",
        {
            "assignment": assignment,
            "entry": entry,
            "round": round,
            "rows": [(c, mine.get(c.pk, "")) for c in criteria],
            "authors": entry.authors.all(),
            "files": files,
            "photos": [f for f in files if f.kind == FileKind.PHOTO],
            "open": round.scorable and not assignment.conflict,
        },
    )


def file_view(request, pk, file_pk):
    """A file of an entry, for staff or for a judge the entry is assigned to."""
    from django.http import Http404

    from lienhiep.core.private import file_answer
    from lienhiep.privacy.services import log_processing

    from ..models import EntryFile

    entry_file = get_object_or_404(EntryFile, pk=file_pk, entry_id=pk)
    allowed = rules.entries_for(request.user).filter(pk=pk).exists() or (
        rules.assignments_for(request.user).filter(entry_id=pk, conflict=False).exists()
    )
    if not allowed:
        raise Http404
    log_processing(
        record=entry_file.entry,
        user=request.user,
        action="downloaded",
        data={"file": entry_file.file.name.rsplit("/", 1)[-1]},
    )
    return file_answer(entry_file.file.name)
