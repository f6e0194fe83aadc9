"""Indicators, reported values, annual plans with targets, and member organisations' yearly returns."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from lienhiep.core.formatting import fold
from lienhiep.core.indicators import Rollup
from lienhiep.core.sections import BoundToSection
from lienhiep.core.versioning import Versioned
from lienhiep.directory.models import Organisation, Term

from .enums import PACKAGE_SUBJECT, ItemKind, Method, PlanState, ReturnState


class Indicator(BoundToSection):
    """A named figure: computed by a registered measure, or reported with its source.

    Bound to a report section (``BoundToSection``), its sentence is stated in the report's text;
    a staff-defined kind's indicator is bound through its kind (``binding``).
    """

    code = models.CharField(
        _("code"),
        max_length=100,
        unique=True,
        validators=[
            RegexValidator(r"^[a-z0-9_.-]+$", _("Use lower-case letters, digits, dots and dashes."))
        ],
        help_text=_("For example community.households."),
    )
    name = models.CharField(_("name"), max_length=250)
    name_en = models.CharField(_("English name"), max_length=250, blank=True)
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("Written after counts, e.g. đề án.")
    )
    method = models.CharField(
        _("obtained by"), max_length=20, choices=Method.choices, default=Method.REPORTED
    )
    rollup = models.CharField(
        _("roll-up rule"), max_length=10, choices=Rollup.choices, default=Rollup.SUM
    )
    breakdowns = models.JSONField(
        _("breakdowns"),
        default=list,
        blank=True,
        help_text=_(
            "How reported values of this indicator may be split, names separated by commas "
            "(for example: sex, commune). Leave empty when only totals are reported."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    public = models.BooleanField(
        _("open data"),
        default=False,
        help_text=_("Anyone may read this indicator's figures through the API, without a token."),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.name} {self.name_en}")
        super().save(*args, **kwargs)

    def get_breakdowns_display(self):
        return ", ".join(self.breakdowns) or "—"

    @cached_property
    def measure(self):
        from lienhiep.core.indicators import measure_for

        return measure_for(self.code)

    @property
    def report_binding(self):
        """Where the report states this figure: its kind's binding, else its own, else ``None``."""
        measure = self.measure if self.method == Method.COMPUTED else None
        if measure is not None and measure.binding is not None:
            return measure.binding
        return self.binding(describe=describe_value if self.method == Method.REPORTED else str)


def describe_value(value):
    """A line of a reported indicator's records in the report: who reported what."""
    from lienhiep.core.formatting import format_number

    amount = int(value.value) if value.value == value.value.to_integral_value() else value.value
    return f"{value.organisation}: {format_number(amount)} ({value.source})"


class ReportedValue(models.Model):
    """A value someone reported for an organisation and year, with where it comes from."""

    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="reported_values", verbose_name=_("indicator")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="reported_values", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    breakdown = models.JSONField(
        _("breakdown"),
        default=dict,
        blank=True,
        help_text=_(
            "Which part of the total this value is: one “name = value” per line (for example: "
            "sex = female). Leave empty for the total."
        ),
    )
    subject = models.CharField(
        _("about"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "What the value is about when it is reported per record, e.g. a community project."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("The document (number, date) or person the value comes from."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        ordering = ["-year", "indicator__order", "organisation__sort_key"]
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")

    def __str__(self):
        return f"{self.indicator} – {self.organisation} – {self.year}"

    def get_breakdown_display(self):
        return "; ".join(f"{name} = {value}" for name, value in self.breakdown.items()) or "—"

    def clean(self):
        if not (self.source or "").strip():
            raise ValidationError(
                {"source": _("Say where this value comes from (document or person).")}
            )
        packaged = self.subject == PACKAGE_SUBJECT
        if self.indicator_id and self.indicator.method != Method.REPORTED and not packaged:
            raise ValidationError(
                {"indicator": _("This indicator is computed from records; it cannot be reported.")}
            )


class AnnualPlan(Versioned, ClusterableModel):
    """An organisation's plan for a year: targets on indicators, tasks and solutions."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="plans", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=PlanState.choices,
        default=PlanState.DRAFT,
        editable=False,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-year", "organisation__sort_key"]
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="plan_unique_year")
        ]

    def __str__(self):
        return _("Plan %(year)s – %(organisation)s") % {
            "year": self.year,
            "organisation": self.organisation,
        }

    @property
    def is_locked(self):
        return self.state == PlanState.APPROVED


class Target(models.Model):
    plan = ParentalKey(
        AnnualPlan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("plan")
    )
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("target"), max_digits=18, decimal_places=2)
    assigned_by = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_targets",
        verbose_name=_("assigned by"),
        help_text=_("Empty when the organisation set the target itself."),
    )
    assignment = models.CharField(
        _("assigning document"),
        max_length=300,
        blank=True,
        help_text=_("For example Quyết định số 212/QĐ-UBND ngày 19/01/2024."),
    )

    class Meta:
        ordering = ["indicator__order"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator"], name="target_unique_indicator")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class TermPlan(ClusterableModel):
    """The targets a congress resolution set for its term (chỉ tiêu nhiệm kỳ), which the term
    report sets against the term's achievement."""

    term = models.OneToOneField(Term, models.CASCADE, related_name="plan", verbose_name=_("term"))
    resolution = models.CharField(
        _("congress resolution"),
        max_length=300,
        blank=True,
        help_text=_("For example Nghị quyết Đại hội đại biểu lần thứ V, nhiệm kỳ 2020–2025."),
    )

    class Meta:
        ordering = ["-term__congress_date"]
        verbose_name = _("term plan")
        verbose_name_plural = _("term plans")

    def __str__(self):
        return _("Term targets – %(term)s") % {"term": self.term}

    @property
    def organisation(self):
        return self.term.organisation


class TermTarget(models.Model):
    """A target of the congress resolution on an indicator, over the whole term."""

    plan = ParentalKey(
        TermPlan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("term plan")
    )
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="term_targets", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("target"), max_digits=18, decimal_places=2)

    class Meta:
        ordering = ["indicator__order"]
        verbose_name = _("term target")
        verbose_name_plural = _("term targets")
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator"], name="term_target_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class PlanItem(models.Model):
    """A task or a solution of the plan, in order ("phương hướng, nhiệm vụ")."""

    plan = ParentalKey(
        AnnualPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    done_on = models.DateField(
        _("done on"),
        null=True,
        blank=True,
        help_text=_(
            "When the task was achieved; a six-month or quarter report's directions are the "
            "tasks still open at its end."
        ),
    )

    class Meta:
        ordering = ["kind", "sort_order", "pk"]
        verbose_name = _("task or solution")
        verbose_name_plural = _("tasks and solutions")

    def __str__(self):
        return self.text[:80]


class YearlyReturn(Versioned, models.Model):
    """A member organisation's report of its year to the union."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="returns", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReturnState.choices,
        default=ReturnState.DRAFT,
        editable=False,
    )
    deadline = models.DateField(_("deadline"))
    members = models.PositiveIntegerField(_("members at year end"), null=True, blank=True)
    research_projects = models.PositiveIntegerField(_("research topics applied"), default=0)
    technology_transfers = models.PositiveIntegerField(_("technology transfers"), default=0)
    charity = models.PositiveBigIntegerField(
        _("charity (đồng)"),
        default=0,
        help_text=_("What the organisation gave or raised for charity and social support."),
    )
    activities = models.TextField(
        _("own activities"),
        blank=True,
        help_text=_("The year's highlights, one per line: the report lists them."),
    )
    notes = models.TextField(_("notes"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    decided_at = models.DateTimeField(
        _("accepted or sent back at"), null=True, blank=True, editable=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("accepted or sent back by"),
    )
    return_reason = models.TextField(_("reason for sending back"), blank=True, editable=False)

    class Meta:
        ordering = ["-year", "organisation__sort_key"]
        verbose_name = _("yearly return")
        verbose_name_plural = _("yearly returns")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="return_unique_year")
        ]

    def __str__(self):
        return _("Return %(year)s – %(organisation)s") % {
            "year": self.year,
            "organisation": self.organisation,
        }
