"""The dashboard's year: the one every panel opens on.

A panel shows the year the user asked for (remembered in the session), else the one last chosen,
else the latest year with records in the organisation's tree — what was done, not the calendar
year, where a union entering its past year finds its figures (issue 19). Every panel asks
``dashboard_year``; none chooses a year of its own.

"Records" are the yearly rows the apps keep (a member count here; a return and a reported value
in ``plans``): each app that keeps such a model registers it with ``register_year_source``.
"""

from datetime import date

from django.utils import timezone

from lienhiep.core import generation
from lienhiep.core.memo import remembered

from .models import MemberCount
from .rules import subtree_ids
from .setup import CHOSEN_YEAR

#: Models with an ``organisation`` and a ``year``: their years are the years with records.
YEAR_SOURCES = [MemberCount]
generation.also_counts(MemberCount)


def register_year_source(model):
    if model not in YEAR_SOURCES:
        YEAR_SOURCES.append(model)
        generation.also_counts(model)  # the latest year is kept under the records generation


def remembered_year(request, year=None):
    """The year asked for, remembered in the session; else the one last chosen (or None)."""
    session = getattr(request, "session", {})
    if year:
        session[CHOSEN_YEAR] = year
        return year
    return session.get(CHOSEN_YEAR)


def latest_year_with_records(organisation, today: date | None = None):
    """The latest year (not after this one) with records in the organisation's tree, in one
    query; this year when there are none."""
    today = today or timezone.localdate()
    ids = subtree_ids(organisation.pk)
    years = [
        model.objects.filter(organisation__in=ids, year__lte=today.year)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
        for model in YEAR_SOURCES
    ]
    return max(years[0].union(*years[1:]), default=today.year)


def dashboard_year(request, organisation, year=None):
    """The year a dashboard panel for ``organisation`` shows (see the module)."""
    if chosen := remembered_year(request, year):
        return chosen
    if organisation is None:
        return timezone.localdate().year
    # every panel of the request asks: the year is read once per request (``core.memo``), and
    # kept in the shared cache until a record changes (``core.generation``)
    key = ("dashboard_year", organisation.pk)
    return remembered(key, lambda: kept_latest_year(organisation))


def kept_latest_year(organisation):
    """``latest_year_with_records`` as the shared cache keeps it since the records changed."""
    return generation.kept(
        "latest-year", (organisation.pk,), lambda: latest_year_with_records(organisation)
    )
