"""What the site search finds besides pages: member associations, contest winners, the honoured.

Only what the public pages already show: active members of the union, winners of rounds whose
results are published, intellectuals of decided honouring rounds. Each result is a ``Found``.
On an installation hosting several unions, each site finds only its own union's records.
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


def search_records(query, limit=50, name_rule=None, site_root=None):
    """``name_rule``: a function giving how the site shows winners who did not consent to
    publishing (the privacy settings of the site searched; each union's own when not given).
    ``site_root``: the tree path of the searched site's home page; its union's records only
    (the default union's when not given)."""
    phrase = " ".join(fold(query).split())
    if not phrase:
        return []
    union = union_of(site_root)
    found = members(phrase, union) + published_records(phrase, name_rule, union, site_root)
    return found[:limit]


def published_records(phrase, name_rule, union, site_root):
    """The winners and the honoured: what only a publish changes (``public_content_changed``)."""
    return winners(phrase, name_rule, union) + honoured(phrase, union, site_root)


def union_of(site_root):
    """The id of the union whose site's home page has the tree path ``site_root``."""
    from lienhiep.directory.models import Organisation

    from .models import HomePage

    if site_root is None:
        return Organisation.objects.filter(is_default=True).values_list("pk", flat=True).first()
    home = HomePage.objects.filter(path=site_root).values_list("organisation_id", flat=True)
    return home.first()


def members(phrase, union):
    from lienhiep.directory.enums import MEMBER_KINDS, OrganisationStatus
    from lienhiep.directory.models import Organisation

    rows = Organisation.objects.filter(
        parent_id=union,
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


def winners(phrase, name_rule=None, union=None):
    from lienhiep.contests.enums import RESULT_STATES
    from lienhiep.contests.models import Entry
    from lienhiep.contests.publication import authors_line, rule_for, shows_photo

    entries = list(
        Entry.objects.filter(round__state__in=RESULT_STATES, round__contest__union_id=union)
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


def honoured(phrase, union=None, site_root=None):
    from lienhiep.honours.enums import RoundState
    from lienhiep.honours.models import Nomination

    nominations = Nomination.objects.filter(
        honoured=True, round__state=RoundState.DECIDED, round__union_id=union
    ).select_related("nominee", "round")
    page = honours_page(site_root)
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


def honours_page(site_root=None):
    from .models import HonoursIndexPage
    from .queries import within

    pages = HonoursIndexPage.objects.live().public()
    page = (within(pages, site_root) if site_root else pages).first()
    return page.url if page else ""
