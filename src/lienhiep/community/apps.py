from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "lienhiep.community"
    label = "community"
    verbose_name = _("Community projects")

    def ready(self):
        from lienhiep.directory import roles

        roles.grant(roles.FEDERATION_STAFF, "community", {"project": roles.ALL})
        roles.grant(roles.UNION_STAFF, "community", {"project": roles.ALL})
        # Officers see no project (``rules.projects_for``), so they are given no permission on them.
        roles.grant(roles.UNION_LEADER, "community", {"project": ("view",)})
