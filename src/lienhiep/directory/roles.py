"""The groups (roles) of lienhiep and the model permissions each one holds."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

FEDERATION_STAFF = "federation_staff"
UNION_STAFF = "union_staff"
UNION_LEADER = "union_leader"
OFFICER = "officer"
JUDGE = "judge"
EXPERT = "expert"
EDITOR = "editor"

#: role → the group's name, as users read it in the admin.
GROUP_NAMES = {
    FEDERATION_STAFF: "Cán bộ Liên hiệp Hội Việt Nam",
    UNION_STAFF: "Cán bộ Liên hiệp hội",
    UNION_LEADER: "Lãnh đạo Liên hiệp hội",
    OFFICER: "Cán bộ hội thành viên",
    JUDGE: "Giám khảo",
    EXPERT: "Chuyên gia",
    EDITOR: "Biên tập viên",
}
ROLE_LABELS = {
    FEDERATION_STAFF: _("Federation staff"),
    UNION_STAFF: _("Union staff"),
    UNION_LEADER: _("Union leader"),
    OFFICER: _("Member-organisation officer"),
    JUDGE: _("Judge"),
    EXPERT: _("Expert"),
    EDITOR: _("Editor"),
}

ALL = ("add", "change", "delete", "view")
REGISTRY = [
    "organisation",
    "term",
    "membercount",
    "person",
    "membership",
    "membershipconfirmation",
    "outgoingdocument",
]
REFERENCE = ["bloc", "province", "formerprovince"]

#: role → {app_label: {model: actions}}; other apps add theirs as they arrive.
PERMISSIONS = {
    FEDERATION_STAFF: {
        "directory": {**dict.fromkeys(REGISTRY, ALL), **dict.fromkeys(REFERENCE, ALL)}
    },
    UNION_STAFF: {
        "directory": {**dict.fromkeys(REGISTRY, ALL), **dict.fromkeys(REFERENCE, ("view",))}
    },
    UNION_LEADER: {"directory": dict.fromkeys(REGISTRY + REFERENCE, ("view",))},
    OFFICER: {
        "directory": {
            "organisation": ("change", "view"),
            "term": ALL,
            "membercount": ("add", "change", "view"),
            "person": ALL,
            "membership": ALL,
            "membershipconfirmation": ALL,
        }
    },
    JUDGE: {},
    EXPERT: {},
    EDITOR: {},
}
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")


def grant(role, app_label, models):
    """Let an app give a role permissions on its models (called from the app's ``ready``)."""
    PERMISSIONS[role].setdefault(app_label, {}).update(models)


def grant_staff(app_label, models, *, federation=None):
    """The usual grants: federation and union staff get ``models`` (the federation also
    ``federation``), the union leader may only view them."""
    grant(FEDERATION_STAFF, app_label, models | (federation or {}))
    grant(UNION_STAFF, app_label, models)
    grant(UNION_LEADER, app_label, dict.fromkeys(models, ("view",)))


def ensure_groups():
    """Create the groups and give each exactly its permissions (idempotent)."""
    for role, name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [
            Permission.objects.get(
                content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[2]
            )
        ]
        for app_label, models in PERMISSIONS[role].items():
            for model, actions in models.items():
                codenames = [f"{action}_{model}" for action in actions]
                wanted += Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
        group.permissions.set(wanted)


def ensure_groups_after_migrate(sender, **kwargs):
    """Run once per ``migrate``, after the last app has created its permissions."""
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        from .permission_names import name_permissions

        ensure_groups()
        remove_wagtail_defaults()
        name_permissions()


def group(role):
    return Group.objects.get(name=GROUP_NAMES[role])


#: The roles whose Wagtail page rights are granted on one union's site only: each hosted union
#: has a group of its own for each ("Biên tập viên · hoa-an"), holding the rights on its home page.
PAGE_ROLES = (EDITOR, UNION_LEADER)
SITE_GROUP_SEPARATOR = " · "


def site_group_name(role, union):
    return f"{GROUP_NAMES[role]}{SITE_GROUP_SEPARATOR}{union.slug}"


def site_group(role, union):
    """The group of ``role`` on ``union``'s site (made on first use; it holds only page rights)."""
    return Group.objects.get_or_create(name=site_group_name(role, union))[0]


def site_groups():
    """Every site's page-rights group."""
    from django.db.models import Q

    prefixes = Q()
    for role in PAGE_ROLES:
        prefixes |= Q(name__startswith=f"{GROUP_NAMES[role]}{SITE_GROUP_SEPARATOR}")
    return Group.objects.filter(prefixes)


def group_names(user) -> frozenset:
    """The names of ``user``'s groups, read once and kept on the user object for the request."""
    names = getattr(user, "_lienhiep_roles", None)
    if names is None:
        names = frozenset(group.name for group in user.groups.all())
        user._lienhiep_roles = names
    return names


def forget(user):
    """Drop what was worked out about ``user``'s roles (after their groups change)."""
    user.__dict__.pop("_lienhiep_roles", None)


def has_role(user, role):
    return user.is_active and GROUP_NAMES[role] in group_names(user)


#: What Wagtail's first migrations create and lienhiep replaces with its own groups and the
#: "Duyệt tin bài" review workflow: removed while nobody uses them.
WAGTAIL_GROUPS = ("Editors", "Moderators")
WAGTAIL_WORKFLOW = "Moderators approval"


def remove_wagtail_defaults():
    from wagtail.models import Task, Workflow, WorkflowState

    Group.objects.filter(name__in=WAGTAIL_GROUPS, user__isnull=True).delete()
    started = WorkflowState.objects.values("workflow")
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW).exclude(pk__in=started).delete()
    unused = Task.objects.filter(workflow_tasks__isnull=True, task_states__isnull=True)
    unused.filter(name=WAGTAIL_WORKFLOW).delete()
