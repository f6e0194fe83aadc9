"""Who sees and changes plans, reported values and yearly returns.

Records belong to an organisation; a user sees those of the organisations ``directory.rules``
gives them. Plans are approved by union leaders (or federation staff); officers file their
own organisation's return and cannot change it once submitted and accepted.
"""

from lienhiep.directory import roles
from lienhiep.directory.rules import organisation_ids_for, sees_everything

from .enums import EDITABLE_STATES
from .models import AnnualPlan, ReportedValue, YearlyReturn


def _by_organisation(model, user):
    ids = organisation_ids_for(user)
    everything = model.objects.all()
    return everything if ids is None else everything.filter(organisation__in=ids)


def plans_for(user):
    return _by_organisation(AnnualPlan, user)


def values_for(user):
    return _by_organisation(ReportedValue, user)


def returns_for(user):
    return _by_organisation(YearlyReturn, user)


def can_approve_plan(user, plan):
    leader = sees_everything(user) or roles.has_role(user, roles.UNION_LEADER)
    return leader and plans_for(user).filter(pk=plan.pk).exists()


def is_officer(user):
    return roles.has_role(user, roles.OFFICER) and not sees_everything(user)


def can_edit_return(user, yearly_return):
    if not returns_for(user).filter(pk=yearly_return.pk).exists():
        return False
    return yearly_return.state in EDITABLE_STATES or not is_officer(user)


def can_decide_return(user, yearly_return):
    """Union staff and leaders (not the filing officer) accept or send back a return."""
    staff = (
        sees_everything(user)
        or roles.has_role(user, roles.UNION_STAFF)
        or roles.has_role(user, roles.UNION_LEADER)
    )
    return staff and returns_for(user).filter(pk=yearly_return.pk).exists()
