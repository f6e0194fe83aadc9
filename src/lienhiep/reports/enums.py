from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Annual report (tổng kết)")
    HALF_YEAR = "half_year", _("Six-month report (sơ kết)")
    QUARTER = "quarter", _("Quarter report (sơ kết quý)")
    TERM = "term", _("Term report (tổng kết nhiệm kỳ)")


#: the kinds that report on part of a year and take their directions from the year's plan
PART_OF_YEAR = (ReportKind.HALF_YEAR, ReportKind.QUARTER)


class Quarter(models.IntegerChoices):
    Q1 = 1, _("Quarter I")
    Q2 = 2, _("Quarter II")
    Q3 = 3, _("Quarter III")
    Q4 = 4, _("Quarter IV")


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
