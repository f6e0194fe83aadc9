"""The installation's signing key and the senders whose year packages it trusts.

API tokens are Wagtail's own (``wagtail.models.APIToken``: only a digest is kept).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import SendingState


class SigningKey(models.Model):
    """The installation's Ed25519 key, made on first use (one row)."""

    private_key = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signing key")

    def __str__(self):
        return str(_("signing key"))


class TrustedSender(models.Model):
    """An installation whose year packages this one accepts, known by its public key."""

    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    public_key = models.CharField(_("public key"), max_length=100)
    name = models.CharField(_("name"), max_length=300)
    trusted_at = models.DateTimeField(_("trusted at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trusted sender")
        verbose_name_plural = _("trusted senders")

    def __str__(self):
        return f"{self.name} ({self.fingerprint[:16]})"


class SendingToken(models.Model):
    """Federation side: the token a provincial union's installation sends its year packages
    with. Only its digest is kept; it is bound to the union and to the sender's key (pinned
    when issued, or on the first package it brings)."""

    union = models.ForeignKey(
        "directory.Organisation",
        models.PROTECT,
        related_name="sending_tokens",
        verbose_name=_("union"),
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("begins with"), max_length=8, editable=False)
    fingerprint = models.CharField(_("sender's fingerprint"), max_length=64, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("sending token")
        verbose_name_plural = _("sending tokens")

    def __str__(self):
        return f"{self.union} ({self.prefix}…)"


class FederationLink(models.Model):
    """Union side: where the union's year packages go and the token they go with (sealed with
    the installation's secret, never shown back)."""

    union = models.OneToOneField(
        "directory.Organisation",
        models.CASCADE,
        related_name="federation_link",
        verbose_name=_("union"),
    )
    url = models.URLField(_("federation's address"), max_length=300)
    sealed_token = models.TextField(editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("connection to the federation")

    def __str__(self):
        return self.url


class Sending(models.Model):
    """Union side: one sending of a year package to the federation, and the federation's answer."""

    union = models.ForeignKey(
        "directory.Organisation", models.CASCADE, related_name="sendings", verbose_name=_("union")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=SendingState.choices, default=SendingState.QUEUED
    )
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    package_sha256 = models.CharField(_("package hash (SHA-256)"), max_length=64, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("sending to the federation")
        verbose_name_plural = _("sendings to the federation")

    def __str__(self):
        return f"{self.union} {self.year} ({self.get_state_display()})"
