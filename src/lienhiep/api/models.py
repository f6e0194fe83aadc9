"""The installation's signing key and the senders whose year packages it trusts.

API tokens are Wagtail's own (``wagtail.models.APIToken``: only a digest is kept).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
