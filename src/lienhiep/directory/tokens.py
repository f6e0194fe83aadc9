"""A login's own API tokens (Wagtail's ``APIToken``: only a digest is kept).

Every login makes and revokes its own tokens; a token reads and writes exactly what its login
may on screens, because the API asks the same rules. The token itself is shown once.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import APIToken


def tokens_for(user):
    return APIToken.objects.filter(user=user).order_by("-created")


@transaction.atomic
def create_token(*, user, name):
    """A new token of ``user``'s own: ``(token, the text shown once)``."""
    if not (user.is_authenticated and user.is_active):
        raise PermissionDenied
    if not (name or "").strip():
        raise ValidationError({"name": _("Name the token, e.g. the script that uses it.")})
    token, plain = APIToken.create_token(user=user, name=name.strip())
    log(token, "directory.token.created", user=user)
    return token, plain


@transaction.atomic
def revoke_token(*, user, token):
    if token.user_id != user.pk:
        raise PermissionDenied(_("You can revoke only your own tokens."))
    if token.revoked_at is not None:
        raise ValidationError(_("This token is already revoked."))
    token.revoke()
    log(token, "directory.token.revoked", user=user)
    return token
