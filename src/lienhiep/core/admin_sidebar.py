"""Wagtail's admin sidebar, its JSON kept per process by what it draws.

Every admin screen draws Wagtail's sidebar: its menu items (``is_shown`` for the login) packed by
telepath into JSON, ~150 items — the largest part of Wagtail's frame (``bench/RESULTS.md``, issue 18,
goal 1). ``install()`` (``CoreConfig.ready``) registers ``sidebar_props`` below in place of
upstream's in Wagtail's own ``wagtailadmin_tags`` library, so ``wagtailadmin/base.html`` packs a
menu only the first time the process meets it: the menu is still worked out for each request (what
the login may see), and the key is what telepath packs — each component's JS constructor and
arguments, the login's name and avatar, the search area, the labels in the active language, and
which values are the same object (telepath writes a repeated one as a reference) — so a changed
right, name or label is a new key, never a stale menu. Nothing is invalidated: a key says
everything its JSON holds.

Where the cache is shared by every process (``generation.keeping()``), the packed sidebar is also
kept per login, so that the menu is not worked out again for each of its screens: under the login,
its name, the active language and the menus' generation (``core.generation.menus``), which every
save, delete or link of what the menus are drawn from changes (``DRAWN_FROM``: the logins, their
groups and permissions, Wagtail's rights on pages, collections and sites, the pages themselves,
the login's scope, organisation, person and its seats as judge or council member). A changed
setting empties it (tests' ``override_settings``).

Wagtail's client configuration (``{% wagtail_config %}``: the admin's addresses, the locales, the
calendar's month and day names) is kept the same way (``wagtail_config``), under what it is drawn
from: the language, the script prefix, the menus' generation (the locales), the page's content
locale and the login's keyboard shortcuts; only the CSRF token is the request's own.
"""

import hashlib

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.html import json_script
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from telepath import (
    STRING_REF_MIN_LENGTH,
    Adapter,
    BaseAdapter,
    DictAdapter,
    StringAdapter,
)
from wagtail.admin.menu import admin_menu
from wagtail.admin.search import admin_search_areas
from wagtail.admin.telepath import JSContext, registry
from wagtail.admin.templatetags import wagtailadmin_tags as upstream
from wagtail.admin.ui import sidebar
from wagtail.models import Page

from . import generation
from .memo import Kept

#: packed sidebars kept per process (a few per login and language)
KEPT = 512
_packed = Kept(KEPT)


#: the types telepath writes as they are (its ``BaseAdapter``)
_PLAIN = frozenset({type(None), bool, int, float})


class Unkeyable(TypeError):
    """The sidebar holds something ``Drawing`` cannot read: it is packed for that request alone."""


class Drawing:
    """What telepath's ``JSContext().pack`` writes of a value, read as plain data, the way its
    ``ValueContext`` walks it: a component by its adapter's JS constructor and arguments, a dict in
    its order, a lazy translation as the text it gives now, and a value met again (an object, a
    list, a dict, a long string) as a reference to where it was first met. A value telepath would
    pack otherwise (an adapter with its own ``pack``) or refuse is ``Unkeyable``."""

    def __init__(self):
        self.first = {}  # id(value) -> its place in the walk
        self.held = []  # every value met, so that no id is reused during the walk

    def read(self, value):
        kind = type(value)
        # the built-in types first, as telepath's adapters for them read them (the most met)
        if kind is str:
            return self.text(value, value)
        if kind in _PLAIN:
            return value
        if kind is list:
            return self.met(value) or ("list", tuple(self.read(item) for item in value))
        adapter = registry.find_adapter(kind)
        if type(adapter) is BaseAdapter:  # None, bool, int, float: written as they are
            return value
        if isinstance(value, Promise) and adapter is None:
            return self.text(value, str(value))
        if isinstance(adapter, StringAdapter):
            return self.text(value, value)
        met = self.met(value)
        if met:
            return met
        if isinstance(adapter, DictAdapter):
            return ("dict", tuple((str(key), self.read(item)) for key, item in value.items()))
        if adapter is None and isinstance(value, (list, tuple)):
            return ("list", tuple(self.read(item) for item in value))
        if (
            isinstance(adapter, Adapter)
            and type(adapter).pack is Adapter.pack
            and type(adapter).build_node is Adapter.build_node
        ):
            args = adapter.js_args(value)
            self.held.append(args)
            return ("object", adapter.js_constructor, tuple(self.read(arg) for arg in args))
        raise Unkeyable(type(value).__name__)

    def text(self, value, text):
        if len(text) < STRING_REF_MIN_LENGTH:  # telepath never writes a short string as a reference
            return text
        return self.met(value) or text

    def met(self, value):
        """A reference to where ``value`` was first met, or ``None`` the first time."""
        place = self.first.get(id(value))
        if place is not None:
            return ("ref", place)
        self.first[id(value)] = len(self.held)
        self.held.append(value)
        return None


def sidebar_modules(request):
    """Upstream's modules for the request (``wagtailadmin_tags.sidebar_props``), not yet packed."""
    search_areas = admin_search_areas.search_items_for_request(request)
    account_menu = [
        sidebar.LinkMenuItem(
            "account", _("Account"), reverse("wagtailadmin_account"), icon_name="user"
        ),
        sidebar.ActionMenuItem(
            "logout", _("Log out"), reverse("wagtailadmin_logout"), icon_name="logout"
        ),
    ]
    modules = [
        sidebar.WagtailBrandingModule(),
        sidebar.SearchModule(search_areas[0]) if search_areas else None,
        sidebar.MainMenuModule(admin_menu.render_component(request), account_menu, request.user),
    ]
    return [module for module in modules if module is not None]


#: the models a login's menu is drawn from, their changes a new menus' generation: the logins,
#: groups and permissions (Django's and Wagtail's on pages, collections and sites), the pages
#: (the explorer's first page, the forms), collections, sites and locales, the login's profile
#: (its avatar), and the directory's scopes, organisations and people with the judges and
#: council members (the menus of ``directory.rules``, contests and honours)
DRAWN_FROM = frozenset(
    {
        "auth.user",
        "auth.group",
        "auth.permission",
        "auth.user_groups",  # the links themselves, deleted or written without a signal
        "auth.user_user_permissions",
        "auth.group_permissions",
        "wagtailcore.grouppagepermission",
        "wagtailcore.groupcollectionpermission",
        "wagtailcore.groupsitepermission",
        "wagtailcore.collection",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailusers.userprofile",
        "directory.accountscope",
        "directory.organisation",
        "directory.person",
        "contests.judge",
        "honours.councilmember",
    }
)

#: packed sidebars kept per login (see the module's docstring)
_by_login = Kept(KEPT)


#: a login's fields that no menu or right is drawn from: each sign-in saves its time alone, which
#: would otherwise make every process work every login's menu and rights out again
NOT_DRAWN = frozenset({"last_login"})


def _drawn_from(model) -> bool:
    return model is not None and (model._meta.label_lower in DRAWN_FROM or issubclass(model, Page))


def _saved(sender, using=DEFAULT_DB_ALIAS, update_fields=None, **kwargs):
    if _drawn_from(sender) and not (update_fields and update_fields <= NOT_DRAWN):
        generation.menus_changed(using)


def _bulk_action_done(request, action_type, objects, action):
    """Wagtail's bulk actions write without signals (switching logins on or off is one
    ``update``): one on what the menus are drawn from is a change of them."""
    if _drawn_from(action.model):
        generation.menus_changed()


def _with_rights_saved(process_form):
    """Wagtail's group screens save the group, then its rights on pages, collections and sites
    with ``bulk_create`` (no signal) after the group's transaction: a change once they are all
    written."""

    if getattr(process_form, "follows_rights", False):
        return process_form

    def process(view):
        response = process_form(view)
        generation.menus_changed()
        return response

    process.follows_rights = True
    return process


def _linked(sender, action, instance, model=None, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and (_drawn_from(type(instance)) or _drawn_from(model)):
        generation.menus_changed(using)


def install():
    """``{% sidebar_props %}`` and ``{% wagtail_config %}`` of Wagtail's ``wagtailadmin_tags``
    are ours from now on, and the changes of what the menus are drawn from are followed —
    Wagtail's own writes without signals too (its bulk actions, its group screens' rights)."""
    from wagtail import hooks
    from wagtail.users.views import groups

    upstream.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    upstream.register.simple_tag(wagtail_config, takes_context=True, name="wagtail_config")
    hooks.register("after_bulk_action", _bulk_action_done)
    panels = groups.PermissionPanelFormsMixin
    panels.process_form = _with_rights_saved(panels.process_form)
    post_save.connect(_saved, dispatch_uid="lienhiep.admin_sidebar.saved")
    post_delete.connect(_saved, dispatch_uid="lienhiep.admin_sidebar.deleted")
    m2m_changed.connect(_linked, dispatch_uid="lienhiep.admin_sidebar.linked")


def sidebar_props(context):
    request = context["request"]
    if not generation.keeping():
        return packed(sidebar_modules(request))
    user = request.user
    key = (user.pk, user.get_username(), user.first_name, get_language(), generation.menus())
    return _by_login.get(key, lambda: packed(sidebar_modules(request)))


#: Wagtail's client configurations kept per process (see the module's docstring)
_configs = Kept(64)


def wagtail_config(context):
    """Upstream's ``wagtail_config``, worked out once per process for what it is drawn from."""
    request = context["request"]
    if not generation.keeping():
        return upstream.wagtail_config(context)
    user = getattr(request, "user", None)
    profile = getattr(user, "wagtail_userprofile", None)
    locale = context.get("locale")
    key = (
        get_language(),
        get_script_prefix(),
        generation.menus(),
        locale.language_code if locale else None,
        profile.keyboard_shortcuts if profile else True,
    )
    kept = _configs.get(key, lambda: _without_token(upstream.wagtail_config(context)))
    return {**kept, "CSRF_TOKEN": get_token(request)}


def _without_token(config):
    return {name: value for name, value in config.items() if name != "CSRF_TOKEN"}


def packed(modules):
    """``modules`` packed as upstream's ``sidebar_props`` packs them, once per process for what
    they draw."""
    try:
        drawn = repr((get_language(), Drawing().read(modules)))
    except Unkeyable:
        return pack(modules)
    key = hashlib.blake2b(drawn.encode(), digest_size=20).hexdigest()
    return _packed.get(key, lambda: pack(modules))


def pack(modules):
    return json_script({"modules": JSContext().pack(modules)}, element_id="wagtail-sidebar-props")
