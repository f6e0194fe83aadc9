"""Who sees contests, rounds, entries and scores.

Staff of a union see its contests and everything in them. A judge sees only the entries assigned
to them and only their own scores; the public sees a round's call while it is open and its
results once they are published.
"""

from lienhiep.directory import roles
from lienhiep.directory.rules import organisation_ids_for

from .models import Assignment, Contest, ContestRound, Entry


def is_staff(user):
    return user.is_authenticated and (
        user.is_superuser
        or any(roles.has_role(user, r) for r in (roles.FEDERATION_STAFF, roles.UNION_STAFF))
    )


def can_read(user):
    return is_staff(user) or (user.is_authenticated and roles.has_role(user, roles.UNION_LEADER))


def _scoped(queryset, field, user):
    if not can_read(user):
        return queryset.none()
    ids = organisation_ids_for(user)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def contests_for(user):
    return _scoped(Contest.objects.all(), "union", user)


def rounds_for(user):
    return _scoped(ContestRound.objects.select_related("contest"), "contest__union", user)


def entries_for(user):
    entries = Entry.objects.select_related("round__contest", "field")  # lists name both
    return _scoped(entries, "round__contest__union", user)


def assignments_for(user):
    """A judge's own assignments (a conflict declared stays visible to them, unscored)."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    return Assignment.objects.filter(judge__person__account=user).select_related(
        "entry", "entry__round", "entry__round__contest", "entry__field", "judge"
    )
