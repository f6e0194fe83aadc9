from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "lienhiep.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lienhiep.core.signals import personal_data_processed
        from lienhiep.directory import roles

        from . import holders, models, panels, people, services

        personal_data_processed.connect(services.processed, dispatch_uid="privacy.processed")
        for signal in (post_save, post_delete):
            signal.connect(
                panels.forget_earliest_due,
                sender=models.DataRequest,
                dispatch_uid=f"privacy.forget_earliest_due.{signal is post_save}",
            )

        for holder in (people.PEOPLE, people.MEMBERSHIPS, people.LOGINS, people.LOG):
            holders.register(holder)

        # staff edit the notice, the name rule and the retention periods in the site settings
        for role in (roles.FEDERATION_STAFF, roles.UNION_STAFF):
            roles.grant(role, "privacy", {"privacysettings": ("change", "view")})
