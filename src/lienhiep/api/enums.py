from django.db import models
from django.utils.translation import gettext_lazy as _


class SendingState(models.TextChoices):
    """What became of one sending of a year package to the federation."""

    QUEUED = "queued", _("Queued")
    ACCEPTED = "accepted", _("Accepted by the federation")
    REFUSED = "refused", _("Refused by the federation")
    FAILED = "failed", _("Not delivered")
