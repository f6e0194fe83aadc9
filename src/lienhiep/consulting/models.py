"""Consultancy, critique and social-assessment cases on schemes, with their expert panels."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from lienhiep.core.formatting import fold
from lienhiep.core.private import private_storage
from lienhiep.core.sections import BoundToSection
from lienhiep.core.validators import validate_attachment
from lienhiep.core.versioning import Versioned
from lienhiep.directory.models import Organisation, OutgoingDocument, Person

from .enums import STEPS, CaseKind, CaseState, KindForm, PanelRole


def default_case_kind():
    """The critique kind, which a case is unless staff choose another."""
    return ConsultingKind.objects.get_or_create(
        slug=CaseKind.CRITIQUE,
        defaults={"name": "Phản biện", "form": KindForm.CASE, "unit": "đề án", "order": 2},
    )[0].pk


class Case(Versioned, models.Model):
    title = models.CharField(_("scheme"), max_length=400)
    kind = models.ForeignKey(
        "ConsultingKind",
        models.PROTECT,
        related_name="cases",
        limit_choices_to={"form": KindForm.CASE},
        default=default_case_kind,
        verbose_name=_("kind"),
    )
    field_of_expertise = models.CharField(_("field"), max_length=200, blank=True)
    union = models.ForeignKey(
        Organisation, models.PROTECT, related_name="cases", verbose_name=_("union")
    )
    requester = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="requested_cases",
        verbose_name=_("requesting body"),
    )
    request_number = models.CharField(_("request document number"), max_length=60, blank=True)
    request_date = models.DateField(_("request date"))
    scheme_file = models.FileField(
        _("draft scheme"),
        upload_to="consulting/schemes/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
        help_text=_(
            "The scheme sent for critique; the panel's experts read it on their case page."
        ),
    )
    scheme_annex = models.FileField(
        _("documents attached to the scheme"),
        upload_to="consulting/schemes/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
    )
    in_plan = models.BooleanField(_("assigned in the year's plan"), default=False)
    deadline = models.DateField(_("deadline"))
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=CaseState.choices,
        default=CaseState.RECEIVED,
        editable=False,
    )
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True, editable=False)
    report_document = models.OneToOneField(
        OutgoingDocument,
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="critique_case",
        verbose_name=_("report number and symbol"),
    )
    report_date = models.DateField(_("report date"), null=True, blank=True, editable=False)
    report_file = models.FileField(
        _("report file"),
        upload_to="consulting/reports/%Y/",
        blank=True,
        editable=False,
        validators=[validate_attachment],
        storage=private_storage,
    )
    sent_to = models.CharField(_("sent to"), max_length=300, blank=True, editable=False)
    response = models.TextField(_("response of the requesting body"), blank=True)
    response_date = models.DateField(_("response date"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-request_date", "title"]
        verbose_name = _("critique case")
        verbose_name_plural = _("critique cases")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.field_of_expertise} {self.request_number}")
        super().save(*args, **kwargs)

    @property
    def scheme_documents(self):
        """The scheme's files as ``(label, file)``, those given only (served privately)."""
        names = ("scheme_file", "scheme_annex")
        return [
            (self._meta.get_field(n).verbose_name, getattr(self, n))
            for n in names
            if getattr(self, n)
        ]

    @property
    def report_number(self):
        """The report's number in the union's register, "12/BC-LHH" ("" before it is sent)."""
        return str(self.report_document) if self.report_document_id else ""

    @property
    def step_index(self):
        return STEPS.index(self.state) if self.state in STEPS else -1


class CaseStep(models.Model):
    """A step of a case: when it is due and when it was reached."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="steps", verbose_name=_("case"))
    step = models.CharField(_("step"), max_length=30, choices=CaseState.choices)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("done by")
    )

    class Meta:
        ordering = ["case", "due_on"]
        verbose_name = _("case step")
        verbose_name_plural = _("case steps")
        constraints = [models.UniqueConstraint(fields=["case", "step"], name="case_step_unique")]

    def __str__(self):
        return f"{self.case} – {self.get_step_display()}"


class PanelMember(models.Model):
    case = models.ForeignKey(Case, models.CASCADE, related_name="panel", verbose_name=_("case"))
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="panels", verbose_name=_("expert")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PanelRole.choices, default=PanelRole.MEMBER
    )
    conflict_reason = models.TextField(
        _("reason to keep despite a conflict of interest"),
        blank=True,
        help_text=_("Required when the expert works for the requesting body."),
    )

    class Meta:
        ordering = ["case", "role", "person__sort_key"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="panel_member_unique")
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    @property
    def has_conflict(self):
        return (
            self.person.workplace_id is not None
            and self.person.workplace_id == self.case.requester_id
        )


class Opinion(models.Model):
    case = models.ForeignKey(Case, models.CASCADE, related_name="opinions", verbose_name=_("case"))
    expert = models.ForeignKey(
        Person, models.PROTECT, related_name="opinions", verbose_name=_("expert")
    )
    text = models.TextField(_("opinion"))
    file = models.FileField(
        _("file"),
        upload_to="consulting/opinions/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)

    class Meta:
        ordering = ["case", "submitted_at"]
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        constraints = [
            models.UniqueConstraint(fields=["case", "expert"], name="opinion_unique_expert")
        ]

    def __str__(self):
        return f"{self.case} – {self.expert}"


class ConsultingKind(BoundToSection):
    """A kind of consulting work staff define: light records, or seats on a council.

    Each kind gets its figure at once (``measures.py``); a seat kind also the figure of its
    sittings, which its sentence names ``{phiên họp}``.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    form = models.CharField(
        _("records kept"), max_length=10, choices=KindForm.choices, default=KindForm.RECORD
    )
    unit = models.CharField(
        _("unit"),
        max_length=60,
        default="văn bản",
        help_text=_("Written after the count, e.g. văn bản, hội đồng."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("consulting kind")
        verbose_name_plural = _("consulting kinds")

    def __str__(self):
        return self.name

    @property
    def extra_placeholders(self):
        return ("phiên họp",) if self.form == KindForm.SEAT else ()


class ConsultingRecord(models.Model):
    """A light piece of consulting work, e.g. a comment on a draft document."""

    kind = models.ForeignKey(
        ConsultingKind,
        models.PROTECT,
        related_name="records",
        limit_choices_to={"form": KindForm.RECORD},
        verbose_name=_("kind"),
    )
    union = models.ForeignKey(
        Organisation, models.PROTECT, related_name="consulting_records", verbose_name=_("union")
    )
    title = models.CharField(_("title"), max_length=400)
    date = models.DateField(_("date"))
    requester = models.CharField(_("requesting body"), max_length=300, blank=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("consulting record")
        verbose_name_plural = _("consulting records")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.requester} {self.document_number}")
        super().save(*args, **kwargs)


class CouncilSeat(ClusterableModel):
    """A seat the union holds on a council or appraisal board, with the board's sittings."""

    kind = models.ForeignKey(
        ConsultingKind,
        models.PROTECT,
        related_name="seats",
        limit_choices_to={"form": KindForm.SEAT},
        verbose_name=_("kind"),
    )
    union = models.ForeignKey(
        Organisation, models.PROTECT, related_name="council_seats", verbose_name=_("union")
    )
    council = models.CharField(_("council or board"), max_length=400)
    member = models.CharField(_("member seated"), max_length=200, blank=True)
    requester = models.CharField(_("appointed by"), max_length=300, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-start_date", "council"]
        verbose_name = _("council seat")
        verbose_name_plural = _("council seats")

    def __str__(self):
        return f"{self.council} – {self.member}" if self.member else self.council

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end comes before the start.")})

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.council} {self.member} {self.requester}")
        super().save(*args, **kwargs)


class Sitting(models.Model):
    seat = ParentalKey(
        CouncilSeat, on_delete=models.CASCADE, related_name="sittings", verbose_name=_("seat")
    )
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=300, blank=True)

    class Meta:
        ordering = ["seat", "date"]
        verbose_name = _("sitting")
        verbose_name_plural = _("sittings")

    def __str__(self):
        return f"{self.seat} – {self.date:%d/%m/%Y}"
