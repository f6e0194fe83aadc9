"""Activities belong to their organiser: users see those of the organisations they may see.

Staff and officers record activities; union leaders only read them. Activity kinds shared by
every union are the federation's; a union's staff keep their own union's kinds.
"""

from django.db.models import Q

from lienhiep.directory import roles
from lienhiep.directory.rules import is_staff, scoped, sees_everything, union_for

from .models import Activity, ActivityKind


def activities_for(user):
    return scoped(Activity.objects.all(), "organiser", user)


def can_record(user):
    """Staff and member-organisation officers record activities; a leader never does."""
    return is_staff(user) or (user.is_active and roles.has_role(user, roles.OFFICER))


def kinds_for(user):
    """The kinds a user reads and records: the shared ones and their union's own."""
    if sees_everything(user):
        return ActivityKind.objects.all()
    union = union_for(user)
    own = Q(union=union) if union is not None else Q(pk__in=[])
    return ActivityKind.objects.filter(Q(union__isnull=True) | own)


def kinds_changed_by(user):
    """The kinds a user changes: every kind for the federation, their union's for union staff."""
    if not is_staff(user):
        return ActivityKind.objects.none()
    if sees_everything(user):
        return ActivityKind.objects.all()
    return scoped(ActivityKind.objects.filter(union__isnull=False), "union", user)
