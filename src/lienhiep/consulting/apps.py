from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultingConfig(AppConfig):
    name = "lienhiep.consulting"
    label = "consulting"
    verbose_name = _("Consultancy, critique and social assessment")

    def ready(self):
        from lienhiep.directory import roles
        from lienhiep.privacy import holders

        from . import personal_data

        for holder in personal_data.HOLDERS:
            holders.register(holder)

        every = {
            "case": roles.ALL,
            "panelmember": roles.ALL,
            "casestep": roles.ALL,
            "opinion": ("view",),
            "consultingrecord": roles.ALL,
            "councilseat": roles.ALL,
            "sitting": roles.ALL,
            "consultingkind": ("view",),
        }
        # The kinds are shared by every union, like the activity kinds: the federation's staff
        # define them; each union keeps its own records and seats.
        roles.grant_staff("consulting", every, federation={"consultingkind": roles.ALL})
        roles.grant(roles.EXPERT, "consulting", {"opinion": ("add", "change", "view")})
