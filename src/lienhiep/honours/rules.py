"""Who sees rounds, nominations, votes and commendations.

Staff (``directory.rules.is_staff``) manage the rounds of the unions they may see; union leaders
read them and never change a round or a nomination; an officer nominates for its own
organisation; a council member votes in their round.
"""

from django.db.models import Q

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import is_staff, organisation_ids_for, scoped

from .models import CommendationDecision, CouncilMember, HonourRound, Nomination


def rounds_for(user):
    """Rounds of the unions a user works in or under (an officer sees its union's rounds)."""
    if not user.is_authenticated:
        return HonourRound.objects.none()
    ids = organisation_ids_for(user)
    if ids is None:
        return HonourRound.objects.all()
    parents = Organisation.objects.filter(pk__in=ids).values("parent")
    return HonourRound.objects.filter(Q(union__in=ids) | Q(union__in=parents))


def nominations_for(user):
    """Staff see the nominations of their union; an officer those of its own organisation."""
    if roles.has_role(user, roles.OFFICER) and not user.is_superuser:
        return scoped(Nomination.objects.all(), "nominating_unit", user)
    return scoped(Nomination.objects.all(), "round__union", user)


def dossiers_for(user):
    """The nominations whose dossier a user may open: those they see, and for a council member
    the eligible nominations of the rounds they sit on (they vote on them)."""
    if not user.is_authenticated:
        return Nomination.objects.none()
    seated = Nomination.objects.filter(round__council__person__account=user, eligible=True)
    return Nomination.objects.filter(
        Q(pk__in=nominations_for(user).values("pk")) | Q(pk__in=seated.values("pk"))
    )


def can_nominate(user, unit):
    """Staff for any organisation they may see, an officer for its own; never a leader."""
    if not (is_staff(user) or roles.has_role(user, roles.OFFICER)):
        return False
    ids = organisation_ids_for(user)
    return ids is None or unit.pk in ids


def decisions_for(user):
    return scoped(CommendationDecision.objects.all(), "union", user)


def seat_of(user, round):
    """The user's seat on the round's council, if any."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    return CouncilMember.objects.filter(round=round, person=person).first() if person else None
