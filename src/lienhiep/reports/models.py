"""Report runs (a draft, then an issued report with its files) and Word templates uploaded by
staff; an issued report takes its number from the organisation's register of outgoing documents
(``directory.register``)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lienhiep.core.private import private_storage
from lienhiep.directory.models import Organisation, OutgoingDocument, Term

from .enums import Quarter, ReportKind, RunState


def template_path(instance, filename):
    return f"reports/templates/{instance.organisation.slug}/{filename}"


class ReportTemplate(models.Model):
    """A Word template uploaded by staff; the newest active one is used for the next run."""

    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        related_name="report_templates",
        verbose_name=_("organisation"),
    )
    file = models.FileField(
        _("Word template (.docx)"), upload_to=template_path, storage=private_storage
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    active = models.BooleanField(_("in use"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]


def run_path(instance, filename):
    return f"reports/{instance.organisation.slug}/{instance.year}/{filename}"


def stale_after():
    return timedelta(minutes=settings.LIENHIEP_REPORT_STALE_MINUTES)


class ReportRun(models.Model):
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="report_runs", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=ReportKind.choices, default=ReportKind.ANNUAL
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=Quarter.choices, null=True, blank=True
    )
    term = models.ForeignKey(
        Term,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="report_runs",
        verbose_name=_("term"),
        help_text=_("For a term report: the term, from its congress to the next."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RunState.choices, default=RunState.DRAFT, editable=False
    )
    opening = models.TextField(
        _("opening paragraph"),
        blank=True,
        help_text=_("Optional; paragraphs separated by a blank line."),
    )
    shortcomings = models.TextField(_("shortcomings and limitations"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)
    parent_body = models.CharField(
        _("parent body line"),
        max_length=200,
        blank=True,
        help_text=_("Printed above the union's name when the union prints one."),
    )
    place = models.CharField(_("place in the date line"), max_length=100, blank=True)
    authority = models.CharField(
        _("signing authority"), max_length=100, default="TM. BAN THƯỜNG VỤ"
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(
        _("recipients (Nơi nhận)"),
        blank=True,
        help_text=_("One per line; “Lưu: VT” is added at the end."),
    )
    content = models.JSONField(_("generated content"), null=True, blank=True, editable=False)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    progress_at = models.DateTimeField(_("last progress at"), null=True, editable=False)
    error = models.TextField(_("error"), blank=True, editable=False)
    template = models.ForeignKey(
        ReportTemplate, models.SET_NULL, null=True, blank=True, editable=False, related_name="runs"
    )
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True, editable=False)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    document = models.OneToOneField(
        OutgoingDocument,
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="report",
        verbose_name=_("number in the register"),
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    docx = models.FileField(
        _("Word file"), upload_to=run_path, blank=True, editable=False, storage=private_storage
    )
    pdf = models.FileField(
        _("PDF file"), upload_to=run_path, blank=True, editable=False, storage=private_storage
    )
    markdown = models.FileField(
        _("Markdown file"), upload_to=run_path, blank=True, editable=False, storage=private_storage
    )
    news_article = models.ForeignKey(
        "website.NewsArticlePage",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("news draft"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.period.title} – {self.organisation.name}"

    @property
    def period(self):
        from .periods import Period

        return Period.of_run(self)

    @property
    def narrative(self):
        return {
            "opening": self.opening,
            "shortcomings": self.shortcomings,
            "causes": self.causes,
            "proposals": self.proposals,
        }

    @property
    def is_issued(self):
        return self.state == RunState.ISSUED

    @property
    def is_stale(self):
        """Generating, but the worker has not moved it on for ``REPORT_STALE_MINUTES``: it
        stopped (or died) with the run, which may then be generated again."""
        since = self.progress_at or self.created_at
        return self.state == RunState.GENERATING and since < timezone.now() - stale_after()

    @property
    def stale_minutes(self):
        return settings.LIENHIEP_REPORT_STALE_MINUTES
