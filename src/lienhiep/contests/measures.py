"""Contest figures by year: a round counts in the year its results are published."""

from django.db.models import CharField, Count, Value
from django.db.models.functions import Cast, Coalesce, Concat, Lower, Trim
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .enums import ContestKind, PrizeLevel
from .models import Author, Entry

ORGANISATION = "round__contest__union"

NAMES = {
    ContestKind.TECHNICAL: {
        "entries": _("Solutions entered in the technical innovation contest"),
        "eligible": _("Eligible solutions of the technical innovation contest"),
        "prizes": _("Prizes of the technical innovation contest"),
        "forwarded": _("Solutions forwarded to the national technical innovation contest"),
        "national": _("National prizes of the technical innovation contest"),
        "unit": pgettext_lazy("unit", "solutions"),
        "authors": _("Authors in the technical innovation contest"),
    },
    ContestKind.YOUTH: {
        "entries": _("Youth contest entries"),
        "eligible": _("Eligible youth contest entries"),
        "prizes": _("Prizes of the youth contest"),
        "forwarded": _("Youth contest entries forwarded to the national round"),
        "national": _("National prizes of the youth contest"),
        "unit": pgettext_lazy("unit", "entries"),
        "authors": _("Authors in the youth contest"),
    },
}
LEVEL_NAMES = {
    PrizeLevel.FIRST: pgettext_lazy("prize", "first"),
    PrizeLevel.SECOND: pgettext_lazy("prize", "second"),
    PrizeLevel.THIRD: pgettext_lazy("prize", "third"),
    PrizeLevel.CONSOLATION: pgettext_lazy("prize", "consolation"),
}


def entries(kind, **filters):
    def records(year):
        return Entry.objects.filter(
            round__contest__kind=kind, round__results_published_on__year=year, **filters
        )

    return records


def authors(kind):
    def records(year):
        return Author.objects.filter(
            entry__round__contest__kind=kind, entry__round__results_published_on__year=year
        )

    return records


def distinct_people():
    """One author of several entries counts once: a person is a name with a birth date."""
    birth = Coalesce(Cast("birth_date", CharField()), Value(""))
    return Count(Concat(Lower(Trim("name")), Value("|"), birth), distinct=True)


def _measure(code, name, unit, records, order):
    register(
        Measure(
            code=code,
            name=name,
            unit=unit,
            records=records,
            organisation_field=ORGANISATION,
            order=order,
            date_field="round__results_published_on",
        )
    )


for base, kind in ((330, ContestKind.TECHNICAL), (350, ContestKind.YOUTH)):
    names = NAMES[kind]
    prize_unit = pgettext_lazy("unit", "prizes")
    _measure(f"contests.{kind}_entries", names["entries"], names["unit"], entries(kind), base)
    register(
        Measure(
            code=f"contests.{kind}_authors",
            name=names["authors"],
            unit=pgettext_lazy("unit", "authors"),
            records=authors(kind),
            organisation_field=f"entry__{ORGANISATION}",
            aggregate=distinct_people,
            order=base + 13,
            date_field="entry__round__results_published_on",
        )
    )
    _measure(
        f"contests.{kind}_eligible",
        names["eligible"],
        names["unit"],
        entries(kind, eligible=True),
        base + 1,
    )
    _measure(
        f"contests.{kind}_prizes",
        names["prizes"],
        prize_unit,
        lambda year, kind=kind: entries(kind)(year).exclude(prize=""),
        base + 2,
    )
    for step, level in enumerate(PrizeLevel, start=1):
        _measure(
            f"contests.{kind}_prizes.{level.value}",
            format_lazy("{} – {}", names["prizes"], LEVEL_NAMES[level]),
            prize_unit,
            entries(kind, prize=level),
            base + 2 + step,
        )
    _measure(
        f"contests.{kind}_forwarded",
        names["forwarded"],
        names["unit"],
        entries(kind, forwarded=True),
        base + 7,
    )
    _measure(
        f"contests.{kind}_national_prizes",
        names["national"],
        prize_unit,
        lambda year, kind=kind: entries(kind)(year).exclude(national_prize=""),
        base + 8,
    )
    for step, level in enumerate(PrizeLevel, start=1):
        _measure(
            f"contests.{kind}_national_prizes.{level.value}",
            format_lazy("{} – {}", names["national"], LEVEL_NAMES[level]),
            prize_unit,
            entries(kind, national_prize=level),
            base + 8 + step,
        )
