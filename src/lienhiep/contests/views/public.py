"""The contests on the public site: the call with the entry form, the receipt, the results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail.models import Site

from lienhiep.core.exporters import response
from lienhiep.core.hosts import of_site
from lienhiep.privacy.notices import current_notice
from lienhiep.privacy.publication import name_rule

from .. import drafts, queries, ratelimit, services
from ..enums import LEVELS, PUBLIC_STATES, RESULT_STATES
from ..exporters import Certificate
from ..forms import EntryForm, entry_data
from ..models import ContestRound
from ..public_form import MAX_AUTHORS, error_summary, fragment_key, public_authors
from ..publication import shown_authors


def public_rounds(request):
    """The public rounds of the union whose site the visitor is on (each hosted union its own)."""
    found = ContestRound.objects.filter(state__in=PUBLIC_STATES).select_related("contest")
    return of_site(found, "contest__union", request)


def index_view(request):
    rounds = list(public_rounds(request).order_by("-launch_date"))
    return TemplateResponse(
        request,
        "contests/public/index.html",
        {
            "open_rounds": [r for r in rounds if r.accepts_entries()],
            "results": [r for r in rounds if r.state in RESULT_STATES],
        },
    )


def round_view(request, slug):
    round = get_object_or_404(public_rounds(request), slug=slug)
    if round.state in RESULT_STATES:
        return results_page(request, round)
    if not round.accepts_entries():
        return call_page(request, round)
    if request.method == "POST":
        return submit_view(request, round)
    # the empty form is drawn from the shared cache (``fragment_key``): built only when it is not there
    return call_page(
        request,
        round,
        SimpleLazyObject(lambda: EntryForm(round=round)),
        SimpleLazyObject(public_authors),
        empty=True,
    )


def submit_view(request, round):
    """Send an entry; on a mistake, the form again with its errors and the files it received."""
    draft = drafts.load(request.POST.get("draft"))
    files = drafts.merged_files(draft, request.FILES)
    form = EntryForm(request.POST, files, round=round)
    formset = public_authors(request.POST)
    if not ratelimit.allow_entry(request):
        messages.error(request, _("Too many entries were sent from your address; try again later."))
        return call_page(request, round, form, formset)
    if form.is_spam():
        raise Http404
    if all([form.is_valid(), formset.is_valid()]):
        try:
            notice = current_notice(Site.find_for_request(request))
            entry = services.submit_entry(round=round, data=entry_data(form, formset, notice))
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            drafts.discard(draft)
            ratelimit.count(request, "contest-entry")
            request.session["contest_entry"] = entry.code
            return redirect("contest_receipt", slug=round.slug)
    return call_page(request, round, form, formset, drafts.keep(draft, form.cleaned_data))


def call_page(request, round, form=None, formset=None, draft=None, *, empty=False):
    """The call; with the entry form when it is open: ``empty`` (a first visit) from the shared
    cache, one sent back with errors drawn again."""
    fields = list(round.fields.all())
    return TemplateResponse(
        request,
        "contests/public/round.html",
        {
            "round": round,
            "accepting": form is not None,
            "form": form,
            "formset": formset,
            "problems": error_summary(form, formset) if form is not None and not empty else [],
            "draft": draft,
            "kept": draft.names if draft else {},
            "max_authors": MAX_AUTHORS,
            "fields": fields,
            "fragment_key": fragment_key(round, fields) if empty else "",
            "prizes": [p for p in round.prizes.all() if p.count],
            "criteria": round.criteria.all(),
        },
    )


def receipt_view(request, slug):
    round = get_object_or_404(public_rounds(request), slug=slug)
    code = request.session.get("contest_entry")
    entry = round.entries.filter(code=code).first() if code else None
    if entry is None:
        return redirect("contest_round", slug=slug)
    return TemplateResponse(
        request, "contests/public/receipt.html", {"round": round, "entry": entry}
    )


def results_page(request, round):
    winners = queries.winners(round)
    by_level = [
        (level, [e for e in winners if e.prize == level])
        for level in LEVELS
        if any(e.prize == level for e in winners)
    ]
    national = [e for e in winners if e.national_prize] + [
        e
        for e in round.entries.filter(prize="")
        .exclude(national_prize="")
        .prefetch_related("authors")
    ]
    rule = name_rule(Site.find_for_request(request))
    for entry in [*winners, *national]:
        entry.shown = shown_authors(entry, rule)
    return TemplateResponse(
        request,
        "contests/public/results.html",
        {
            "round": round,
            "by_level": by_level,
            "national": national,
            "figures": queries.round_figures(round),
        },
    )


def certificate_view(request, slug, code):
    published = ContestRound.objects.filter(state__in=RESULT_STATES)
    round = get_object_or_404(of_site(published, "contest__union", request), slug=slug)
    entry = get_object_or_404(
        round.entries.exclude(prize="").prefetch_related("authors"), code=code
    )
    return response(Certificate().render(entry=entry, public=True), attachment=False)
