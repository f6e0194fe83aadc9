"""Logins (tài khoản): who works for which organisation, in which roles, as which person.

Staff manage the logins of the organisations they see (``directory.rules``): invite a person by
e-mail with a link to set their password, give roles and the organisation the login works for
(its scope), change them, deactivate a login, and link or unlink the person record. Nobody grants
a role above their own: union staff grant the union's working roles; federation staff and the
administrator grant every role. A login holding a role its viewer may not grant is read-only to
that viewer.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import roles, rules
from .models import AccountScope, Person

#: role → the roles a login of that role may grant.
GRANTS = {
    roles.FEDERATION_STAFF: tuple(roles.GROUP_NAMES),
    roles.UNION_STAFF: (roles.UNION_STAFF, roles.OFFICER, roles.JUDGE, roles.EXPERT, roles.EDITOR),
}


def grantable_roles(user) -> tuple:
    if user.is_superuser:
        return tuple(roles.GROUP_NAMES)
    granted = {role for mine in GRANTS if roles.has_role(user, mine) for role in GRANTS[mine]}
    return tuple(role for role in roles.GROUP_NAMES if role in granted)


def can_manage_accounts(user) -> bool:
    return rules.is_staff(user)


def roles_of(account) -> list[str]:
    names = {group.name for group in account.groups.all()}
    return [role for role, name in roles.GROUP_NAMES.items() if name in names]


def accounts_for(user):
    """The logins ``user`` may see: those working for an organisation in their scope."""
    User = get_user_model()
    if not can_manage_accounts(user):
        return User.objects.none()
    everything = User.objects.select_related("scope__organisation", "person")
    everything = everything.prefetch_related("groups").order_by("username")
    return rules.scoped(everything, "scope__organisation", user)


def _changeable(user, account, grantable) -> bool:
    if account.pk == user.pk or (account.is_superuser and not user.is_superuser):
        return False
    return set(roles_of(account)) <= set(grantable)


def may_change(user, account) -> bool:
    """Staff change a login they see unless it is theirs or holds a role they may not grant."""
    visible = accounts_for(user).filter(pk=account.pk).exists()
    return visible and _changeable(user, account, grantable_roles(user))


def account_rows(user):
    """Every login ``user`` sees, with its roles and whether they may change it (fixed queries)."""
    grantable = grantable_roles(user)
    return [
        {
            "account": account,
            "roles": ", ".join(str(roles.ROLE_LABELS[r]) for r in roles_of(account)),
            "person": getattr(account, "person", None),
            "changeable": _changeable(user, account, grantable),
        }
        for account in accounts_for(user)
    ]


def _check_grant(user, wanted_roles, organisation):
    if not can_manage_accounts(user):
        raise PermissionDenied(_("You cannot manage logins."))
    above = set(wanted_roles) - set(grantable_roles(user))
    if above:
        names = ", ".join(str(roles.ROLE_LABELS[r]) for r in roles.GROUP_NAMES if r in above)
        raise ValidationError({"roles": _("You cannot grant: %(roles)s.") % {"roles": names}})
    if not rules.organisations_for(user).filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("Choose an organisation you work for.")})


def _set_roles(account, wanted_roles):
    account.groups.set([roles.group(role) for role in wanted_roles])
    rules.forget(account)


def _check_person(user, person, account=None):
    if person is None:
        return
    if not rules.people_for(user).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Choose a person whose record you may see.")})
    if person.account_id and person.account_id != getattr(account, "pk", None):
        raise ValidationError(
            {"person": _("%(person)s already has a login.") % {"person": person.full_name}}
        )


@transaction.atomic
def invite_account(*, user, username, email, wanted_roles, organisation, person=None, site_url):
    """A new login with no password yet, and an e-mail with the link to set one."""
    _check_grant(user, wanted_roles, organisation)
    _check_person(user, person)
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError(
            {"username": _("The login “%(username)s” already exists.") % {"username": username}}
        )
    account = User(username=username, email=email)
    if person is not None:
        account.first_name, account.last_name = person.given_name, person.family_name
    account.set_unusable_password()
    account.save()
    _set_roles(account, wanted_roles)
    AccountScope.objects.create(user=account, organisation=organisation)
    if person is not None:
        link_person(user=user, account=account, person=person)
    log(account, "directory.account.invited", user=user, data={"roles": list(wanted_roles)})
    transaction.on_commit(lambda: send_invitation(account, organisation, site_url))
    return account


def invitation_link(account, site_url):
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    token = default_token_generator.make_token(account)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return f"{site_url.rstrip('/')}{path}"


def send_invitation(account, organisation, site_url):
    body = _(
        "You have a login on the work platform of %(organisation)s.\n\n"
        "Login: %(username)s\n"
        "Set your password here (the link works once):\n%(link)s\n"
    ) % {
        "organisation": organisation.name,
        "username": account.username,
        "link": invitation_link(account, site_url),
    }
    send_mail(_("Your lienhiep login"), body, None, [account.email])


@transaction.atomic
def change_account(*, user, account, wanted_roles, organisation, is_active):
    if not may_change(user, account):
        raise PermissionDenied(_("You cannot change this login."))
    _check_grant(user, wanted_roles, organisation)
    _set_roles(account, wanted_roles)
    AccountScope.objects.update_or_create(user=account, defaults={"organisation": organisation})
    rules.forget(account)
    if account.is_active != is_active:
        account.is_active = is_active
        account.save(update_fields=["is_active"])
    log(
        account,
        "directory.account.changed",
        user=user,
        data={"roles": list(wanted_roles), "active": is_active},
    )
    return account


@transaction.atomic
def link_person(*, user, account, person):
    """Link a person record to a login (a judge, expert or council member acts as that person)."""
    _check_person(user, person, account)
    Person.objects.filter(account=account).exclude(pk=person.pk).update(account=None)
    person.account = account
    person.save(update_fields=["account"])
    log(account, "directory.account.linked", user=user, data={"person": person.full_name})
    return person


@transaction.atomic
def unlink_person(*, user, account):
    if not may_change(user, account):
        raise PermissionDenied(_("You cannot change this login."))
    person = Person.objects.filter(account=account).first()
    if person is not None:
        person.account = None
        person.save(update_fields=["account"])
        log(account, "directory.account.unlinked", user=user, data={"person": person.full_name})
    return person
