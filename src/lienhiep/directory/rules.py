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
  is among the records ``visible`` to them;
* ``may_issue_sending_tokens(user)``, ``may_send_to_federation(user)`` — the two ends of a year
  package sent over the API: the federation issues tokens, a union sends with one.
"""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from lienhiep.core import generation
from lienhiep.core.memo import Kept, reading, remembered

from . import roles
from .enums import OrganisationKind
from .models import AccountScope, MemberCount, Membership, Organisation, Person, Term
from .setup import default_union

SUBTREE = """
    WITH RECURSIVE tree(id) AS (
        SELECT id FROM {table} WHERE id = %s
        UNION SELECT o.id FROM {table} o JOIN tree ON o.parent_id = tree.id
    ) SELECT id FROM tree
"""


def _subtree(root_id) -> frozenset[int]:
    with connection.cursor() as cursor:
        cursor.execute(SUBTREE.format(table=Organisation._meta.db_table), [root_id])
        return frozenset(row[0] for row in cursor.fetchall()) | {root_id}


def subtree_ids(root_id) -> set[int]:
    """The ids of ``root_id`` and every organisation below it: one recursive query, asked once
    per request (``core.memo``) until an organisation is saved or deleted; where the cache is
    shared, a request that changes nothing reads it once per process until an organisation
    changes anywhere (the menus' generation, ``core.generation.menus``) or in this process."""
    if generation.keeping() and reading() is not None:
        key = (root_id, generation.menus(), _tree["version"])
        return set(_subtrees.get(key, lambda: _subtree(root_id)))
    key = ("subtree", root_id, _tree["version"])
    return set(remembered(key, lambda: _subtree(root_id)))


#: subtrees kept per process for the requests that change nothing (``subtree_ids``)
_subtrees = Kept(256)


def subtree(root_id):
    """The same ids as a subquery (``organiser_id__in=subtree(pk)``), read in the caller's query."""
    from django.db.models.expressions import RawSQL

    return RawSQL(SUBTREE.format(table=Organisation._meta.db_table), [root_id])


#: Bumped whenever an organisation is saved or deleted in this process: what was worked out
#: about a user's organisations before then is worked out again (an import adds organisations
#: and checks them in the same request).
_tree = {"version": 0}


def _tree_changed(sender, **kwargs):
    _tree["version"] += 1


post_save.connect(_tree_changed, sender=Organisation, dispatch_uid="lienhiep_tree_saved")
post_delete.connect(_tree_changed, sender=Organisation, dispatch_uid="lienhiep_tree_deleted")


def _memo(user, key, work):
    """Work something out about ``user`` once per user object, that is once per request."""
    memo = user.__dict__.setdefault("_lienhiep_ids", {})
    if memo.get("version") != _tree["version"]:
        memo.clear()
        memo["version"] = _tree["version"]
    if key not in memo:
        memo[key] = work()
    return memo[key]


def forget(user):
    """Drop what was worked out about ``user`` (after their roles or scope change)."""
    roles.forget(user)
    user.__dict__.pop("_lienhiep_ids", None)
    for cached in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cached, None)
    user._state.fields_cache.pop("scope", None)


def sees_everything(user) -> bool:
    return user.is_active and (user.is_superuser or roles.has_role(user, roles.FEDERATION_STAFF))


def _scope(user):
    if user.__class__.scope.is_cached(user):  # read with the login (``directory.backends``)
        try:
            return user.scope.organisation
        except AccountScope.DoesNotExist:
            return None
    scope = AccountScope.objects.filter(user=user).select_related("organisation").first()
    return scope.organisation if scope else None


def scope_organisation(user):
    if not user.is_authenticated:
        return None
    return _memo(user, "scope", lambda: _scope(user))


def own_organisation(user):
    """The organisation a user works for: their scope, or the default union for those who see
    everything (the superuser of the first-run setup has no scope)."""
    own = scope_organisation(user)
    if own is None and sees_everything(user):
        own = default_union()
    return own


def union_for(user):
    """The union a user works in: the union at or above their scope, or the default union."""
    scope = scope_organisation(user)
    while scope is not None and scope.kind != OrganisationKind.UNION:
        scope = scope.parent
    if scope is None and sees_everything(user):
        scope = default_union()
    return scope


def _visible_ids(user):
    if sees_everything(user):
        return None
    if not any(
        roles.has_role(user, r) for r in (roles.UNION_STAFF, roles.UNION_LEADER, roles.OFFICER)
    ):
        return set()
    scope = scope_organisation(user)
    return subtree_ids(scope.pk) if scope else set()


def organisation_ids_for(user) -> set[int] | None:
    """Ids of the organisations ``user`` may see; ``None`` means all of them."""
    if not user.is_authenticated or not user.is_active:
        return set()
    ids = _memo(user, "visible", lambda: _visible_ids(user))
    return None if ids is None else set(ids)


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


def may_issue_sending_tokens(user) -> bool:
    """The federation's staff (and superusers) issue and revoke the tokens provincial unions
    send their year packages with."""
    return user.is_authenticated and sees_everything(user)


def may_send_to_federation(user) -> bool:
    """Union staff and union leaders (and superusers) connect their union to the federation and
    send its year packages."""
    if not (user.is_authenticated and user.is_active):
        return False
    wanted = (roles.UNION_STAFF, roles.UNION_LEADER)
    return (user.is_superuser or has_any_role(user, wanted)) and union_for(user) is not None


def page_rights_union(user):
    """The union on whose site ``user``'s page roles (editor, union leader) hold Wagtail page
    rights: their own union, the default one when they have no scope. Never another hosted
    union's site."""
    if not user.is_active:
        return None
    return union_for(user) or default_union()


def sync_site_groups(user):
    """Put ``user`` in the page-rights groups of their union's site for the page roles they
    hold, and in no other site's (``roles.site_groups``); written without signals."""
    forget(user)  # their roles or scope have just changed
    held = [r for r in roles.PAGE_ROLES if roles.has_role(user, r)]
    union = page_rights_union(user) if held else None  # most logins hold no page role
    wanted = {roles.site_group_name(r, union) for r in held} if union else set()
    through = user.groups.through
    current = through.objects.filter(user=user, group__in=roles.site_groups())
    current.exclude(group__name__in=wanted).delete()
    if wanted:
        have = set(current.values_list("group__name", flat=True))
        through.objects.bulk_create(
            through(user=user, group=g) for g in roles.site_groups().filter(name__in=wanted - have)
        )
        generation.menus_changed()  # ``bulk_create`` sends no signal
    forget(user)


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
