"""The year a figures screen shows: asked for (and remembered), else the one last chosen, else
the latest year with records in the login's organisation — the dashboard's rule
(``directory.years.dashboard_year``), so no figures screen opens on an empty calendar year.

Every screen that shows figures has the same year selector (``plans/_year_choice.html``, the
dashboard's control); the year chosen on one screen is the one the next screen opens on.
"""

from django.http import Http404

from lienhiep.directory.rules import own_organisation
from lienhiep.directory.setup import CHOSEN_YEAR
from lienhiep.directory.years import dashboard_year

FIRST_YEAR, LAST_YEAR = 2000, 2100


def asked_year(request):
    """``?year=`` (or the posted year), remembered in the session; else the dashboard's year
    for the login's organisation. A year that is not a number, or out of range, answers 404."""
    asked = request.GET.get("year") or request.POST.get("year")
    if not asked:
        return dashboard_year(request, own_organisation(request.user))
    try:
        year = int(asked)
    except ValueError:
        raise Http404 from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    request.session[CHOSEN_YEAR] = year
    return year


def year_choice(request, year, **keep):
    """The context of the year selector: the year shown and the query values it keeps."""
    return {"year": year, "keep": {k: v for k, v in keep.items() if v not in (None, "")}}
