from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "lienhiep.activities"
    label = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from lienhiep.directory import roles

        # The kinds are shared by every union: only the federation's staff change them.
        every = {"activity": roles.ALL, "activityattachment": roles.ALL, "activitykind": ("view",)}
        roles.grant_staff("activities", every, federation={"activitykind": roles.ALL})
        roles.grant(roles.OFFICER, "activities", every)
