"""Report runs: create a draft, queue and generate it (figures locked), issue it with a number
from the register, keep its files; Word templates uploaded by staff; the link to the news
article that ``website`` drafts from an issued report. Every change of a run's state is here."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import slugify_vi
from lienhiep.core.transitions import advance, step_day
from lienhiep.directory import register
from lienhiep.directory.rules import organisations_for, require_staff

from . import content as report_content
from . import rendering
from .enums import GENERATABLE_STATES, ReportKind, RunState
from .models import ReportRun, ReportTemplate
from .periods import term_years

logger = logging.getLogger(__name__)


def _require_staff(user, organisation):
    """Only staff who see the organisation write its reports; there is no path without a user."""
    if user is None:
        raise PermissionDenied(_("You cannot write this organisation's reports."))
    visible = organisations_for(user)
    require_staff(user, organisation, visible, _("You cannot write this organisation's reports."))


def check_period(*, organisation, kind, year=None, quarter=None, term=None):
    """The run's period as fields (``year``, ``quarter``, ``term``), refused when it is not
    whole: a quarter report names its quarter, a term report one of the organisation's terms
    (its year is the term's last)."""
    if kind == ReportKind.QUARTER and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("Choose the quarter the report covers.")})
    if kind == ReportKind.TERM:
        if term is None or term.organisation_id != organisation.pk:
            raise ValidationError({"term": _("Choose one of the organisation's terms.")})
        return {"year": term_years(term)[1], "quarter": None, "term": term}
    if not year:
        raise ValidationError({"year": _("Give the year the report covers.")})
    return {"year": year, "quarter": quarter if kind == ReportKind.QUARTER else None, "term": None}


def create_run(
    *, organisation, user, kind=ReportKind.ANNUAL, year=None, quarter=None, term=None, **fields
):
    _require_staff(user, organisation)
    period = check_period(
        organisation=organisation, kind=kind, year=year, quarter=quarter, term=term
    )
    run = ReportRun.objects.create(
        organisation=organisation,
        kind=kind,
        created_by=user,
        **period,
        **{**signing_defaults(organisation), **fields},
    )
    log(run, "wagtail.create", user=user)
    return run


#: What a new report takes from the organisation's previous report: it rarely changes.
CARRIED_OVER = ("parent_body", "place", "authority", "signer_title", "signer_name", "recipients")


def signing_defaults(organisation):
    """The previous report's signer, place and recipients; for the first, the registry's."""
    previous = ReportRun.objects.filter(organisation=organisation).order_by("-created_at").first()
    if previous:
        return {name: getattr(previous, name) for name in CARRIED_OVER}
    first = {"place": organisation.place_name, "signer_name": organisation.signer_name}
    if organisation.signer_title:
        first["signer_title"] = organisation.signer_title
    return first


def current_template(organisation):
    return ReportTemplate.objects.filter(organisation=organisation, active=True).first()


def _file_name(run, extension):
    owner = slugify_vi(run.organisation.abbreviation or run.organisation.slug)
    return f"bao-cao-{run.period.slug}-{owner}.{extension}"


def _progress(run, percent):
    run.progress, run.progress_at = percent, timezone.now()
    ReportRun.objects.filter(pk=run.pk).update(progress=percent, progress_at=run.progress_at)


def render_files(run):
    """Write the run's Word, PDF and Markdown files from its locked content."""
    header = rendering.header_for(run)
    template = run.template.file if run.template_id else None
    if template is not None:
        template.open("rb")
    try:
        word = rendering.docx(run.content, header, template)
    finally:
        if template is not None:
            template.close()
    _progress(run, 60)
    run.docx.save(_file_name(run, "docx"), ContentFile(word), save=False)
    run.pdf.save(
        _file_name(run, "pdf"), ContentFile(rendering.pdf(run.content, header)), save=False
    )
    _progress(run, 90)
    text = rendering.markdown(run.content, header).encode()
    run.markdown.save(_file_name(run, "md"), ContentFile(text), save=False)


def explain(error):
    """What went wrong, in Vietnamese, for staff; the technical detail follows in brackets."""
    from jinja2 import TemplateError

    detail = str(error) or error.__class__.__name__
    if isinstance(error, TemplateError):
        return _(
            "The Word template could not be filled (%(detail)s). Check its variables against "
            "the list in the documentation, or go back to the default template."
        ) % {"detail": detail}
    if isinstance(error, OSError):
        return _(
            "The files could not be written, or the PDF could not be made (%(detail)s). Tell "
            "the administrator."
        ) % {"detail": detail}
    return _("An unexpected error stopped the report (%(detail)s). Tell the administrator.") % {
        "detail": detail
    }


def start_generation(*, run, user):
    """Queue the run for the worker: it shows as generating (0 %) until the worker is done. A
    stale run (the worker stopped with it) may be queued again."""
    _require_staff(user, run.organisation)
    if run.is_issued:
        raise ValidationError(_("An issued report is not generated again."))
    stale = run.is_stale
    return advance(
        run,
        RunState.GENERATING,
        allowed_from=GENERATABLE_STATES + ((RunState.GENERATING,) if stale else ()),
        user=user,
        action="reports.run.queued",
        data={"stale": True} if stale else None,
        progress=0,
        progress_at=timezone.now(),
        error="",
    )


def fail_orphaned(*, run_ids):
    """The worker stopped while generating these runs (``manage.py reports_recover`` finds them
    when it starts again): they fail with a word why, so staff can generate them again. The
    worker does this, not a user."""
    runs = list(ReportRun.objects.filter(pk__in=run_ids, state=RunState.GENERATING))
    reason = _("The worker stopped while generating this report. Generate it again.")
    for run in runs:
        advance(
            run,
            RunState.FAILED,
            allowed_from=(RunState.GENERATING,),
            user=None,
            action="reports.run.orphaned",
            error=reason,
        )
        logger.warning("Report run %s failed: the worker stopped while generating it", run.pk)
    return runs


def generate(*, run, user):
    """Count the figures, lock them in the run, and render its files (a task calls this)."""
    if run.is_issued:
        raise ValidationError(_("An issued report is not generated again."))
    _require_staff(user, run.organisation)
    run.state, run.error, run.progress_at = RunState.GENERATING, "", timezone.now()
    run.save(update_fields=["state", "error", "progress_at"])
    _progress(run, 5)
    narrative = run.narrative
    try:
        run.content = report_content.build(run.organisation, run.period, narrative=narrative)
        _progress(run, 40)
        run.template = current_template(run.organisation)
        render_files(run)
    except Exception as error:
        logger.exception("Report run %s failed", run.pk)
        ReportRun.objects.filter(pk=run.pk).update(state=RunState.FAILED, error=explain(error))
        raise
    # Staff may have saved their text while the worker rendered: keep it, and leave the run a
    # draft to be generated again if the files do not say it.
    now = ReportRun.objects.filter(pk=run.pk).values(*narrative).get()
    run.state = RunState.GENERATED if now == narrative else RunState.DRAFT
    run.progress, run.generated_at, run.generated_by = 100, timezone.now(), user
    run.save(
        update_fields=[
            "state",
            "progress",
            "content",
            "template",
            "docx",
            "pdf",
            "markdown",
            "generated_at",
            "generated_by",
        ]
    )
    log(run, "reports.run.generated", user=user)
    return run


def mark_outdated(*, run, user):
    """The narrative changed after generation: the files no longer say it, so the run goes back
    to draft and is generated again before it can be issued."""
    _require_staff(user, run.organisation)
    if run.is_issued:
        raise ValidationError(_("An issued report is not generated again."))
    return advance(
        run,
        RunState.DRAFT,
        allowed_from=(RunState.GENERATED,),
        user=user,
        action="reports.run.outdated",
    )


@transaction.atomic
def issue(*, run, user, day=None):
    """Give the generated report its number from the register, its date, and final files."""
    _require_staff(user, run.organisation)
    if run.state != RunState.GENERATED:
        raise ValidationError(_("Generate the report before issuing it."))
    if not run.signer_name.strip():
        raise ValidationError({"signer_name": _("Give the name of the signer.")})
    day = step_day(day)
    run.document = register.register_document(
        organisation=run.organisation,
        day=day,
        kind=register.REPORT,
        subject=run.content["subject"],
        user=user,
    )
    run.issued_on, run.issued_by, run.state = day, user, RunState.ISSUED
    render_files(run)
    run.progress = 100
    run.save()
    log(run, "reports.run.issued", user=user, data={"number": str(run.document)})
    return run


def validate_template(upload):
    """Refuse a Word template that is not one, or that uses a variable lienhiep does not give."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        upload.seek(0)
        document = DocxTemplate(upload)
        used = document.get_undeclared_template_variables()
    except TemplateSyntaxError as error:
        raise ValidationError(
            _("The template has a mistake in a tag (line %(line)s): %(message)s")
            % {"line": error.lineno, "message": error.message}
        ) from None
    except Exception:
        raise ValidationError(_("The file is not a Word document (.docx).")) from None
    finally:
        upload.seek(0)
    unknown = sorted(set(used) - rendering.TEMPLATE_VARIABLES)
    if unknown:
        raise ValidationError(
            _("The template uses variables that reports do not have: %(names)s.")
            % {"names": ", ".join(f"“{n}”" for n in unknown)}
        )


@transaction.atomic
def upload_template(*, organisation, upload, user, note=""):
    _require_staff(user, organisation)
    validate_template(upload)
    ReportTemplate.objects.filter(organisation=organisation).update(active=False)
    template = ReportTemplate(organisation=organisation, uploaded_by=user, note=note)
    template.file.save(upload.name, upload, save=False)
    template.save()
    log(template, "wagtail.create", user=user)
    return template


@transaction.atomic
def link_news_article(*, run, article, user):
    """Remember the news article drafted from the issued report (``website`` drafts it)."""
    _require_staff(user, run.organisation)
    if not run.is_issued:
        raise ValidationError(_("Issue the report first."))
    run.news_article = article
    run.save(update_fields=["news_article"])
    log(run, "reports.run.news", user=user, data={"page": article.pk})
    return run
