"""State changes of plans, reported values and yearly returns: each logs who and when."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.transitions import step_moment
from lienhiep.directory.models import AccountScope, MemberCount

from . import queries, rules
from .enums import EDITABLE_STATES, PlanState, ReturnState
from .models import ReportedValue


class TransitionError(ValidationError):
    """A state change that the record's current state does not allow."""


@transaction.atomic
def approve_plan(*, plan, user, on=None):
    if not rules.can_approve_plan(user, plan):
        raise PermissionDenied(_("Only a union leader can approve a plan."))
    if plan.state != PlanState.DRAFT:
        raise TransitionError(_("This plan is already approved."))
    approved_at = step_moment(on)
    plan.state, plan.approved_by, plan.approved_at = PlanState.APPROVED, user, approved_at
    plan.save(update_fields=["state", "approved_by", "approved_at"])
    log(plan, "plans.plan.approved", user=user)
    return plan


@transaction.atomic
def report_value(*, indicator, organisation, year, value, source, user, breakdown=None, subject=""):
    """Record (or correct) a reported value; a value without a source is refused.

    ``subject`` names the record the value is about (``community.project:12``); the figure of an
    organisation sums its values over subjects.
    """
    key = {
        "indicator": indicator,
        "organisation": organisation,
        "year": year,
        "breakdown": breakdown or {},
        "subject": subject,
    }
    reported = ReportedValue.objects.filter(**key).first() or ReportedValue(**key)
    created = reported.pk is None
    reported.value, reported.source, reported.entered_by = value, source, user
    reported.full_clean()
    reported.save()
    log(
        reported,
        "wagtail.create" if created else "wagtail.edit",
        user=user,
        data={"value": str(value)},
    )
    return reported


@transaction.atomic
def report_values(*, kind, record, year, values, user):
    """Report a record's figures for a year, all of them or none (``kind``: a ``SubjectKind``).

    ``values`` holds ``(indicator, value, source)``; each is recorded and logged as by
    ``report_value``, in one transaction.
    """
    if not kind.may_report(user) or not kind.visible(user).filter(pk=record.pk).exists():
        raise PermissionDenied(_("You cannot report this record's figures."))
    if any(not indicator.code.startswith(kind.prefix) for indicator, _v, _s in values):
        raise ValidationError(_("This indicator is not reported for this record."))
    organisation, subject = kind.organisation(record), kind.key(record)
    return [
        report_value(
            indicator=indicator,
            organisation=organisation,
            year=year,
            value=value,
            source=source,
            user=user,
            subject=subject,
        )
        for indicator, value, source in values
    ]


@transaction.atomic
def submit_return(*, yearly_return, user, on=None):
    if not rules.can_edit_return(user, yearly_return):
        raise PermissionDenied(_("You cannot submit this return."))
    if yearly_return.state not in EDITABLE_STATES:
        raise TransitionError(_("Only a draft or a sent-back return can be submitted."))
    if yearly_return.members is None:
        raise ValidationError({"members": _("Give the number of members at the end of the year.")})
    sent_back = yearly_return.decided_at if yearly_return.state == ReturnState.RETURNED else None
    yearly_return.submitted_at = step_moment(on, after=sent_back)
    yearly_return.state = ReturnState.SUBMITTED
    yearly_return.submitted_by = user
    yearly_return.save(update_fields=["state", "submitted_at", "submitted_by"])
    log(yearly_return, "plans.return.submitted", user=user)
    return yearly_return


def _acceptance_problem(user, yearly_return):
    """Why ``user`` cannot accept the return now, as (error class, message), or None."""
    if not rules.can_decide_return(user, yearly_return):
        return PermissionDenied, _("You cannot accept this return.")
    if yearly_return.state != ReturnState.SUBMITTED:
        return TransitionError, _("Only a submitted return can be accepted.")
    return None


@transaction.atomic
def accept_return(*, yearly_return, user, on=None):
    """Accept a submitted return; its member count becomes that year's snapshot."""
    problem = _acceptance_problem(user, yearly_return)
    if problem is not None:
        error, message = problem
        raise error(message)
    return _accept(yearly_return, user, on)


@transaction.atomic
def accept_returns(*, returns, user):
    """Accept a selection of submitted returns, all or none: the refusal names every return
    that cannot be accepted. Returns how many were accepted."""
    returns = list(returns)
    problems = [(r, _acceptance_problem(user, r)) for r in returns]
    bad = [f"{r.organisation} ({r.year}): {problem[1]}" for r, problem in problems if problem]
    if bad:
        raise ValidationError(
            _("Nothing was accepted. These returns cannot be accepted: %(returns)s")
            % {"returns": " ".join(bad)}
        )
    for yearly_return in returns:
        _accept(yearly_return, user)
    return len(returns)


def _accept(yearly_return, user, on=None):
    yearly_return.decided_at = step_moment(on, after=yearly_return.submitted_at)
    yearly_return.state = ReturnState.ACCEPTED
    yearly_return.decided_by = user
    yearly_return.save(update_fields=["state", "decided_at", "decided_by"])
    MemberCount.objects.update_or_create(
        organisation=yearly_return.organisation,
        year=yearly_return.year,
        defaults={
            "members": yearly_return.members,
            "entered_by": user,
            "source": _("Yearly return %(year)s, accepted") % {"year": yearly_return.year},
        },
    )
    log(yearly_return, "plans.return.accepted", user=user)
    return yearly_return


@transaction.atomic
def send_back_return(*, yearly_return, user, reason, on=None):
    if not rules.can_decide_return(user, yearly_return):
        raise PermissionDenied(_("You cannot send back this return."))
    if yearly_return.state != ReturnState.SUBMITTED:
        raise TransitionError(_("Only a submitted return can be sent back."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the return is sent back.")})
    yearly_return.decided_at = step_moment(on, after=yearly_return.submitted_at)
    yearly_return.state, yearly_return.return_reason = ReturnState.RETURNED, reason.strip()
    yearly_return.decided_by = user
    yearly_return.save(update_fields=["state", "return_reason", "decided_at", "decided_by"])
    log(yearly_return, "plans.return.sent_back", user=user, data={"reason": reason})
    return yearly_return


def remind_missing(*, union, year, user):
    """E-mail the officers (or the address) of every member association that has not filed."""
    missing = queries.completeness(union, year).missing
    sent = 0
    for organisation in missing:
        officers = AccountScope.objects.filter(organisation=organisation, user__is_active=True)
        addresses = [s.user.email for s in officers.select_related("user") if s.user.email]
        addresses = addresses or ([organisation.email] if organisation.email else [])
        if not addresses:
            continue
        subject = _("Reminder: the %(year)s yearly return of %(organisation)s") % {
            "year": year,
            "organisation": organisation.name,
        }
        body = _(
            "Dear colleagues,\n\n%(union)s has not yet received the %(year)s yearly return of "
            "%(organisation)s. Please file it in lienhiep as soon as possible.\n\nThank you."
        ) % {"union": union.name, "year": year, "organisation": organisation.name}
        send_mail(subject, body, None, addresses)
        sent += 1
    log(union, "plans.return.reminded", user=user, data={"year": year, "sent": sent})
    return sent
