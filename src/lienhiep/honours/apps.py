from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonoursConfig(AppConfig):
    name = "lienhiep.honours"
    label = "honours"
    verbose_name = _("Honours and commendations")

    def ready(self):
        from lienhiep.directory import roles
        from lienhiep.directory import rules as directory_rules
        from lienhiep.privacy import holders

        from . import models, personal_data, rules

        for holder in personal_data.HOLDERS:
            holders.register(holder)

        # Forms offer only the rounds a user may see, as they do organisations and people.
        directory_rules.VISIBLE[models.HonourRound] = rules.rounds_for

        every = {
            "honourround": roles.ALL,
            "councilmember": roles.ALL,
            "nomination": roles.ALL,
            "commendationdecision": roles.ALL,
            "commendation": roles.ALL,
            "vote": ("view",),
        }
        roles.grant_staff("honours", every)
        roles.grant(
            roles.OFFICER,
            "honours",
            {"nomination": ("add", "change", "view"), "honourround": ("view",)},
        )
        roles.grant(roles.EXPERT, "honours", {"vote": ("add", "view")})
