from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityState(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("activity", "Planned")
    HELD = "held", pgettext_lazy("activity", "Held")
    CANCELLED = "cancelled", pgettext_lazy("activity", "Cancelled")


class AttachmentKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    MINUTES = "minutes", _("Minutes")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other document")


#: Slugs of the activity kinds the measures count (the kinds themselves are editable data).
WORKSHOP = "hoi-thao"
TRAINING = "tap-huan"
THEMATIC_SESSION = "sinh-hoat-chuyen-de"
CONFERENCE = "hoi-nghi"
SEMINAR = "toa-dam"
FEDERATION_EVENT = "su-kien-lhhvn"
CEREMONY = "le"
OTHER = "khac"

DEFAULT_KINDS = [
    (WORKSHOP, "Hội thảo khoa học"),
    (TRAINING, "Tập huấn"),
    (THEMATIC_SESSION, "Sinh hoạt chuyên đề"),
    (CONFERENCE, "Hội nghị, cuộc họp"),
    (SEMINAR, "Tọa đàm"),
    (FEDERATION_EVENT, "Sự kiện của Liên hiệp Hội Việt Nam"),
    (CEREMONY, "Lễ, mít tinh"),
    (OTHER, "Hoạt động khác"),
]
