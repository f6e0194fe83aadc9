"""The steps of a case: each checks the state, dates the step and logs who did it."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.transitions import advance, following, step_day
from lienhiep.directory import register
from lienhiep.directory.rules import require_staff
from lienhiep.directory.seating import require_login

from . import rules
from .enums import OPEN_STATES, STEP_DAYS, STEPS, CaseState
from .models import Case, CaseStep, Opinion, PanelMember


def _require_staff(user, case):
    require_staff(user, case, rules.cases_for(user), _("You cannot change this case."))


def _date_step(case, state, user, day):
    """The step's row says when it was done and by whom (created if it had no due date)."""
    step, created = CaseStep.objects.get_or_create(
        case=case, step=state, defaults={"due_on": day, "done_on": day, "done_by": user}
    )
    if not created:
        step.done_on, step.done_by = day, user
        step.save(update_fields=["done_on", "done_by"])


def _last_done(case, state):
    """The date of the latest step of ``case`` done before ``state``."""
    done = case.steps.exclude(step=state).filter(done_on__isnull=False)
    return done.aggregate(last=Max("done_on"))["last"]


@transaction.atomic
def _step(case, state, user, on=None, allowed=None, **fields):
    """Take the case to the next step and date that step (in order, never ahead), atomically."""
    day = step_day(on, after=_last_done(case, state))
    allowed = allowed or following(STEPS, state)
    advance(
        case, state, allowed_from=allowed, user=user, action=f"consulting.case.{state}", **fields
    )
    _date_step(case, state, user, day)
    return case


@transaction.atomic
def open_case(*, user, **fields):
    """Receive a request: the case and the due dates of its steps."""
    case = Case(**fields)
    case.full_clean()
    case.save()
    for step in STEPS[1:-1]:
        days = STEP_DAYS.get(step)
        due = case.request_date + timedelta(days=days) if days else case.deadline
        CaseStep.objects.create(case=case, step=step, due_on=min(due, case.deadline))
    CaseStep.objects.create(
        case=case,
        step=CaseState.RECEIVED,
        due_on=case.request_date,
        done_on=case.request_date,
        done_by=user,
    )
    log(case, "wagtail.create", user=user)
    return case


@transaction.atomic
def add_panel_member(*, case, person, role, user, conflict_reason=""):
    """Put an expert on the panel; an expert working for the requesting body needs a reason."""
    _require_staff(user, case)
    if case.state not in OPEN_STATES:
        raise ValidationError(_("The panel of a closed case cannot change."))
    require_login(person, _("%(name)s has no login; an expert needs one to give an opinion."))
    member = PanelMember(
        case=case, person=person, role=role, conflict_reason=conflict_reason.strip()
    )
    if member.has_conflict and not member.conflict_reason:
        raise ValidationError(
            {
                "conflict_reason": _(
                    "%(person)s works for %(body)s, which requested this case: record why they stay on the panel."
                )
                % {"person": person.full_name, "body": case.requester.name}
            }
        )
    member.save()
    log(case, "consulting.panel.added", user=user, data={"person": person.full_name, "role": role})
    return member


def form_panel(*, case, user, on=None):
    _require_staff(user, case)
    if not case.panel.exists():
        raise ValidationError(_("Add at least one expert to the panel first."))
    return _step(case, CaseState.PANEL_FORMED, user, on)


@transaction.atomic
def submit_opinion(*, case, user, text, file=None):
    if not rules.can_give_opinion(user, case):
        raise PermissionDenied(_("You cannot give an opinion on this case now."))
    if not (text or "").strip():
        raise ValidationError({"text": _("Write your opinion.")})
    opinion, _created = Opinion.objects.update_or_create(
        case=case,
        expert=user.person,
        defaults={"text": text.strip(), **({"file": file} if file else {})},
    )
    log(case, "consulting.opinion.submitted", user=user)
    return opinion


def collect_opinions(*, case, user, on=None):
    _require_staff(user, case)
    return _step(case, CaseState.OPINIONS_COLLECTED, user, on)


def hold_meeting(*, case, user, on=None):
    _require_staff(user, case)
    day = step_day(on)
    return _step(case, CaseState.MEETING_HELD, user, day, meeting_date=day)


def draft_report(*, case, user, on=None):
    _require_staff(user, case)
    return _step(case, CaseState.REPORT_DRAFTED, user, on)


@transaction.atomic
def send_report(*, case, user, sent_to, number="", on=None, file=None):
    """Send the critique report: it takes the next number of the union's register of outgoing
    documents (or ``number``, "12/BC-LHH", for a report sent before it was recorded here); a
    refused step leaves no line in the register."""
    _require_staff(user, case)
    day = step_day(on)
    if not sent_to.strip():
        raise ValidationError(_("Say to whom the report was sent."))
    document = register.register_document(
        organisation=case.union,
        day=day,
        kind=register.REPORT,
        subject=_("Critique report: %(scheme)s") % {"scheme": case.title},
        user=user,
        number=number.strip(),
    )
    fields = {"report_document": document, "report_date": day, "sent_to": sent_to.strip()}
    if file:
        fields["report_file"] = file
    return _step(case, CaseState.REPORT_SENT, user, day, **fields)


def close_case(*, case, user, on=None):
    _require_staff(user, case)
    return _step(case, CaseState.CLOSED, user, on)


def withdraw_case(*, case, user, on=None):
    _require_staff(user, case)
    return _step(case, CaseState.WITHDRAWN, user, on, allowed=OPEN_STATES)


def overdue_steps(cases, today):
    """Steps not reached by their due date, of open cases."""
    return (
        CaseStep.objects.filter(
            case__in=cases, case__state__in=OPEN_STATES, done_on__isnull=True, due_on__lt=today
        )
        .select_related("case")
        .order_by("due_on")
    )
