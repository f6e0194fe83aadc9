from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsImportState(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


#: the states an import is still on its way in
RUNNING_STATES = (NewsImportState.QUEUED, NewsImportState.IMPORTING)
