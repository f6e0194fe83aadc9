"""The privacy notice and its versions, the site's privacy settings, and data subjects' requests."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from lienhiep.core.private import private_storage
from lienhiep.directory.models import Organisation

from .deadlines import DEFAULT_DAYS, HELP
from .enums import ConsentGiver, NameRule, RequestKind, RequestState


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    notice = models.TextField(
        _("privacy notice"),
        blank=True,
        help_text=_(
            "The union as controller, the purposes of each kind of record, what is published, "
            "how long it is kept, the person's rights and how to ask. Paragraphs are separated "
            "by an empty line. Each change is kept as a new version."
        ),
    )
    unconsented_names = models.CharField(
        _("names of winners who did not consent to publishing"),
        max_length=20,
        choices=NameRule.choices,
        default=NameRule.INITIALS,
    )
    know_days = models.PositiveSmallIntegerField(
        _("days to answer a request to know"),
        default=DEFAULT_DAYS[RequestKind.KNOW],
        help_text=HELP,
    )
    access_days = models.PositiveSmallIntegerField(
        _("days to answer an access request"),
        default=DEFAULT_DAYS[RequestKind.ACCESS],
        help_text=HELP,
    )
    correct_days = models.PositiveSmallIntegerField(
        _("days to correct data"), default=DEFAULT_DAYS[RequestKind.CORRECT], help_text=HELP
    )
    restrict_days = models.PositiveSmallIntegerField(
        _("days to restrict processing"),
        default=DEFAULT_DAYS[RequestKind.RESTRICT],
        help_text=HELP,
    )
    object_days = models.PositiveSmallIntegerField(
        _("days to answer an objection to processing"),
        default=DEFAULT_DAYS[RequestKind.OBJECT],
        help_text=HELP,
    )
    withdraw_days = models.PositiveSmallIntegerField(
        _("days to carry out a withdrawal of consent"),
        default=DEFAULT_DAYS[RequestKind.WITHDRAW],
        help_text=HELP,
    )
    erase_days = models.PositiveSmallIntegerField(
        _("days to erase data"), default=DEFAULT_DAYS[RequestKind.ERASE], help_text=HELP
    )
    appeal_days = models.PositiveSmallIntegerField(
        _("appeal period after a round closes (days)"), default=30
    )
    entry_retention_months = models.PositiveSmallIntegerField(
        _("keep the authors of entries without a prize (months after the appeal period)"),
        default=12,
    )
    request_retention_months = models.PositiveSmallIntegerField(
        _("keep answered requests (months)"), default=36
    )

    panels = [
        FieldPanel("notice"),
        FieldPanel("unconsented_names"),
        MultiFieldPanel(
            [
                FieldPanel("know_days"),
                FieldPanel("access_days"),
                FieldPanel("correct_days"),
                FieldPanel("restrict_days"),
                FieldPanel("object_days"),
                FieldPanel("withdraw_days"),
                FieldPanel("erase_days"),
                FieldPanel("appeal_days"),
                FieldPanel("entry_retention_months"),
                FieldPanel("request_retention_months"),
            ],
            heading=_("Time limits and retention"),
        ),
    ]

    class Meta:
        verbose_name = _("personal data settings")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        latest = NoticeVersion.objects.filter(site=self.site).first()
        if self.notice.strip() and (latest is None or latest.text != self.notice):
            NoticeVersion.objects.create(
                site=self.site, number=(latest.number + 1 if latest else 1), text=self.notice
            )


class NoticeVersion(models.Model):
    """One wording of a site's privacy notice; consent records point at the one they were given
    under. Never edited: a change of the notice is a new version."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["site", "-number"]
        verbose_name = _("privacy notice version")
        verbose_name_plural = _("privacy notice versions")
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="notice_version_once")
        ]

    def __str__(self):
        return _("version %(number)s") % {"number": self.number}


class DataRequest(models.Model):
    """A person's request about their personal data, received by a union, and its answer."""

    union = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("union")
    )
    kind = models.CharField(_("request"), max_length=20, choices=RequestKind.choices)
    name = models.CharField(_("person's full name"), max_length=200)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    details = models.TextField(_("what is asked"), blank=True)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer due on"), editable=False)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=RequestState.choices,
        default=RequestState.OPEN,
        editable=False,
    )
    answer = models.TextField(_("answer"), blank=True, editable=False)
    outcome = models.JSONField(_("what was done"), default=list, blank=True, editable=False)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["state", "due_on", "pk"]
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.name}"

    def deadline(self, days):
        return self.received_on + timedelta(days=days)

    def is_overdue(self, today=None):
        """Still open after the day it was due."""
        return self.state == RequestState.OPEN and self.due_on < (today or timezone.localdate())


def paper_consent_path(instance, filename):
    return f"consent/{instance._meta.model_name}/{filename}"


class ConsentRecord(models.Model):
    """The consent a record of a person was kept and published under (an abstract base)."""

    consent_notice = models.ForeignKey(
        NoticeVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("privacy notice version"),
    )
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_by = models.CharField(
        _("consent given by"), max_length=20, choices=ConsentGiver.choices, blank=True
    )
    publish_consent = models.BooleanField(
        _("consents to publishing name, photo and school"), default=False
    )
    publish_withdrawn_at = models.DateTimeField(
        _("consent to publishing withdrawn at"), null=True, blank=True
    )
    representative_name = models.CharField(_("legal representative"), max_length=200, blank=True)
    representative_relation = models.CharField(
        _("relation to the author"), max_length=100, blank=True
    )
    representative_contact = models.CharField(
        _("representative's phone or e-mail"), max_length=200, blank=True
    )
    paper_consent_on = models.DateField(_("consent form signed on"), null=True, blank=True)
    paper_consent_form = models.FileField(
        _("scanned consent form"),
        upload_to=paper_consent_path,
        storage=private_storage,
        max_length=300,
        blank=True,
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def may_publish(self):
        return self.publish_consent and self.publish_withdrawn_at is None
