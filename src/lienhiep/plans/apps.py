from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "lienhiep.plans"
    label = "plans"
    verbose_name = _("Plans and indicators")

    def ready(self):
        from django.db.models.signals import post_migrate

        from lienhiep.core import generation
        from lienhiep.directory import roles, years

        from . import models, sync

        ALL = roles.ALL
        staff = {
            "annualplan": ALL,
            "target": ALL,
            "planitem": ALL,
            "termplan": ALL,
            "termtarget": ALL,
            "reportedvalue": ALL,
            "yearlyreturn": ALL,
            "indicator": ("view",),
        }
        roles.grant(roles.FEDERATION_STAFF, "plans", staff | {"indicator": ALL})
        roles.grant(roles.UNION_STAFF, "plans", staff)
        roles.grant(
            roles.UNION_LEADER,
            "plans",
            {**dict.fromkeys(staff, ("view",)), "yearlyreturn": ("change", "view")},
        )
        roles.grant(
            roles.OFFICER,
            "plans",
            {
                "yearlyreturn": ("add", "change", "view"),
                "reportedvalue": ("add", "change", "view"),
                "annualplan": ("view",),
                "indicator": ("view",),
            },
        )
        post_migrate.connect(sync.sync_after_migrate)
        # a return or a reported value makes its year one with records (the dashboard's year)
        years.register_year_source(models.YearlyReturn)
        years.register_year_source(models.ReportedValue)
        sync.connect_families()
        # the plan panel, kept in the shared cache under the records generation, shows the plans'
        # targets, reported values and returns beside the registry's figures
        generation.also_counts(*self.get_models())
