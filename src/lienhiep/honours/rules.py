"""Who sees rounds, nominations, votes and commendations."""

from django.db.models import Q

from lienhiep.directory import roles
from lienhiep.directory.models import Organisation
from lienhiep.directory.rules import organisation_ids_for

from .models import CommendationDecision, CouncilMember, HonourRound, Nomination


def _scoped(queryset, field, user):
    ids = organisation_ids_for(user)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


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
        return _scoped(Nomination.objects.all(), "nominating_unit", user)
    return _scoped(Nomination.objects.all(), "round__union", user)


def decisions_for(user):
    return _scoped(CommendationDecision.objects.all(), "union", user)


def seat_of(user, round):
    """The user's seat on the round's council, if any."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    return CouncilMember.objects.filter(round=round, person=person).first() if person else None


def is_staff(user):
    return user.is_superuser or any(
        roles.has_role(user, r) for r in (roles.FEDERATION_STAFF, roles.UNION_STAFF)
    )
