"""Who sees and changes plans, reported values and yearly returns.

Records belong to an organisation; a user sees those ``directory.rules.scoped`` gives them.
Staff (``directory.rules.is_staff``) edit plans and returns; plans are approved by union
leaders (or federation staff); returns are accepted or sent back by staff or union leaders;
officers file their own organisation's return and cannot change it once submitted and accepted.
A leader never edits a plan or a return.
"""

from lienhiep.directory import roles
from lienhiep.directory.rules import can_read, is_leader, is_staff, scoped, sees_everything

from .enums import EDITABLE_STATES
from .models import AnnualPlan, ReportedValue, TermPlan, YearlyReturn


def plans_for(user):
    return scoped(AnnualPlan.objects.all(), "organisation", user)


def term_plans_for(user):
    return scoped(TermPlan.objects.all(), "term__organisation", user)


def values_for(user):
    return scoped(ReportedValue.objects.all(), "organisation", user)


def returns_for(user):
    return scoped(YearlyReturn.objects.all(), "organisation", user)


def can_approve_plan(user, plan):
    approver = sees_everything(user) or is_leader(user)
    return approver and plans_for(user).filter(pk=plan.pk).exists()


def is_officer(user):
    return roles.has_role(user, roles.OFFICER) and not sees_everything(user)


def can_edit_return(user, yearly_return):
    """Staff edit the returns they see; an officer its own, while a draft or sent back."""
    if not returns_for(user).filter(pk=yearly_return.pk).exists():
        return False
    if is_staff(user) and not is_officer(user):
        return True
    return is_officer(user) and yearly_return.state in EDITABLE_STATES


def can_decide_return(user, yearly_return):
    """Staff and union leaders (not the filing officer) accept or send back a return."""
    return can_read(user) and returns_for(user).filter(pk=yearly_return.pk).exists()
