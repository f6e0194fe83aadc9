from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Method(models.TextChoices):
    COMPUTED = "computed", _("Computed from records")
    REPORTED = "reported", _("Reported with a source")


class PlanState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("state", "Draft")
    APPROVED = "approved", pgettext_lazy("state", "Approved")


class ItemKind(models.TextChoices):
    TASK = "task", _("Task")
    SOLUTION = "solution", _("Solution")


class ReturnState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("state", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("state", "Accepted")
    RETURNED = "returned", pgettext_lazy("state", "Sent back")


#: A return counts as received once submitted, and stays counted once accepted.
RECEIVED_STATES = (ReturnState.SUBMITTED, ReturnState.ACCEPTED)
#: The officer may edit a return only in these states.
EDITABLE_STATES = (ReturnState.DRAFT, ReturnState.RETURNED)


class Standing(models.TextChoices):
    """Where an actual stands against its target."""

    BELOW = "below", _("Below target")
    AT = "at", _("At target")
    ABOVE = "above", _("Above target")


#: The ``subject`` of a value loaded from a signed year package: the union's whole figure for the
#: year, computed on the sender's installation. It stands in for the figure, whatever the method.
PACKAGE_SUBJECT = "federation.package"
