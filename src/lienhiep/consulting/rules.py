"""Who sees which cases and opinions.

Staff (``directory.rules.is_staff``) change the cases of the unions they may see; union leaders
read them (``can_read``) and never change them; an expert sees only the cases they sit on, their
own opinion, and the others' opinions once the case has reached the meeting step.
"""

from django.db.models import Q

from lienhiep.directory import roles
from lienhiep.directory.rules import can_read, is_staff, scoped

from .enums import OPINION_STATES, SHARED_STATES
from .models import Case, ConsultingRecord, CouncilSeat, Opinion


def person_of(user):
    return getattr(user, "person", None) if user.is_authenticated else None


def cases_for(user):
    """Cases a user may read: staff and leaders by scope, experts the cases they sit on."""
    if can_read(user):
        return scoped(Case.objects.all(), "union", user)
    person = person_of(user)
    if person is None or not user.is_active or not roles.has_role(user, roles.EXPERT):
        return Case.objects.none()
    return Case.objects.filter(panel__person=person)


def opinions_for(user, case):
    """Opinions of ``case`` the user may read."""
    opinions = Opinion.objects.filter(case=case).select_related("expert")
    if can_read(user) and cases_for(user).filter(pk=case.pk).exists():
        return opinions
    person = person_of(user)
    if person is None or not case.panel.filter(person=person).exists():
        return Opinion.objects.none()
    if case.state in SHARED_STATES:
        return opinions
    return opinions.filter(Q(expert=person))


def can_give_opinion(user, case):
    person = person_of(user)
    return (
        person is not None
        and roles.has_role(user, roles.EXPERT)
        and case.panel.filter(person=person).exists()
        and case.state in OPINION_STATES
    )


def records_for(user):
    """The light consulting records of the unions a user may see."""
    return scoped(ConsultingRecord.objects.all(), "union", user)


def seats_for(user):
    return scoped(CouncilSeat.objects.all(), "union", user)


def can_import_records(user):
    return is_staff(user) and user.has_perm("consulting.add_consultingrecord")
