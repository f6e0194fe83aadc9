"""Union side: the connection to the federation, entered once, and the sendings of year packages.

``send_year`` builds the package with the same builder as ``export_year`` and posts it to the
federation's ``/api/v1/packages/`` through ``FEDERATION_TRANSPORT`` (``post_over_http``, urllib,
in production; the tests put the test client there), then records what the federation answered.
"""

import hashlib
import json

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.directory.rules import may_send_to_federation, union_for

from . import keys
from .enums import SendingState
from .models import FederationLink, Sending
from .package.build import build

PATH = "/api/v1/packages/"
TIMEOUT = 60


def post_over_http(url, body, token):
    """POST ``body`` (JSON bytes) to ``url`` with the sending token: ``(status, answer text)``."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def transport():
    return import_string(
        getattr(settings, "FEDERATION_TRANSPORT", "lienhiep.api.sending.post_over_http")
    )


def union_of(user):
    """The union ``user`` sends for, or refusal."""
    if not may_send_to_federation(user):
        raise PermissionDenied(_("You cannot send your union's figures to the federation."))
    return union_for(user)


def link_of(union):
    return FederationLink.objects.filter(union=union).first()


def sendings_of(union):
    return Sending.objects.filter(union=union).select_related("requested_by__person")


@transaction.atomic
def connect_federation(*, user, url, token=""):
    """Keep the federation's address and the sending token it issued (kept sealed); an empty
    ``token`` keeps the one already kept."""
    union = union_of(user)
    link = link_of(union) or FederationLink(union=union)
    if token:
        link.sealed_token = keys.seal(token.strip())
    elif not link.sealed_token:
        raise ValidationError({"token": _("Enter the sending token the federation issued.")})
    link.url, link.changed_by = url.strip(), user
    link.save()
    log(union, "api.federation.connected", user=user, data={"url": link.url})
    return link


def queue_sending(*, user, year):
    """Record a sending of ``year`` and hand it to the worker (``tasks.send_year``)."""
    from .tasks import send_year as send_task

    union = union_of(user)
    if link_of(union) is None:
        raise ValidationError(_("Enter the federation's address and sending token first."))
    # recorded first, on its own: the worker (or, in the demo, this very request) posts to the
    # federation, which may be this installation writing to the same database
    sending = Sending.objects.create(union=union, year=year, requested_by=user)
    try:
        send_task.enqueue(sending.pk)
    except Exception as error:
        sending.state, sending.answer = SendingState.FAILED, str(error)[:2000]
        sending.save(update_fields=["state", "answer"])
        raise
    return sending


def _answer(text):
    try:
        return str(json.loads(text).get("detail", text))
    except (ValueError, AttributeError):
        return text


def deliver(*, sending):
    """Build the package of the sending's union and year, send it, record the answer."""
    link = link_of(sending.union)
    if link is None:
        raise ValidationError(_("Enter the federation's address and sending token first."))
    package = build(union=sending.union, year=sending.year)
    body = json.dumps(package, ensure_ascii=False).encode()
    sending.package_sha256 = hashlib.sha256(body).hexdigest()
    try:
        status, text = transport()(
            link.url.rstrip("/") + PATH, body, keys.unseal(link.sealed_token)
        )
    except OSError as error:
        sending.state, sending.answer = SendingState.FAILED, str(error)
    else:
        accepted = status == 200
        sending.state = SendingState.ACCEPTED if accepted else SendingState.REFUSED
        sending.status, sending.answer = status, _answer(text)[:2000]
    sending.sent_at = timezone.now()
    sending.save()
    log(
        sending.union,
        "api.package.sent",
        user=sending.requested_by,
        data={"year": sending.year, "state": sending.state, "sha256": sending.package_sha256},
    )
    return sending


def send_year(*, union, year, user=None):
    """Send ``union``'s ``year`` now (``manage.py send_year``): the recorded sending."""
    return deliver(sending=Sending.objects.create(union=union, year=year, requested_by=user))
