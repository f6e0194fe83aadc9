"""Honouring rounds for outstanding intellectuals, and the register of commendations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from lienhiep.core.formatting import roman
from lienhiep.core.private import private_storage
from lienhiep.core.validators import validate_attachment
from lienhiep.directory.models import Organisation, OutgoingDocument, Person

from .enums import CommendationForm, IssuerKind, RecipientKind, RoundState, Threshold


class HonourRound(models.Model):
    union = models.ForeignKey(
        Organisation, models.PROTECT, related_name="honour_rounds", verbose_name=_("union")
    )
    number = models.PositiveSmallIntegerField(_("round number"))
    year = models.PositiveSmallIntegerField(_("year"))
    regulation = models.CharField(_("regulation"), max_length=300, blank=True)
    criteria = models.TextField(_("criteria"), blank=True)
    quota_per_unit = models.PositiveSmallIntegerField(
        _("nominations allowed per nominating unit"), default=2
    )
    threshold = models.CharField(
        _("pass threshold"),
        max_length=20,
        choices=Threshold.choices,
        default=Threshold.MORE_THAN_HALF,
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("nominations close on"))
    council_on = models.DateField(_("council meets on"), null=True, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=RoundState.choices,
        default=RoundState.OPEN,
        editable=False,
    )
    reviewed_on = models.DateField(_("review closed on"), null=True, blank=True, editable=False)
    voted_on = models.DateField(_("voting closed on"), null=True, blank=True, editable=False)
    proposal_document = models.OneToOneField(
        OutgoingDocument,
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="honour_round",
        verbose_name=_("proposal number"),
    )
    proposal_date = models.DateField(_("proposal date"), null=True, blank=True, editable=False)
    decision_number = models.CharField(
        _("decision number"), max_length=60, blank=True, editable=False
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True, editable=False)
    ceremony = models.ForeignKey(
        "activities.Activity",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ceremony"),
    )

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("honouring round")
        verbose_name_plural = _("honouring rounds")
        constraints = [
            models.UniqueConstraint(fields=["union", "number"], name="honour_round_unique")
        ]

    def __str__(self):
        return _("Outstanding intellectuals, round %(number)s, %(year)s") % {
            "number": roman(self.number),
            "year": self.year,
        }

    @property
    def proposal_number(self):
        """The proposal's number in the union's register, "12/TTr-LHH" ("" before it is sent)."""
        return str(self.proposal_document) if self.proposal_document_id else ""


class CouncilMember(models.Model):
    round = models.ForeignKey(
        HonourRound, models.CASCADE, related_name="council", verbose_name=_("round")
    )
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="councils", verbose_name=_("council member")
    )
    chair = models.BooleanField(_("chair of the council"), default=False)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="council_member_unique")
        ]

    def __str__(self):
        return str(self.person)


class Nomination(models.Model):
    round = models.ForeignKey(
        HonourRound, models.CASCADE, related_name="nominations", verbose_name=_("round")
    )
    nominee = models.ForeignKey(
        Person, models.PROTECT, related_name="nominations", verbose_name=_("nominee")
    )
    nominating_unit = models.ForeignKey(
        Organisation, models.PROTECT, related_name="nominations", verbose_name=_("nominating unit")
    )
    letter = models.FileField(
        _("nomination letter"),
        upload_to="honours/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
    )
    achievements = models.FileField(
        _("achievement report"),
        upload_to="honours/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
    )
    evidence = models.FileField(
        _("evidence"),
        upload_to="honours/%Y/",
        blank=True,
        validators=[validate_attachment],
        storage=private_storage,
    )
    summary = models.TextField(_("summary of achievements"), blank=True)
    eligible = models.BooleanField(_("eligible"), null=True, editable=False)
    eligibility_reason = models.CharField(_("reason"), max_length=300, blank=True, editable=False)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True, editable=False)
    honoured = models.BooleanField(_("honoured"), default=False, editable=False)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("nominated by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["round", "nominee__sort_key"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(fields=["round", "nominee"], name="nomination_unique")
        ]

    def __str__(self):
        return f"{self.nominee} – {self.nominating_unit}"

    @property
    def dossier(self):
        """The dossier's files as ``(label, file)``, those given only (served privately)."""
        names = ("letter", "achievements", "evidence")
        return [
            (self._meta.get_field(n).verbose_name, getattr(self, n))
            for n in names
            if getattr(self, n)
        ]

    @property
    def dossier_complete(self):
        return bool(self.letter and self.achievements and self.evidence)


class Vote(models.Model):
    nomination = models.ForeignKey(
        Nomination, models.CASCADE, related_name="votes", verbose_name=_("nomination")
    )
    member = models.ForeignKey(
        CouncilMember, models.CASCADE, related_name="votes", verbose_name=_("council member")
    )
    agree = models.BooleanField(_("agree"))
    cast_at = models.DateTimeField(_("cast at"), auto_now_add=True)
    cast_on = models.DateField(_("voted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["nomination", "member"], name="vote_once")]

    def __str__(self):
        return f"{self.member} – {self.nomination}"

    def clean(self):
        if self.member.round_id != self.nomination.round_id:
            raise ValidationError(_("A council member votes only in their own round."))


class CommendationDecision(ClusterableModel):
    """A decision of commendation; it often lists dozens of recipients."""

    union = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="commendation_decisions",
        verbose_name=_("union"),
        help_text=_("The union whose register holds the decision."),
    )
    issuer_kind = models.CharField(_("issuer"), max_length=30, choices=IssuerKind.choices)
    issuer = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issuing body"),
    )
    form = models.CharField(_("form"), max_length=30, choices=CommendationForm.choices)
    number = models.CharField(_("decision number"), max_length=60)
    date = models.DateField(_("decision date"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-date", "number"]
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")

    def __str__(self):
        return f"{self.number} ({self.get_form_display()})"

    @property
    def year(self):
        return self.date.year


class Commendation(models.Model):
    decision = ParentalKey(
        CommendationDecision,
        on_delete=models.CASCADE,
        related_name="recipients",
        verbose_name=_("decision"),
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("collective"),
    )
    person = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("individual"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")

    def __str__(self):
        return f"{self.recipient} – {self.decision}"

    @property
    def recipient(self):
        return self.organisation or self.person

    @property
    def kind(self):
        return RecipientKind.COLLECTIVE if self.organisation_id else RecipientKind.INDIVIDUAL

    def clean(self):
        if bool(self.organisation_id) == bool(self.person_id):
            raise ValidationError(_("A commendation goes to one collective or one individual."))
