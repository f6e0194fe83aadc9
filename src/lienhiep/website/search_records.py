"""What the site search finds besides pages: member associations, contest winners, the honoured.

Only what the public pages already show: active members of the union, winners of rounds whose
results are published, intellectuals of decided honouring rounds. Each result is a ``Found``.
"""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lienhiep.core.formatting import fold


@dataclass
class Found:
    kind: str
    title: str
    lead: str
    date: date | None
    url: str


def search_records(query, limit=50, name_rule=None):
    """``name_rule``: a function giving how the site shows winners who did not consent to
    publishing (the privacy settings of the site searched; each union's own when not given)."""
    phrase = " ".join(fold(query).split())
    if not phrase:
        return []
    found = members(phrase) + winners(phrase, name_rule) + honoured(phrase)
    return found[:limit]


def members(phrase):
    from lienhiep.directory.enums import MEMBER_KINDS, OrganisationStatus
    from lienhiep.directory.models import Organisation
    from lienhiep.directory.setup import default_union

    union = default_union()
    rows = Organisation.objects.filter(
        parent=union,
        kind__in=MEMBER_KINDS,
        status=OrganisationStatus.ACTIVE,
        search_text__contains=phrase,
    )
    return [
        Found(
            kind=_("Member association"),
            title=org.name,
            lead=org.address,
            date=org.admission_decision_date or org.founding_decision_date,
            url=org.website,
        )
        for org in rows[:50]
    ]


def winners(phrase, name_rule=None):
    from lienhiep.contests.enums import RESULT_STATES
    from lienhiep.contests.models import Entry
    from lienhiep.contests.publication import authors_line, rule_for, shows_photo

    entries = list(
        Entry.objects.filter(round__state__in=RESULT_STATES)
        .exclude(prize="")
        .select_related("round__contest")
        .prefetch_related("authors")
    )
    rules = {}
    for entry in entries:  # names as the authors consented to (``contests.publication``)
        union = entry.round.contest.union_id
        if union not in rules and not shows_photo(entry):  # someone did not consent
            rules[union] = name_rule() if name_rule else rule_for(entry.round)
        entry.public_authors = authors_line(entry, rules.get(union))
    return [
        Found(
            kind=_("Contest winner"),
            title=entry.title,
            lead=f"{entry.get_prize_display()}, {entry.round} – {authors(entry)}",
            date=entry.round.results_published_on,
            url=reverse("contest_round", args=[entry.round.slug]) + f"#{entry.code}",
        )
        for entry in entries
        if phrase in fold(f"{entry.title} {authors(entry)} {entry.entering_unit}")
    ]


def authors(entry):
    return entry.public_authors


def honoured(phrase):
    from lienhiep.honours.enums import RoundState
    from lienhiep.honours.models import Nomination

    nominations = Nomination.objects.filter(
        honoured=True, round__state=RoundState.DECIDED
    ).select_related("nominee", "round")
    page = honours_page()
    return [
        Found(
            kind=_("Honoured intellectual"),
            title=nomination.nominee.honorific,
            lead=f"{nomination.nominee.field_of_expertise} – {nomination.round}",
            date=nomination.round.decision_date,
            url=f"{page}#honours-{nomination.round_id}" if page else "",
        )
        for nomination in nominations
        if phrase in fold(f"{nomination.nominee.full_name} {nomination.nominee.field_of_expertise}")
    ]


def honours_page():
    from .models import HonoursIndexPage

    page = HonoursIndexPage.objects.live().public().first()
    return page.url if page else ""
