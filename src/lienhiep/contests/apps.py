from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "lienhiep.contests"
    label = "contests"
    verbose_name = _("Contests")

    def ready(self):
        from lienhiep.directory import roles
        from lienhiep.directory import rules as directory_rules
        from lienhiep.privacy import holders

        from . import models, personal_data, rules

        directory_rules.VISIBLE[models.Contest] = rules.contests_for
        directory_rules.VISIBLE[models.ContestRound] = rules.rounds_for

        every = {
            "contest": roles.ALL,
            "contestround": roles.ALL,
            "entry": roles.ALL,
            "judge": roles.ALL,
            "assignment": ("view",),
            "score": ("view",),
        }
        roles.grant_staff("contests", every)
        holders.register(personal_data.HOLDER)
        holders.register(personal_data.JUDGES)
