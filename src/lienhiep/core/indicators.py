"""The indicator registry: domain apps declare their measures in ``measures.py``.

A measure says which records stand behind a figure for a year (``records(year)``), through
which field each record belongs to an organisation (``organisation_field``), and how the records
make a value (``aggregate``, a count by default). A figure for an organisation is the aggregate
over the records of its whole subtree (or of itself alone when the rule is ``none``), so a
union's figure is its own records plus its member organisations' and units'. The registry lives
in the kernel and ``core`` discovers every app's ``measures.py``; ``plans`` consumes it (one
``Indicator`` row per measure, so that targets and reported values can point at it), and a
domain app adds a figure without touching ``plans``::

    register(Measure(code="activities.workshops", name=_("Workshops held"), unit=_("workshops"),
                     records=held_workshops, organisation_field="organiser"))

Figures of kinds staff define themselves (an activity kind, a consulting kind) come from a
``Family``: the app says which records define its measures (``model``) and builds a record's
measures (``measures(record)``); ``measure_for(code)`` finds a code's measure among the registered
ones and then the families' (one query), and ``plans`` keeps one ``Indicator`` per measure as
records of the family are saved.

An app whose records carry reported figures of their own (``subject``) declares their kind in
``subjects.py`` with ``register_subject`` (see ``SubjectKind``).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, models
from django.db.models import Count, Func
from django.utils.translation import gettext_lazy as _

from . import generation
from . import memo as memo_module


class Rollup(models.TextChoices):
    SUM = "sum", _("Sum over the organisation tree")
    LATEST = "latest", _("Latest value in the tree")
    MAXIMUM = "max", _("Maximum in the tree")
    NONE = "none", _("Own value only")


MEASURES: dict = {}


@dataclass(frozen=True)
class Months:
    """The months of a year a figure counts: the whole year, its first half (a sơ kết), a
    quarter. The one way a period reaches the registry; a term is its years, each whole."""

    first: int = 1
    last: int = 12

    @property
    def whole(self) -> bool:
        return self.first == 1 and self.last == 12


#: The whole year, which every figure counts unless asked for part of it.
YEAR = Months()


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    unit: str
    records: Callable
    organisation_field: str
    aggregate: Callable = field(default=lambda: Count("pk"))
    rollup: str = Rollup.SUM
    order: int = 100
    #: the date that places a record in the year, for figures of part of a year (a sơ kết, a
    #: quarter)
    date_field: str | None = None
    #: a staff-defined kind's report sentence (``core.sections.Binding``), when it has one
    binding: object = None
    #: a stock counted on a day (``stock(year, month)``: the records at the end of ``month``),
    #: for figures of part of a year that are not a sum of dated records
    stock: Callable | None = None
    #: a figure of what stands on a day (members, member organisations): over several years
    #: (a term) it is the last year's, where a count of what happened adds the years up
    at_end: bool = False
    #: the union whose own kind this figure counts (its dashboards alone show it); None: every union
    union_id: int | None = None

    def queryset(self, organisation_ids, year, months=YEAR):
        """The records behind the figure of these organisations (``None``: all) in ``year``.

        ``months`` (``Months``) short of the whole year keeps the records dated in them (when
        the measure has a ``date_field``), or counts its ``stock`` at their end (the club's
        members on 30/6, on 30/9); a figure with neither, like the yearly member count, stays
        the year's.
        """
        part = not months.whole
        records = self.stock(year, months.last) if part and self.stock else self.records(year)
        if organisation_ids is not None:
            records = records.filter(**{f"{self.organisation_field}__in": organisation_ids})
        if part and self.date_field:
            records = records.filter(
                **{
                    f"{self.date_field}__month__gte": months.first,
                    f"{self.date_field}__month__lte": months.last,
                }
            )
        return records

    def value(self, organisation_ids, year, months=YEAR):
        records = self.queryset(organisation_ids, year, months)
        return records.aggregate(value=self.aggregate())["value"] or 0

    def values_by_organisation(self, organisation_ids, year, months=YEAR):
        """``{organisation id: value}`` of each organisation's own records (``None``: all), one query."""
        records = self.queryset(organisation_ids, year, months).order_by()
        rows = records.values(self.organisation_field).annotate(value=self.aggregate())
        return {row[self.organisation_field]: row["value"] or 0 for row in rows}


class _Whole(Func):
    """A measure's aggregate over all its records, selected without grouping: the scalar
    subquery ``(SELECT COUNT(…) FROM … WHERE …)`` that ``values()`` puts beside the others."""

    template = "%(expressions)s"
    contains_aggregate = False


def _counts_whole(measure, records) -> bool:
    """Whether the measure's aggregate gives an integer over plain records (no distinct,
    grouping or slice), so that its scalar subquery reads back as ``value()`` would."""
    query = records.query
    if query.distinct or query.group_by is not None or query.is_sliced:
        return False
    resolved = measure.aggregate().resolve_expression(query.chain(), allow_joins=True)
    return isinstance(resolved.output_field, models.IntegerField)


def values(measures, organisation_ids, year, months=YEAR) -> dict:
    """``{code: value}``: each measure's ``value()`` over the same organisations, the integer
    ones in a single query (one scalar subquery each), the others one query each."""
    found = _batched([(measure, year) for measure in measures], organisation_ids, months)
    return {measure.code: amount for measure, amount in zip(measures, found, strict=True)}


def values_by_year(measure, organisation_ids, years, months=YEAR) -> dict:
    """``{year: value}``: the measure's ``value()`` over the same organisations in each of
    ``years``, in a single query when it adds up integers (one scalar subquery a year)."""
    years = list(years)
    found = _batched([(measure, year) for year in years], organisation_ids, months)
    return dict(zip(years, found, strict=True))


def yearly_values(asked, organisation_ids, months=YEAR) -> dict:
    """``{year: {code: value}}``: the ``value()`` of the measures asked for each year (``{year:
    measures}``) over the same organisations, the integer ones of every year in one query."""
    pairs = [(measure, year) for year, measures in asked.items() for measure in measures]
    result = {year: {} for year in asked}
    for (measure, year), amount in zip(
        pairs, _batched(pairs, organisation_ids, months), strict=True
    ):
        result[year][measure.code] = amount
    return result


def _batched(asked, organisation_ids, months) -> list:
    """The value of each ``(measure, year)`` asked, in order: those added up since the counted
    records last changed from the shared cache (``core.generation``), the integer ones of the
    rest in one ``SELECT (…), (…)``, the others one query each."""
    found, parts, params = {}, [], []
    batched = []
    # figures added up earlier in the same read-only request (another panel's) are not asked again
    memo = memo_module.reading()
    keys = {}
    if memo is not None:
        ids = None if organisation_ids is None else frozenset(organisation_ids)
        keys = {i: ("indicators.value", m.code, y, ids, months) for i, (m, y) in enumerate(asked)}
        found = {i: memo[key] for i, key in keys.items() if key in memo}
    shared, kept = _shared_keys(asked, organisation_ids, months, skip=found), {}
    if shared:
        kept = cache.get_many(shared.values())
        found |= {i: kept[key] for i, key in shared.items() if key in kept}
    for index, (measure, year) in enumerate(asked):
        if index in found:
            continue
        records = measure.queryset(organisation_ids, year, months).order_by()
        if not _counts_whole(measure, records):
            found[index] = measure.value(organisation_ids, year, months)
            continue
        whole = records.annotate(_value=_Whole(measure.aggregate())).values("_value")
        sql, sql_params = whole.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(sql_params)
        batched.append(index)
    if batched:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            row = cursor.fetchone()
        found |= {index: int(amount or 0) for index, amount in zip(batched, row, strict=True)}
    if memo is not None:
        memo |= {key: found[index] for index, key in keys.items()}
    if missing := {key: found[i] for i, key in shared.items() if key not in kept}:
        cache.set_many(missing, generation.KEPT_FOR)
    return [found[index] for index in range(len(asked))]


def _shared_keys(asked, organisation_ids, months, skip) -> dict:
    """``{index: key}``: the shared cache's key of each figure asked (but ``skip``), under the
    records generation and today's date (a figure may count what is overdue today)."""
    if not asked or len(skip) == len(asked) or not generation.keeping():
        return {}
    ids = "*" if organisation_ids is None else ",".join(map(str, sorted(organisation_ids)))
    scope = hashlib.sha256(ids.encode()).hexdigest()[:16]
    prefix = f"lienhiep:figure:{generation.current()}:{generation.date_key()}:{scope}"
    return {
        index: f"{prefix}:{measure.code}:{year}:{months.first}-{months.last}"
        for index, (measure, year) in enumerate(asked)
        if index not in skip
    }


def register(measure: Measure) -> Measure:
    if measure.code in MEASURES and MEASURES[measure.code] != measure:
        raise ValueError(f"Measure {measure.code} is registered twice.")
    MEASURES[measure.code] = measure
    return measure


@dataclass(frozen=True)
class Family:
    """Measures defined by records staff keep (``model``): ``prefix`` starts their codes,
    ``measures(record)`` gives a record's measures, ``records()`` the records that have some;
    ``counts`` names the models those measures count (a kind defined tomorrow counts them too:
    ``core.generation``)."""

    prefix: str
    model: type
    records: Callable
    measures: Callable
    counts: tuple = ()

    def find(self, code):
        for record in self.records():
            for measure in self.measures(record):
                if measure.code == code:
                    return measure
        return None

    def all(self):
        return [measure for record in self.records() for measure in self.measures(record)]


FAMILIES: dict = {}


def register_family(family: Family) -> Family:
    FAMILIES[family.prefix] = family
    return family


def measure_for(code):
    """The measure of ``code``: a registered one, else one of a family of staff-defined kinds."""
    if code in MEASURES:
        return MEASURES[code]
    for prefix, family in FAMILIES.items():
        if code.startswith(prefix):
            return family.find(code)
    return None


def all_measures():
    """Every measure: the registered ones and those of the kinds staff defined."""
    return [*MEASURES.values(), *(m for family in FAMILIES.values() for m in family.all())]


@dataclass(frozen=True)
class SubjectKind:
    """Records whose figures are reported one by one (a community project's beneficiaries).

    A reported value names its record in ``subject`` (``community.project:12``); ``plans`` owns
    the screen and the service that report a record's figures, and reads here what it needs:
    the indicators (reported, their code starting with ``prefix``), who sees which records
    (``visible(user)``) and who may report their figures (``may_report(user)``), the organisation a record's values belong to, and the admin URL
    (``path``/``url_name``) it serves the screen at. ``ensure_indicators(Indicator)`` creates the
    kind's reported indicators (its data migration does too; the demo calls it again after a
    flush), and ``demo()`` gives the demo year's figures as ``(record, {code: value}, source)``.
    """

    kind: str
    model: type
    prefix: str
    visible: Callable
    may_report: Callable
    organisation: Callable
    path: str
    url_name: str
    describe: Callable = field(default=str)
    ensure_indicators: Callable | None = None
    demo: Callable | None = None

    def key(self, record) -> str:
        return f"{self.kind}:{record.pk}"


SUBJECTS: dict = {}


def register_subject(kind: SubjectKind) -> SubjectKind:
    if kind.kind in SUBJECTS and SUBJECTS[kind.kind] != kind:
        raise ValueError(f"Subject kind {kind.kind} is registered twice.")
    SUBJECTS[kind.kind] = kind
    return kind
