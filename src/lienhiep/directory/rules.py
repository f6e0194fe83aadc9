"""Who sees which records of the registry: the only way views fetch them.

* superusers and federation staff see every organisation;
* union staff and union leaders see their union's subtree (its member organisations,
  units, club and partners);
* a member-organisation officer sees their own organisation and its subtree;
* judges, experts and editors see no registry records.

People are visible where their record is kept or where they hold a membership.

This is the one vocabulary every app uses to say who may do what:

* ``is_staff(user)`` — who changes a union's records: superusers, federation staff and union
  staff. A union leader reads, approves and signs, but is never staff;
* ``can_read(user)`` — who reads a union's work: staff and union leaders;
* ``scoped(queryset, field, user)`` — the records whose organisation (``field``) the user may see;
* ``require_staff(user, obj, visible)`` — refuse a change unless the user is staff and ``obj``
  is among the records ``visible`` to them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from . import roles
from .models import AccountScope, MemberCount, Membership, Organisation, Person, Term


def subtree_ids(root_id) -> set[int]:
    """The ids of ``root_id`` and every organisation below it (one query per level)."""
    found, level = {root_id}, {root_id}
    while level:
        level = set(Organisation.objects.filter(parent__in=level).values_list("pk", flat=True))
        level -= found
        found |= level
    return found


def sees_everything(user) -> bool:
    return user.is_active and (user.is_superuser or roles.has_role(user, roles.FEDERATION_STAFF))


def scope_organisation(user):
    scope = AccountScope.objects.filter(user=user).select_related("organisation").first()
    return scope.organisation if scope else None


def organisation_ids_for(user) -> set[int] | None:
    """Ids of the organisations ``user`` may see; ``None`` means all of them."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if sees_everything(user):
        return None
    if not any(
        roles.has_role(user, r) for r in (roles.UNION_STAFF, roles.UNION_LEADER, roles.OFFICER)
    ):
        return set()
    scope = AccountScope.objects.filter(user=user).values_list("organisation_id", flat=True).first()
    return subtree_ids(scope) if scope else set()


STAFF_ROLES = (roles.FEDERATION_STAFF, roles.UNION_STAFF)
READER_ROLES = (*STAFF_ROLES, roles.UNION_LEADER)


def has_any_role(user, wanted) -> bool:
    return user.is_authenticated and user.is_active and any(roles.has_role(user, r) for r in wanted)


def is_staff(user) -> bool:
    """Superusers, federation staff and union staff: who changes a union's records."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_any_role(user, STAFF_ROLES))
    )


def can_read(user) -> bool:
    """Staff and union leaders: who reads a union's work."""
    return is_staff(user) or has_any_role(user, READER_ROLES)


def is_leader(user) -> bool:
    return has_any_role(user, (roles.UNION_LEADER,)) and not is_staff(user)


def scoped(queryset, field, user):
    """The records of ``queryset`` whose organisation (``field``) ``user`` may see."""
    ids = organisation_ids_for(user)
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def require_staff(user, obj, visible, message=None):
    """Refuse unless ``user`` is staff and ``obj`` is among the records ``visible`` to them."""
    if not is_staff(user) or not visible.filter(pk=obj.pk).exists():
        raise PermissionDenied(message or _("You cannot change this record."))


def organisations_for(user):
    ids = organisation_ids_for(user)
    everything = Organisation.objects.all()
    return everything if ids is None else everything.filter(pk__in=ids)


def people_for(user):
    ids = organisation_ids_for(user)
    if ids is None:
        return Person.objects.all()
    members = Membership.objects.filter(organisation__in=ids).values("person")
    return Person.objects.filter(Q(home__in=ids) | Q(pk__in=members))


def _by_organisation(model, user):
    return scoped(model.objects.all(), "organisation", user)


def memberships_for(user):
    return _by_organisation(Membership, user)


def terms_for(user):
    return _by_organisation(Term, user)


def member_counts_for(user):
    return _by_organisation(MemberCount, user)


#: model → the function returning what a user may see of it; other apps add their models.
VISIBLE = {
    Organisation: organisations_for,
    Person: people_for,
    Membership: memberships_for,
    Term: terms_for,
    MemberCount: member_counts_for,
}


def objects_for(user, model):
    return VISIBLE[model](user)
