from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "lienhiep.community"
    label = "community"
    verbose_name = _("Community projects")

    def ready(self):
        from lienhiep.directory import roles

        # Officers see no project (``rules.projects_for``), so they are given no permission on them.
        roles.grant_staff("community", {"project": roles.ALL})
