"""Personal data requests: recording one, answering it, erasing what may go, withdrawing consent
to publishing; and the retention rule that anonymises what has been kept long enough."""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.signals import public_content_changed
from lienhiep.core.sites import site_of
from lienhiep.core.transitions import step_day
from lienhiep.directory.rules import organisations_for, require_staff, union_for

from .deadlines import days_for
from .enums import RequestKind, RequestState
from .holders import HOLDERS, Outcome, records_of
from .models import DataRequest, PrivacySettings

logger = logging.getLogger(__name__)


def settings_of(union):
    site = site_of(union) if union is not None else None
    return PrivacySettings.for_site(site) if site is not None else PrivacySettings()


@transaction.atomic
def record_request(
    *, union, kind, name, received_on, user, birth_date=None, email="", phone="", details=""
):
    """Staff record a person's request; it is due within the days the settings give."""
    require_staff(user, union, organisations_for(user))
    request = DataRequest(
        union=union,
        kind=kind,
        name=name.strip(),
        birth_date=birth_date,
        email=email,
        phone=phone,
        details=details,
        received_on=step_day(received_on),
    )
    request.due_on = request.deadline(days_for(settings_of(union), kind))
    request.full_clean()
    request.save()
    log(request, "privacy.request.recorded", user=user)
    return request


def _require_open(request, user):
    require_staff(user, request.union, organisations_for(user))
    if request.state != RequestState.OPEN:
        raise ValidationError(_("This request was already answered."))


def _close(request, user, answer, outcome=()):
    request.state = RequestState.ANSWERED
    request.answer = answer.strip()
    request.outcome = [o.as_dict() for o in outcome]
    request.answered_on = timezone.localdate()
    request.answered_by = user
    request.save()


@transaction.atomic
def answer_request(*, request, answer, user):
    """Staff answer a request (to know, access, correct, restrict, object) and close it."""
    _require_open(request, user)
    if not answer.strip():
        raise ValidationError(_("Write the answer given to the person."))
    _close(request, user, answer)
    log(request, "privacy.request.answered", user=user)
    return request


@transaction.atomic
def erase_person(*, request, user):
    """Remove or anonymise every record of the request's person that no law requires to keep;
    keep the others and say which and why. Returns the outcomes."""
    _require_open(request, user)
    if request.kind != RequestKind.ERASE:
        raise ValidationError(_("Only an erasure request erases data."))
    outcome = [holder.erase(record, user) for holder, record in records_of(request)]
    kept = sum(o.done == "kept" for o in outcome)
    answer = _("%(done)s records removed or anonymised, %(kept)s kept as the law requires.") % {
        "done": len(outcome) - kept,
        "kept": kept,
    }
    _close(request, user, answer, outcome)
    log(request, "privacy.request.erased", user=user, data={"records": len(outcome)})
    _tell_public_site()
    return outcome


@transaction.atomic
def withdraw_publication(*, request, user):
    """The person withdraws the consent to publishing: every record found stops being shown at
    once (the public pages and their cache, certificates, the yearbook)."""
    _require_open(request, user)
    if request.kind != RequestKind.WITHDRAW:
        raise ValidationError(_("Only a request to withdraw consent withdraws it."))
    now = timezone.now()
    withdrawn = []
    for _holder, record in records_of(request):
        if getattr(record, "publish_consent", False) and record.publish_withdrawn_at is None:
            record.publish_withdrawn_at = now
            record.save(update_fields=["publish_withdrawn_at"])
            log(record, "privacy.consent.withdrawn", user=user)
            withdrawn.append(str(record))
    answer = _("Consent to publishing withdrawn for %(count)s records.") % {"count": len(withdrawn)}
    _close(request, user, answer)
    log(request, "privacy.request.withdrawn", user=user)
    _tell_public_site()
    return withdrawn


def _tell_public_site():
    transaction.on_commit(lambda: public_content_changed.send(sender=DataRequest))


@transaction.atomic
def apply_retention(*, today=None):
    """Anonymise every record whose retention period has passed (the rule of each holder) and
    delete answered requests kept longer than their period; returns what was done."""
    today = today or timezone.localdate()
    done = [holder.erase(record, None) for holder in HOLDERS for record in holder.expired(today)]
    done += _forget_old_requests(today)
    if done:
        log_retention(done)
        _tell_public_site()
    return done


def _forget_old_requests(today):
    done = []
    for request in DataRequest.objects.filter(state=RequestState.ANSWERED).select_related("union"):
        months = settings_of(request.union).request_retention_months
        if request.answered_on + timedelta(days=30 * months) < today:
            done.append(Outcome(str(request), "removed", _("The retention period has passed.")))
            request.delete()
    return done


def log_retention(done):
    logger.info("Retention: %s records anonymised or removed.", len(done))


@transaction.atomic
def export_person_data(*, request, user):
    """The access file of the request's person, naming ``user``; the export is logged and the
    request, if it asked for access, answered."""
    from lienhiep.core.exporters import exporter

    require_staff(user, request.union, organisations_for(user))
    rendered = exporter("privacy.person_data").render(request=request, by=user)
    log(request, "privacy.person.exported", user=user)
    if request.kind == RequestKind.ACCESS and request.state == RequestState.OPEN:
        _close(request, user, _("The file of every record held was given to the person."))
    return rendered


#: what staff did with personal data, and the processing log's action for it
PROCESSING_ACTIONS = {
    "viewed": "privacy.record.viewed",
    "downloaded": "privacy.file.downloaded",
    "exported": "privacy.data.exported",
}


def log_processing(*, record, user, action="viewed", data=None):
    """The one way the processing log hears that ``user`` viewed ``record``'s screen, downloaded
    a file it holds or exported a list of it (``record``: the union, for a list): who, what and
    when, read by the union's leader."""
    log(record, PROCESSING_ACTIONS[action], user=user, data=data or {})


def personal_models():
    """The models whose records hold personal data: those the holders register, and requests."""
    found = {DataRequest}
    for holder in HOLDERS:
        found |= set(holder.logged)
    return found


def processed(sender, *, record, user, action, data=None, **kwargs):
    """``core.signals.personal_data_processed``: a record's screen, file or list was opened."""
    if sender not in personal_models() or not getattr(user, "is_authenticated", False):
        return
    if record is None:  # a list: the processing log notes it under the user's union
        record = union_for(user)
        if record is None:
            return
    log_processing(record=record, user=user, action=action, data=data)
