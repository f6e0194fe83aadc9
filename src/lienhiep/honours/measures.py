from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .enums import CommendationForm, IssuerKind, RecipientKind
from .models import Commendation, Nomination


def nominations(year, **filters):
    return Nomination.objects.filter(round__year=year, **filters)


register(
    Measure(
        code="honours.nominations",
        name=_("Nominations of outstanding intellectuals received"),
        unit=pgettext_lazy("unit", "nominations"),
        records=nominations,
        organisation_field="round__union",
        order=500,
        date_field="created_at",
    )
)
register(
    Measure(
        code="honours.eligible",
        name=_("Nominations found eligible"),
        unit=pgettext_lazy("unit", "nominations"),
        records=lambda year: nominations(year, eligible=True),
        organisation_field="round__union",
        order=510,
        date_field="created_at",
    )
)
register(
    Measure(
        code="honours.honoured",
        name=_("Intellectuals honoured"),
        unit=pgettext_lazy("unit", "intellectuals"),
        records=lambda year: nominations(year, honoured=True),
        organisation_field="round__union",
        order=520,
        date_field="round__decision_date",
    )
)

ISSUER_NAMES = {
    IssuerKind.FEDERATION: (
        _("Commendations from the national federation to collectives"),
        _("Commendations from the national federation to individuals"),
    ),
    IssuerKind.PEOPLES_COMMITTEE: (
        _("Commendations from the People's Committee to collectives"),
        _("Commendations from the People's Committee to individuals"),
    ),
    IssuerKind.UNION: (
        _("Commendations from the union to collectives"),
        _("Commendations from the union to individuals"),
    ),
    IssuerKind.CONTEST_COMMITTEE: (
        _("Commendations from contest committees to collectives"),
        _("Commendations from contest committees to individuals"),
    ),
    IssuerKind.MINISTRY: (
        _("Commendations from ministries to collectives"),
        _("Commendations from ministries to individuals"),
    ),
}


def commendations(issuer, kind):
    def records(year):
        found = Commendation.objects.filter(decision__date__year=year, decision__issuer_kind=issuer)
        # A certificate (the honouring of intellectuals) is not a commendation: the report
        # states the honouring in its own section and must not count it twice.
        found = found.exclude(decision__form=CommendationForm.CERTIFICATE)
        return found.filter(organisation__isnull=kind != RecipientKind.COLLECTIVE)

    return records


for order, (issuer, (collective, individual)) in enumerate(ISSUER_NAMES.items()):
    for kind, name, unit in (
        (RecipientKind.COLLECTIVE, collective, pgettext_lazy("unit", "collectives")),
        (RecipientKind.INDIVIDUAL, individual, pgettext_lazy("unit", "individuals")),
    ):
        register(
            Measure(
                code=f"honours.commendations.{issuer.value}.{kind.value}",
                name=name,
                unit=unit,
                records=commendations(issuer, kind),
                organisation_field="decision__union",
                order=600 + order * 20 + 10 * (kind == RecipientKind.INDIVIDUAL),
                date_field="decision__date",
            )
        )
