"""Choices of the personal data records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NameRule(models.TextChoices):
    """How the public site shows the name of a person who did not consent to publishing."""

    INITIALS = "initials", _("initials only")
    HIDDEN = "hidden", _("not at all")


class RequestKind(models.TextChoices):
    """The data subject's rights (Luật 91/2025/QH15, Điều 4)."""

    KNOW = "know", _("to know")
    ACCESS = "access", _("access")
    CORRECT = "correct", _("correction")
    RESTRICT = "restrict", _("restriction of processing")
    OBJECT = "object", _("objection to processing")
    WITHDRAW = "withdraw", _("withdrawal of consent")
    ERASE = "erase", _("erasure")


class RequestState(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("answered")


class ConsentGiver(models.TextChoices):
    """Who gave the consent recorded with a person's data."""

    PERSON = "person", _("the person")
    REPRESENTATIVE = "representative", _("the legal representative")
    REPRESENTATIVE_AND_CHILD = "both", _("the legal representative and the child")
    PAPER = "paper", _("on paper")
