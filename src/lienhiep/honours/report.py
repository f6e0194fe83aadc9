"""The honouring and commendation sections of the union's report."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.formatting import format_date, roman
from lienhiep.core.sections import Section, paragraph, register
from lienhiep.directory.rules import subtree_ids

from .enums import IssuerKind, RecipientKind
from .models import HonourRound

ISSUERS = {
    IssuerKind.FEDERATION: gettext_lazy("The national federation"),
    IssuerKind.PEOPLES_COMMITTEE: gettext_lazy("The provincial People's Committee"),
    IssuerKind.UNION: gettext_lazy("The union"),
    IssuerKind.CONTEST_COMMITTEE: gettext_lazy("The contests' organising committees"),
    IssuerKind.MINISTRY: gettext_lazy("Ministries"),
}


def build_honours(context):
    if not context.value("honours.nominations"):
        return []
    rounds = HonourRound.objects.filter(
        union__in=subtree_ids(context.organisation.pk), year__in=context.period.years
    ).select_related("ceremony")
    blocks = []
    for round in rounds:
        text = _(
            "The union held the %(round)s round of honouring outstanding intellectuals in science "
            "and technology (%(year)s): it received %(nominations)s, of which %(eligible)s were "
            "eligible and proposed to the provincial People's Committee."
        ) % {
            "round": roman(round.number),
            "year": round.year,
            "nominations": context.count("honours.nominations"),
            "eligible": context.count("honours.eligible"),
        }
        if round.decision_number:
            text += " " + _(
                "By decision no. %(number)s of %(day)s the People's Committee honoured %(count)s."
            ) % {
                "number": round.decision_number,
                "day": format_date(round.decision_date),
                "count": context.count("honours.honoured"),
            }
        if round.ceremony_id:
            text += " " + _("The ceremony was held on %(day)s.") % {
                "day": format_date(round.ceremony.start_date)
            }
        blocks.append(paragraph(text))
    return blocks


def build_commendations(context):
    blocks = []
    for issuer, name in ISSUERS.items():
        parts = [
            context.count(f"honours.commendations.{issuer.value}.{kind.value}")
            for kind in (RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL)
            if context.value(f"honours.commendations.{issuer.value}.{kind.value}")
        ]
        if parts:
            blocks.append(
                paragraph(
                    _("%(issuer)s commended %(whom)s.")
                    % {"issuer": name, "whom": _(" and ").join(parts)}
                )
            )
    return blocks


register(Section("honours.honouring", 50, gettext_lazy("Honouring intellectuals"), build_honours))
register(
    Section(
        "honours.commendations",
        110,
        gettext_lazy("Emulation and commendation"),
        build_commendations,
    )
)
