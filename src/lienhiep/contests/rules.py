"""Who sees contests, rounds, entries and scores.

Staff and leaders of a union see its contests and everything in them (``directory.rules``
says who is staff and who reads); only staff change them. A judge sees only the entries
assigned to them and only their own scores; the public sees a round's call while it is open
and its results once they are published.
"""

from lienhiep.directory.rules import can_read, scoped

from .models import Assignment, Contest, ContestRound, Entry


def _readable(queryset, field, user):
    return scoped(queryset, field, user) if can_read(user) else queryset.none()


def contests_for(user):
    return _readable(Contest.objects.all(), "union", user)


def rounds_for(user):
    return _readable(ContestRound.objects.select_related("contest"), "contest__union", user)


def entries_for(user):
    entries = Entry.objects.select_related("round__contest", "field")  # lists name both
    return _readable(entries, "round__contest__union", user)


def assignments_for(user):
    """A judge's own assignments (a conflict declared stays visible to them, unscored)."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    return Assignment.objects.filter(judge__person__account=user).select_related(
        "entry", "entry__round", "entry__round__contest", "entry__field", "judge"
    )
