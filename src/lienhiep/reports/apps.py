from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lienhiep.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):

        from lienhiep.directory import roles

        every = {"reportrun": roles.ALL, "reporttemplate": roles.ALL}
        roles.grant_staff("reports", every)
