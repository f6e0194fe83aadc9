"""Activities belong to their organiser: users see those of the organisations they may see.

Staff and officers record activities; union leaders only read them.
"""

from lienhiep.directory import roles
from lienhiep.directory.rules import is_staff, scoped

from .models import Activity


def activities_for(user):
    return scoped(Activity.objects.all(), "organiser", user)


def can_record(user):
    """Staff and member-organisation officers record activities; a leader never does."""
    return is_staff(user) or (user.is_active and roles.has_role(user, roles.OFFICER))
