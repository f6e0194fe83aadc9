"""Federation side: the sending tokens it issues to provincial unions, and the year packages
they bring (``POST /api/v1/packages/``).

A sending token is bound to one union and to the key the union's installation signs with: the
fingerprint pasted when the token is issued, or else the key of the first package it brings
(trusted on first use through the token). The package is verified and loaded by the same code
as ``import_year`` (``package.load``).
"""

import hashlib
import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.rules import may_issue_sending_tokens, organisations_for

from .models import SendingToken
from .package.load import SenderRefused, load

FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


def digest(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


def tokens_for(user):
    """The sending tokens ``user`` may see: every one for the federation's staff, else none."""
    if not may_issue_sending_tokens(user):
        return SendingToken.objects.none()
    return SendingToken.objects.select_related("union").order_by("-issued_at", "-pk")


def unions_for(user):
    """The provincial unions ``user`` may issue a sending token to."""
    if not may_issue_sending_tokens(user):
        return organisations_for(user).none()
    return organisations_for(user).filter(kind=OrganisationKind.UNION).order_by("sort_key")


def _clean_fingerprint(text):
    text = (text or "").strip().lower().replace(":", "").replace(" ", "")
    if text and not FINGERPRINT.match(text):
        raise ValidationError(
            {
                "fingerprint": _(
                    "A fingerprint is 64 hexadecimal characters (manage.py federation_key)."
                )
            }
        )
    return text


@transaction.atomic
def issue_sending_token(*, user, union, fingerprint=""):
    """A new sending token for ``union``: ``(token, the text shown once)``."""
    if not unions_for(user).filter(pk=union.pk).exists():
        raise PermissionDenied(_("You cannot issue sending tokens for this union."))
    plain = secrets.token_urlsafe(32)
    token = SendingToken.objects.create(
        union=union,
        digest=digest(plain),
        prefix=plain[:8],
        fingerprint=_clean_fingerprint(fingerprint),
        issued_by=user,
    )
    log(token, "api.sending_token.issued", user=user, data={"union": union.slug})
    return token, plain


@transaction.atomic
def revoke_sending_token(*, user, token):
    if not tokens_for(user).filter(pk=token.pk).exists():
        raise PermissionDenied(_("You cannot revoke this sending token."))
    if token.revoked_at is not None:
        raise ValidationError(_("This sending token is already revoked."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    log(token, "api.sending_token.revoked", user=user, data={"union": token.union.slug})
    return token


def token_for(plain):
    """The live sending token whose text is ``plain``, or ``None``."""
    if not plain:
        return None
    found = SendingToken.objects.filter(digest=digest(plain), revoked_at__isnull=True)
    return found.select_related("union").first()


def _acceptance(token):
    def accept(package, print_):
        if package["union"]["slug"] != token.union.slug:
            raise SenderRefused(
                _(
                    "This sending token is for %(union)s; the package is of another union "
                    "(%(other)s)."
                )
                % {"union": token.union.name, "other": package["union"]["name"]}
            )
        if token.fingerprint and token.fingerprint != print_:
            raise SenderRefused(
                _(
                    "The package is signed with key %(fingerprint)s, not the key this sending "
                    "token accepts (%(expected)s)."
                )
                % {"fingerprint": print_, "expected": token.fingerprint}
            )

    return accept


@transaction.atomic
def receive_package(*, token, package):
    """Verify and load a package a union's installation sent with ``token``; idempotent.

    Returns ``(union, fingerprint)``; refuses with ``PackageRefused`` (``SenderRefused`` for
    another union or another key).
    """
    union, print_, _new = load(package=package, trust=True, accept=_acceptance(token))
    token.fingerprint = token.fingerprint or print_
    token.last_used_at = timezone.now()
    token.save(update_fields=["fingerprint", "last_used_at"])
    log(token, "api.package.received", data={"union": union.slug, "year": package["year"]})
    return union, print_
