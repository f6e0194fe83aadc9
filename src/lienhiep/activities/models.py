"""Workshops, training courses, thematic sessions and the union's other activities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from lienhiep.core.formatting import fold
from lienhiep.core.private import private_storage
from lienhiep.core.sections import BoundToSection
from lienhiep.core.validators import validate_attachment
from lienhiep.directory.models import Organisation, Person

from .enums import ActivityState, AttachmentKind


class ActivityKind(BoundToSection):
    """A kind of activity; one staff define gets its own figure (``measures.py``) at once.

    A kind without a union is shared by every union (the federation's staff keep those); a union's
    staff keep the kinds of their own union, which only that union uses.
    """

    union = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="activity_kinds",
        verbose_name=_("union"),
        help_text=_("The union that uses this kind; blank: every union (federation staff only)."),
    )
    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        default="hoạt động",
        help_text=_("Written after the count of held activities of this kind, e.g. hội nghị."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")

    def __str__(self):
        return self.name


class Activity(ClusterableModel):
    kind = models.ForeignKey(
        ActivityKind, models.PROTECT, related_name="activities", verbose_name=_("kind")
    )
    title = models.CharField(_("title"), max_length=300)
    topic = models.TextField(_("topic"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    organiser = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="organised_activities",
        verbose_name=_("organiser"),
    )
    co_organisers = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="co_organised_activities",
        verbose_name=_("co-organisers"),
    )
    participants_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    participants = ParentalManyToManyField(
        Person,
        blank=True,
        related_name="activities",
        verbose_name=_("participants from the registry"),
    )
    speakers = models.TextField(_("speakers"), blank=True)
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ActivityState.choices, default=ActivityState.PLANNED
    )
    news_article = models.ForeignKey(
        "website.NewsArticlePage",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("news article"),
        help_text=_("The article about the activity."),
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["kind", "state", "start_date"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.news_article_id and self.state != ActivityState.HELD:
            raise ValidationError(
                {"news_article": _("Only a held activity has a news article about it.")}
            )

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.topic} {self.place}")
        super().save(*args, **kwargs)


class ActivityAttachment(models.Model):
    activity = ParentalKey(
        Activity, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("activity")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(
        _("file"),
        upload_to="activities/%Y/",
        validators=[validate_attachment],
        storage=private_storage,
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.file.name
