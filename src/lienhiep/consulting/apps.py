from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultingConfig(AppConfig):
    name = "lienhiep.consulting"
    label = "consulting"
    verbose_name = _("Consultancy, critique and social assessment")

    def ready(self):
        from lienhiep.directory import roles

        every = {
            "case": roles.ALL,
            "panelmember": roles.ALL,
            "casestep": roles.ALL,
            "opinion": ("view",),
        }
        roles.grant_staff("consulting", every)
        roles.grant(roles.EXPERT, "consulting", {"opinion": ("add", "change", "view")})
