"""Contests, their rounds and settings, entries with authors and files, judges and scores."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from lienhiep.core.formatting import fold, slugify_vi
from lienhiep.core.private import private_storage
from lienhiep.core.versioning import Versioned
from lienhiep.directory.models import Organisation, Person
from lienhiep.privacy.models import ConsentRecord

from .enums import (
    AWARDED_STATES,
    CODE_PREFIX,
    OPEN_FOR_ENTRIES,
    REVIEWING,
    SCORABLE,
    ContestKind,
    DossierItem,
    EntrySource,
    FileKind,
    PrizeLevel,
    RoundState,
    Stage,
)
from .validators import validate_entry_file, validate_photo


class Contest(models.Model):
    union = models.ForeignKey(
        Organisation, models.PROTECT, related_name="contests", verbose_name=_("union")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContestKind.choices)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        ordering = ["union", "kind", "name"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")

    def __str__(self):
        return self.name


class ContestRound(ClusterableModel):
    contest = models.ForeignKey(
        Contest, models.PROTECT, related_name="rounds", verbose_name=_("contest")
    )
    number = models.PositiveSmallIntegerField(_("round number"))
    period = models.CharField(_("period"), max_length=20, help_text=_("For example 2023-2024."))
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True, blank=True)
    co_organisers = models.TextField(_("co-organisers"), blank=True, help_text=_("One per line."))
    committee = models.TextField(
        _("organising committee"), blank=True, help_text=_("One member per line.")
    )
    rules_decision = models.CharField(_("rules decision"), max_length=300, blank=True)
    call = models.TextField(
        _("call and rules"), blank=True, help_text=_("Shown to the public with the entry form.")
    )
    launch_date = models.DateField(_("launch date"))
    entry_deadline = models.DateField(_("entry deadline"))
    judging_from = models.DateField(_("judging from"), null=True, blank=True)
    judging_to = models.DateField(_("judging to"), null=True, blank=True)
    ceremony_date = models.DateField(_("ceremony date"), null=True, blank=True)
    min_age = models.PositiveSmallIntegerField(_("youngest author's age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("oldest author's age"), null=True, blank=True)
    applied_since = models.PositiveSmallIntegerField(
        _("applied since (year)"),
        null=True,
        blank=True,
        help_text=_("Solutions must have been applied in this year or later."),
    )
    residence = models.CharField(
        _("residence"),
        max_length=200,
        blank=True,
        help_text=_("Where authors must live, work or study, for example “tỉnh Hòa An”."),
    )
    exclude_earlier_entries = models.BooleanField(
        _("refuse entries already entered in an earlier round"), default=True
    )
    two_stages = models.BooleanField(_("preliminary and final judging"), default=False)
    judges_per_entry = models.PositiveSmallIntegerField(
        _("judges per entry"), default=2, validators=[MinValueValidator(1)]
    )
    rank_by_normalised = models.BooleanField(
        _("rank by judge-normalised scores"),
        default=False,
        help_text=_("Otherwise entries are ranked by the mean of their judges' scores."),
    )
    national_round = models.CharField(_("national round"), max_length=100, blank=True)
    national_quota = models.PositiveSmallIntegerField(
        _("entries that may be forwarded"), null=True, blank=True
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RoundState.choices, default=RoundState.DRAFT
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True, editable=False)
    judging_started_on = models.DateField(
        _("judging started on"), null=True, blank=True, editable=False
    )
    approval_number = models.CharField(
        _("prize decision"), max_length=100, blank=True, editable=False
    )
    awarded_on = models.DateField(_("prizes approved on"), null=True, blank=True, editable=False)
    results_published_on = models.DateField(
        _("results published on"), null=True, blank=True, editable=False
    )
    yearbook_sent_on = models.DateField(_("yearbook sent to the winners on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["contest", "-number"]
        verbose_name = _("contest round")
        verbose_name_plural = _("contest rounds")
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="contest_round_unique")
        ]

    def __str__(self):
        return f"{self.contest.name} {self.label}"

    @property
    def label(self):
        return _("round %(number)s (%(period)s)") % {"number": self.number, "period": self.period}

    @property
    def kind(self):
        return self.contest.kind

    @property
    def is_youth(self):
        return self.contest.kind == ContestKind.YOUTH

    @property
    def age_on(self):
        """Authors' ages are taken on the entry deadline."""
        return self.entry_deadline

    @property
    def year(self):
        """A round counts in the year its results are published."""
        return self.results_published_on.year if self.results_published_on else None

    @property
    def final_stage(self):
        return Stage.FINAL if self.two_stages else Stage.PRELIMINARY

    def accepts_entries(self, today=None):
        today = today or date.today()
        return self.state in OPEN_FOR_ENTRIES and self.launch_date <= today <= self.entry_deadline

    def reviews_entries(self):
        """Eligibility is decided, and corrected, while entries come in and during judging."""
        return self.state in REVIEWING

    @property
    def scorable(self):
        """Judges are assigned and score; prizes are proposed and set."""
        return self.state in SCORABLE

    @property
    def prizes_approved(self):
        return self.state in AWARDED_STATES

    def co_organiser_list(self):
        return [line.strip() for line in self.co_organisers.splitlines() if line.strip()]

    def clean(self):
        if self.entry_deadline and self.launch_date and self.entry_deadline < self.launch_date:
            raise ValidationError({"entry_deadline": _("The deadline is before the launch.")})
        if self.min_age and self.max_age and self.min_age > self.max_age:
            raise ValidationError({"max_age": _("The oldest age is below the youngest.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify_vi(f"lan {self.number} {self.contest.name}")[:110].strip("-")
            slug, n = base, 1
            while ContestRound.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                n += 1
                slug = f"{base}-{n}"
            self.slug = slug
        super().save(*args, **kwargs)


class ContestField(models.Model):
    round = ParentalKey(
        ContestRound, on_delete=models.CASCADE, related_name="fields", verbose_name=_("round")
    )
    name = models.CharField(_("field"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("field of entry")
        verbose_name_plural = _("fields of entry")
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="contest_field_unique")
        ]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    round = ParentalKey(
        ContestRound, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("round")
    )
    name = models.CharField(_("criterion"), max_length=200)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"), validators=[MinValueValidator(1)]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("judging criterion")
        verbose_name_plural = _("judging criteria")

    def __str__(self):
        return self.name


class PrizeTier(models.Model):
    round = ParentalKey(
        ContestRound, on_delete=models.CASCADE, related_name="prizes", verbose_name=_("round")
    )
    level = models.CharField(_("prize"), max_length=20, choices=PrizeLevel.choices)
    count = models.PositiveSmallIntegerField(_("number of prizes"), default=0)
    amount = models.PositiveBigIntegerField(_("amount (đồng)"), default=0)

    class Meta:
        verbose_name = _("prize")
        verbose_name_plural = _("prize structure")
        constraints = [models.UniqueConstraint(fields=["round", "level"], name="prize_tier_unique")]

    def __str__(self):
        return f"{self.get_level_display()} × {self.count}"


class Entry(Versioned, ClusterableModel):
    round = models.ForeignKey(
        ContestRound, models.PROTECT, related_name="entries", verbose_name=_("round")
    )
    code = models.CharField(_("entry code"), max_length=20, editable=False)
    title = models.CharField(_("title"), max_length=300)
    field = models.ForeignKey(
        ContestField, models.PROTECT, related_name="entries", verbose_name=_("field")
    )
    description = models.TextField(_("description"))
    entering_unit = models.CharField(
        _("entering organisation"),
        max_length=300,
        blank=True,
        help_text=_("The school, company or body that enters the work, if any."),
    )
    applied_since = models.PositiveSmallIntegerField(
        _("applied since (year)"), null=True, blank=True
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    source = models.CharField(
        _("received"),
        max_length=10,
        choices=EntrySource.choices,
        default=EntrySource.PAPER,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("received at"), auto_now_add=True)
    dossier = models.JSONField(_("dossier checked"), default=list, blank=True, editable=False)
    eligible = models.BooleanField(_("eligible"), null=True, editable=False)
    eligibility_reason = models.CharField(_("reason"), max_length=300, blank=True, editable=False)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True, editable=False)
    finalist = models.BooleanField(_("in the final"), default=False, editable=False)
    prize = models.CharField(
        _("prize"), max_length=20, choices=PrizeLevel.choices, blank=True, editable=False
    )
    forwarded = models.BooleanField(_("forwarded to the national round"), default=False)
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True, editable=False)
    national_prize = models.CharField(
        _("national result"), max_length=20, choices=PrizeLevel.choices, blank=True
    )
    search_text = models.TextField(editable=False, default="")
    #: the title without diacritics or case, to find an entry already entered in a round before
    title_key = models.CharField(max_length=300, editable=False, default="", db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["round", "code"]
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        indexes = [models.Index(fields=["round", "field"])]
        constraints = [models.UniqueConstraint(fields=["round", "code"], name="entry_code_once")]

    def __str__(self):
        return f"{self.code} – {self.title}" if self.code else self.title

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = next_code(self.round)
        self.search_text = fold(f"{self.code} {self.title} {self.entering_unit}")
        self.title_key = " ".join(fold(self.title).split())[:300]
        super().save(*args, **kwargs)

    @property
    def main_author(self):
        return next((a for a in self.authors.all() if a.is_main), None)

    def photos(self):
        return [f for f in self.files.all() if f.kind == FileKind.PHOTO]

    def dossier_labels(self):
        return [DossierItem(code).label for code in self.dossier if code in DossierItem.values]


def next_code(round):
    """The next free code of a round: ``TN13-0007``."""
    prefix = f"{CODE_PREFIX[ContestKind(round.contest.kind)]}{round.number}-"
    last = (
        Entry.objects.filter(round=round, code__startswith=prefix)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


class Author(ConsentRecord):
    entry = ParentalKey(
        Entry, on_delete=models.CASCADE, related_name="authors", verbose_name=_("entry")
    )
    name = models.CharField(_("full name"), max_length=200)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    workplace = models.CharField(_("school or workplace"), max_length=300, blank=True)
    is_main = models.BooleanField(_("main author"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta(ConsentRecord.Meta):
        abstract = False
        ordering = ["-is_main", "sort_order", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def age_on(self, day):
        if not self.birth_date:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday


def entry_upload_path(instance, filename):
    return f"contests/{instance.entry.round.slug}/{instance.entry.code}/{filename}"


class EntryFile(models.Model):
    entry = ParentalKey(
        Entry, on_delete=models.CASCADE, related_name="files", verbose_name=_("entry")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FileKind.choices)
    file = models.FileField(
        _("file"),
        upload_to=entry_upload_path,
        validators=[validate_entry_file],
        max_length=300,
        storage=private_storage,
    )

    class Meta:
        verbose_name = _("entry file")
        verbose_name_plural = _("entry files")

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]

    def clean(self):
        """A file given as a photo must be a picture (the yearbook and results show it)."""
        if self.kind == FileKind.PHOTO and self.file:
            try:
                validate_photo(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from None
            finally:
                if self.file._committed:  # a stored photo was opened to be read: close it
                    self.file.close()


class Judge(models.Model):
    """A judge on the panel of one field of a round."""

    round = models.ForeignKey(
        ContestRound, models.CASCADE, related_name="judges", verbose_name=_("round")
    )
    field = models.ForeignKey(
        ContestField, models.CASCADE, related_name="judges", verbose_name=_("field")
    )
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="judging", verbose_name=_("judge")
    )
    chair = models.BooleanField(_("chair of the panel"), default=False)

    class Meta:
        ordering = ["field", "-chair", "person__sort_key"]
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        constraints = [
            models.UniqueConstraint(fields=["field", "person"], name="judge_once_per_field")
        ]

    def __str__(self):
        return str(self.person)

    def clean(self):
        if self.field_id and self.round_id and self.field.round_id != self.round_id:
            raise ValidationError(_("The field belongs to another round."))


class Assignment(models.Model):
    """A judge's charge to score one entry at one stage."""

    entry = models.ForeignKey(
        Entry, models.CASCADE, related_name="assignments", verbose_name=_("entry")
    )
    judge = models.ForeignKey(
        Judge, models.CASCADE, related_name="assignments", verbose_name=_("judge")
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.PRELIMINARY
    )
    conflict = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_reason = models.CharField(_("conflict of interest"), max_length=300, blank=True)
    total = models.DecimalField(
        _("total points"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    scored_at = models.DateTimeField(_("scored at"), null=True, blank=True)

    class Meta:
        ordering = ["entry", "judge"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge", "stage"], name="assignment_once")
        ]
        indexes = [models.Index(fields=["judge", "stage"])]

    def __str__(self):
        return f"{self.judge} – {self.entry}"


class Score(models.Model):
    assignment = models.ForeignKey(
        Assignment, models.CASCADE, related_name="scores", verbose_name=_("assignment")
    )
    criterion = models.ForeignKey(
        Criterion, models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_once")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.points}"

    def clean(self):
        if self.points is not None and self.points > self.criterion.max_points:
            raise ValidationError(
                {"points": _("At most %(max)s points.") % {"max": self.criterion.max_points}}
            )
