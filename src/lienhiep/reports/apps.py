from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lienhiep.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):

        from lienhiep.directory import roles

        every = {"reportrun": roles.ALL, "reporttemplate": roles.ALL, "outgoingdocument": roles.ALL}
        roles.grant(roles.FEDERATION_STAFF, "reports", every)
        roles.grant(roles.UNION_STAFF, "reports", every)
        roles.grant(roles.UNION_LEADER, "reports", dict.fromkeys(every, ("view",)))
