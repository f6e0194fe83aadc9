from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "lienhiep.activities"
    label = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from lienhiep.directory import roles
        from lienhiep.privacy import holders

        from . import personal_data

        holders.register(personal_data.PARTICIPANTS)

        # Union staff keep their union's own kinds; which kinds is ``rules.kinds_changed_by``.
        every = {"activity": roles.ALL, "activityattachment": roles.ALL, "activitykind": ("view",)}
        roles.grant_staff("activities", every | {"activitykind": roles.ALL})
        roles.grant(roles.OFFICER, "activities", every)
