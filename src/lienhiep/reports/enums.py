from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Annual report (tổng kết)")
    HALF_YEAR = "half_year", _("Six-month report (sơ kết)")


class RunState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    GENERATING = "generating", _("Generating")
    GENERATED = "generated", _("Generated")
    FAILED = "failed", _("Generation failed")
    ISSUED = "issued", _("Issued")


#: the states a run may be (re)generated from: never while generating, never once issued
GENERATABLE_STATES = (RunState.DRAFT, RunState.GENERATED, RunState.FAILED)


class Format(models.TextChoices):
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"
    MD = "md", "Markdown"
