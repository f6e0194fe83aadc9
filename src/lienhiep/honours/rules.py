"""Who sees rounds, nominations, votes and commendations."""

from lienhiep.directory import roles
from lienhiep.directory.rules import organisation_ids_for

from .models import CommendationDecision, CouncilMember, HonourRound, Nomination


def _scoped(queryset, field, user):
    ids = organisation_ids_for(user)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def rounds_for(user):
    return (
        _scoped(HonourRound.objects.all(), "union", user)
        if user.is_authenticated
        else HonourRound.objects.none()
    )


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
