"""Who sees which records of the registry: the only way views fetch them.

* superusers and federation staff see every organisation;
* union staff and union leaders see their union's subtree (its member organisations,
  units, club and partners);
* a member-organisation officer sees their own organisation and its subtree;
* judges, experts and editors see no registry records.

People are visible where their record is kept or where they hold a membership.
"""

from django.db.models import Q

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
    ids = organisation_ids_for(user)
    everything = model.objects.all()
    return everything if ids is None else everything.filter(organisation__in=ids)


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
