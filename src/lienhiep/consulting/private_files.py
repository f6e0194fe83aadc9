"""A case's scheme documents, its critique report and its experts' opinions are private
(``rules``): the panel's experts read the scheme on their case page."""

from django.db.models import Q

from lienhiep.core import private
from lienhiep.directory.rules import can_read

from . import rules
from .enums import SHARED_STATES
from .models import Case, Opinion


def opinions_for(user):
    """Every opinion of the cases a user reads (staff, leaders), or an expert's own opinions and
    the others' on their panels once shared; ``rules.opinions_for`` for any number of cases."""
    cases = rules.cases_for(user)
    if can_read(user):
        return Opinion.objects.filter(case__in=cases)
    person = rules.person_of(user)
    return Opinion.objects.filter(case__in=cases).filter(
        Q(expert=person) | Q(case__state__in=SHARED_STATES)
    )


private.register(Case, "report_file", "scheme_file", "scheme_annex", visible=rules.cases_for)
private.register(Opinion, "file", visible=opinions_for, personal=lambda opinion: opinion)
