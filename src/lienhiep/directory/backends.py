"""Django's model backend, reading what every admin screen asks about a login in fewer queries.

* ``get_user`` reads the login with its scope (and the scope's organisation), its person and
  its Wagtail profile (language, time zone) in the same query: ``directory.rules``, the admin
  menu and Wagtail's localisation then ask the database nothing more;
* the login's own and its groups' permissions are read in one query instead of two;
* where the cache is shared by every process (``core.generation.keeping()``), a login is read
  with its rights worked out (``work_out``: its roles, permissions, the organisations it sees,
  Wagtail's rights on pages and collections) once per process until what they are drawn from
  changes — under the login's id and the menus' generation (``core.generation.menus``), which
  every save, delete or link of logins, groups, permissions, Wagtail's rights, scopes,
  organisations, people and profiles changes (``core.admin_sidebar.DRAWN_FROM``; Wagtail's bulk
  actions and group screens, which write without signals, change it themselves). Each request
  gets a copy of its own (unpickled), so nothing one request sets on its login reaches another.
  A change reaches every process that shares the cache: the deployment's commands read the same
  environment file as its web processes (``deploy/manage.sh``), so ``changepassword`` or a login
  switched off from the shell takes effect at the login's next request.
"""

import pickle

from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from lienhiep.core import generation
from lienhiep.core.memo import Kept

UserModel = get_user_model()

#: logins kept per process, pickled with their rights (see the module's docstring)
_logins = Kept(512)


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        if generation.keeping():
            kept = _logins.get((user_id, generation.menus()), lambda: self._worked_out(user_id))
            user = pickle.loads(kept) if kept else None
        else:
            user = self._read(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def _read(self, user_id):
        try:
            return UserModel._default_manager.select_related(
                "scope__organisation", "person", "wagtail_userprofile"
            ).get(pk=user_id)
        except UserModel.DoesNotExist:
            return None

    def _worked_out(self, user_id) -> bytes:
        """The login pickled with its rights worked out; empty for a login that is gone."""
        user = self._read(user_id)
        if user is None:
            return b""
        work_out(user)
        return pickle.dumps(user)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                ).distinct()
            pairs = permissions.values_list("content_type__app_label", "codename").order_by()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in pairs}
        return user_obj._perm_cache


def work_out(user):
    """What every admin screen asks about ``user``, kept on the object: its roles (groups), its
    permissions, the organisations it sees and Wagtail's rights on pages and collections."""
    from wagtail.permissions import collection_permission_policy, page_permission_policy

    from . import roles, rules

    roles.group_names(user)
    ModelBackend().get_all_permissions(user)
    rules.organisation_ids_for(user)
    for policy in (page_permission_policy, collection_permission_policy):
        list(policy.get_cached_permissions_for_user(user))
