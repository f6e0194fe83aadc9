"""Set up an installation for its union: the registry's union, its website and a first login.

The first-run screen and ``manage.py setup_union`` call ``setup_union``; afterwards the union is
the installation's default union (the dashboard, ``indicators`` and ``registry`` read it), its
home page replaces Wagtail's welcome page, and the standard sections and review workflow exist —
no environment variable, no restart.

The same service adds a union hosted on the installation beside its first (``hostname``): the
union is not the default one, and its website is a Wagtail site of its own at that host name,
served at once (``core.hosts``); its staff are invited with the union as their scope.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.log_actions import log

from lienhiep.directory import roles
from lienhiep.directory.accounts import invite_account
from lienhiep.directory.models import AccountScope
from lienhiep.directory.rules import sees_everything
from lienhiep.directory.setup import create_union, has_union
from lienhiep.website.models import SiteSettings
from lienhiep.website.setup import ensure_site


def may_set_up(user) -> bool:
    """Only the operator's first login (a superuser or federation staff) sets an installation up."""
    return user is not None and user.is_authenticated and sees_everything(user)


@transaction.atomic
def setup_union(*, user, logo=None, login=None, hostname=None, invite=None, **union_fields):
    """The union, its website, its logo and (optionally) its first staff login, all or nothing.

    With ``hostname``, a union hosted beside the installation's first, its site at that host
    name; ``invite`` (username, email, site_url) then invites its first staff login.
    """
    if user is not None and not may_set_up(user):
        raise PermissionDenied(_("Only the installation's administrator sets up the union."))
    if hostname is None and has_union():
        raise ValidationError(_("This installation already runs a union."))
    if hostname is not None and not has_union():
        raise ValidationError(_("Set up the installation's own union first."))
    union = create_union(user=user, default=hostname is None, **union_fields)
    home, _sections = ensure_site(union, hostname)
    if logo is not None:
        set_logo(home, logo, user=user)
    account = create_first_login(union, **login) if login else None
    if invite:
        account = invite_staff(union, user=user, **invite)
    return union, account


def invite_staff(union, *, user, username, email, site_url):
    """The hosted union's first staff login, scoped to it, invited by e-mail (``directory``)."""
    return invite_account(
        user=user,
        username=username,
        email=email,
        wanted_roles=[roles.UNION_STAFF],
        organisation=union,
        site_url=site_url,
    )


def set_logo(home, upload, *, user):
    image = get_image_model()(title=_("Logo"), file=upload, uploaded_by_user=user)
    image.save()
    settings = SiteSettings.for_site(home.get_site())
    settings.logo = image
    settings.save()
    return image


def create_first_login(union, *, username, email="", password=None):
    """A union-staff login scoped to the union; a password is made when none is given."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError(
            {"username": _("The login “%(username)s” already exists.") % {"username": username}}
        )
    password = password or secrets.token_urlsafe(12)
    account = User.objects.create_user(username=username, email=email, password=password)
    account.groups.add(roles.group(roles.UNION_STAFF))
    AccountScope.objects.create(user=account, organisation=union)
    log(account, "wagtail.create", user=None)
    return account, password
