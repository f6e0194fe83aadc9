"""What the dashboard draws: key-figure cards, the plan chart, a five-year trend and the returns ring.

Every figure comes from the indicator registry (``figures.figures``/``figures.value``); every
card, bar and slice links to the records behind it.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core import charts
from lienhiep.core.formatting import format_figure

from . import figures
from .models import Indicator

#: The key figures, each a card with last year's: (label, the registry's codes it adds up).
CARDS = [
    (gettext_lazy("Members"), ["directory.members"]),
    (gettext_lazy("Member organisations"), ["directory.member_organisations"]),
    (
        gettext_lazy("Activities held"),
        [
            "activities.workshops",
            "activities.training_courses",
            "activities.club_sessions",
            "activities.federation_events",
        ],
    ),
    (gettext_lazy("Contest entries"), ["contests.technical_entries", "contests.youth_entries"]),
    (gettext_lazy("Intellectuals honoured"), ["honours.honoured"]),
    (gettext_lazy("Funding moved"), ["community.funding"]),
]
#: A card's figure that leaves some members out, and the figure stating them apart (the
#: organisations counted apart, ``directory.Organisation.counted_apart``).
APART = {"directory.members": "directory.members_counted_apart"}
TREND_YEARS = 5
DEFAULT_TREND = "directory.members"


@dataclass
class Card:
    label: str
    parts: list  # the figures of this year
    before: list  # the same figures of last year
    apart: object = None  # this year's figure left out of the card's and stated apart

    @property
    def value(self):
        return sum(f.value or 0 for f in self.parts)

    @property
    def previous(self):
        return sum(f.value or 0 for f in self.before)

    @property
    def display(self):
        return self.parts[0].display if len(self.parts) == 1 else figures.display_number(self.value)

    @property
    def change(self):
        """The change from last year as written: ``+12``, ``-3``, ``0``."""
        delta = self.value - self.previous
        if self.parts[0].is_money:
            text = figures.Figure(self.parts[0].indicator, None, 0, abs(delta)).display
        else:
            text = figures.display_number(abs(delta))
        return f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{text}"

    @property
    def direction(self):
        delta = self.value - self.previous
        return "up" if delta > 0 else "down" if delta < 0 else "same"

    @property
    def records_url(self):
        return self.parts[0].records_url


def card_codes():
    """The registry's codes the cards read: their own, and those they state apart."""
    return [*(code for _label, group in CARDS for code in group), *APART.values()]


def cards(organisation, year, this_year, last_year=None):
    """The key-figure cards from ``this_year`` (``{code: figure}``, read with the panel's other
    figures), with last year's figures (``{code: figure}``, read with this year's by
    ``figures.figures_of_years``; else read here for the indicators already loaded)."""
    if last_year is None:
        chosen = [this_year[code].indicator for code in card_codes() if code in this_year]
        last_year = {f.indicator.code: f for f in figures.figures(organisation, year - 1, chosen)}
    before = last_year
    result = []
    for label, group in CARDS:
        present = [code for code in group if code in this_year]
        if present:
            apart = [this_year[APART[c]] for c in present if APART.get(c) in this_year]
            result.append(
                Card(
                    str(label),
                    [this_year[c] for c in present],
                    [before[c] for c in present],
                    next((f for f in apart if f.value), None),
                )
            )
    return result


def plan_chart(organisation, year, planned):
    """Achievement of each target of the plan, the target marked at 100 %."""
    points = [
        charts.Point(f.indicator.name, f.achievement, f.display, f.records_url, f.display_target)
        for f in planned
        if f.achievement is not None
    ]
    title = _("Plan and achievement %(year)s – %(name)s") % {
        "year": year,
        "name": organisation.name,
    }
    return charts.plan_chart(title, points) if points else None


def trend_choices(indicators=None):
    """The indicators a trend can be drawn for (breakdowns such as prizes by level stay out),
    among ``indicators`` when the caller has read them all already."""
    if indicators is None:
        indicators = Indicator.objects.order_by("order", "code")
    return [i for i in indicators if i.code.count(".") <= 1]


def trend_indicator(code, choices):
    """The indicator asked for among ``choices``, else the members."""
    by_code = {i.code: i for i in choices}
    return by_code.get(code) or by_code.get(DEFAULT_TREND)


def trend_years(year):
    return range(year - TREND_YEARS + 1, year + 1)


def trend_chart(indicator, organisation, year, values=None):
    """The indicator's figure in each of the last five years up to ``year``: ``values``
    (``{year: value}``) when the caller read them with its other figures
    (``figures.figures_and_series``), else one query for the five when the registry adds the
    figure up (``figures.values_by_year``)."""
    points = []
    if values is None:
        values = figures.values_by_year(indicator, organisation, trend_years(year))
    for each, amount in values.items():
        figure = figures.Figure(indicator, organisation, each, amount)
        points.append(
            charts.Point(str(each), float(figure.value or 0), figure.display, figure.records_url)
        )
    title = _("%(indicator)s, %(first)s–%(last)s") % {
        "indicator": indicator.name,
        "first": year - TREND_YEARS + 1,
        "last": year,
    }
    return charts.trend_chart(title, points, indicator.unit)


def returns_ring(completeness, year):
    """Yearly returns received against expected, the missing ones as the second slice."""
    url = f"{reverse('plans_yearlyreturn:index')}?year={year}"
    missing = completeness.expected - completeness.received
    points = [
        charts.Point(_("Sent"), completeness.received, format_figure(completeness.received), url),
        charts.Point(_("Missing"), missing, format_figure(missing), url),
    ]
    return charts.ring_chart(_("Yearly returns %(year)s") % {"year": year}, points)
