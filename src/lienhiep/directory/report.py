"""Sections of the union's report on its organisation: the club, the member associations by
bloc, and the organisation itself (member organisations, members, admissions, congresses); the
sentence on yearly returns is the plans app's section (``plans/report.py``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from lienhiep.core.formatting import format_count, format_date, format_money_short
from lienhiep.core.sections import Section, bullets, paragraph, register

from .enums import OrganisationKind
from .models import Organisation, Term
from .rules import subtree_ids


def club_congresses(context):
    """The sentences on the congresses the union's clubs held in the report's months (a club's
    term is reported with the club, not with the member associations' congresses)."""
    terms = Term.objects.filter(
        organisation__in=subtree_ids(context.organisation.pk),
        organisation__kind=OrganisationKind.CLUB,
        **context.period.dated("congress_date"),
    ).select_related("organisation")
    return [
        paragraph(
            _("%(club)s held the congress of its %(term)s on %(day)s.")
            % {
                "club": term.organisation.name,
                "day": format_date(term.congress_date),
                "term": term.label,
            }
        )
        for term in terms.order_by("congress_date", "pk")
    ]


def build_club(context):
    congresses = club_congresses(context)
    if not (context.value("directory.club_members") or context.value("activities.club_sessions")):
        return congresses
    plan = ""
    if context.target("activities.club_sessions"):
        plan = _(" (the plan: %(target)s; %(achievement)s)") % {
            "target": context.target("activities.club_sessions"),
            "achievement": context.achievement("activities.club_sessions"),
        }
    text = _(
        "The intellectuals' club held %(sessions)s of thematic sessions%(plan)s; it admitted "
        "%(new)s new and had %(members)s at %(end)s."
    ) % {
        "end": context.period_end,
        "sessions": context.count("activities.club_sessions"),
        "plan": plan,
        "new": context.count("directory.new_club_members"),
        "members": context.count("directory.club_members"),
    }
    records = context.records("activities.club_sessions")
    titles = [a.title for a in records.order_by("start_date", "pk")] if records is not None else []
    return [paragraph(text), bullets(titles), *congresses]


def _activities(count):
    """``03 hoạt động``, or that none is recorded (never ``00 hoạt động``)."""
    if not count:
        return _("no activity recorded")
    return format_count(int(count), pgettext("unit", "activities"))


def _by_bloc(associations):
    """``[(bloc, [association, …]), …]`` in the blocs' order; the associations without a bloc
    last (``bloc`` ``None``)."""
    groups = {}
    for organisation in associations:
        groups.setdefault(organisation.bloc, []).append(organisation)
    return sorted(groups.items(), key=lambda g: (g[0] is None, g[0] and (g[0].order, g[0].name)))


def bloc_summary(context, associations):
    """Each bloc's member associations, their members and their activities in the report's months."""
    ids = [o.pk for o in associations]
    members = context.values_by_organisation("directory.members", ids)
    activities = context.values_by_organisation("activities.member_activities", ids)
    lines = [
        _("%(bloc)s: %(associations)s, %(members)s; %(activities)s")
        % {
            "bloc": bloc.name,
            "associations": format_count(len(group), pgettext("unit", "associations")),
            "members": format_count(
                int(sum(members.get(o.pk, 0) for o in group)), pgettext("unit", "members")
            ),
            "activities": _activities(sum(activities.get(o.pk, 0) for o in group)),
        }
        for bloc, group in _by_bloc(associations)
        if bloc is not None
    ]
    if not lines:
        return []
    return [
        paragraph(_("The member associations by bloc, with their activities in the year:")),
        bullets(lines),
    ]


#: What an accepted yearly return reports, each a figure of the indicator registry.
RETURN_FIGURES = {
    "plans.research_projects": gettext_lazy("%(figure)s applied"),
    "plans.technology_transfers": "%(figure)s",
    "plans.charity": gettext_lazy("%(figure)s for charity"),
}


def _in_words(context, code, value):
    """A figure of one association as reports write it: ``02 đề tài``, ``50 triệu đồng``."""
    figure = context.figure(code)
    if figure.is_money:
        return format_money_short(value)
    return format_count(int(value), figure.indicator.unit)


def returns_reported(context, associations):
    """What the member associations' accepted yearly returns report: the totals in a sentence,
    then each association's figures and its highlights (by bloc when there are blocs)."""
    accepted = context.records("plans.returns_accepted")
    if accepted is None or not context.value("plans.returns_accepted"):
        return []
    ids = [o.pk for o in associations]
    returns = {r.organisation_id: r for r in accepted.filter(organisation__in=ids)}
    figures = {
        code: context.values_by_organisation(code, ids)
        for code in RETURN_FIGURES
        if context.figure(code)
    }
    totals = [
        str(RETURN_FIGURES[code]) % {"figure": context.count(code)}
        for code in figures
        if context.value(code)
    ]
    text = _("The member organisations' %(count)s accepted report %(what)s.") % {
        "count": context.count("plans.returns_accepted"),
        "what": ", ".join(totals) if totals else _("no research, transfer or charity"),
    }
    blocks = [paragraph(text)]
    groups = _by_bloc(o for o in associations if o.pk in returns)
    for bloc, group in groups:
        if bloc is not None or len(groups) > 1:
            blocks.append(paragraph(bloc.name if bloc else _("Associations outside the blocs")))
        for organisation in group:
            parts = [
                str(RETURN_FIGURES[code])
                % {"figure": _in_words(context, code, values[organisation.pk])}
                for code, values in figures.items()
                if values.get(organisation.pk)
            ]
            text = f"{organisation.name}:"
            if parts:
                text = _("%(association)s: %(what)s.") % {
                    "association": organisation.name,
                    "what": ", ".join(parts),
                }
            blocks.append(paragraph(text))
            blocks.append(bullets(highlights(returns[organisation.pk].activities)))
    return blocks


def highlights(text, most=3):
    """The first lines of what an association wrote of its own activities."""
    lines = [line.strip(" -•\t") for line in (text or "").splitlines()]
    return [line for line in lines if line][:most]


def build_blocs(context):
    """The member associations: each bloc's figures, and what their accepted returns report."""
    associations = list(
        Organisation.objects.filter(
            pk__in=subtree_ids(context.organisation.pk), kind=OrganisationKind.MEMBER_ASSOCIATION
        )
        .select_related("bloc")
        .order_by("sort_key")
    )
    if not associations:
        return []
    return [*bloc_summary(context, associations), *returns_reported(context, associations)]


def members_in_all(context):
    """``12.436 hội viên``, and the members of the organisations counted apart stated apart:
    ``12.436 hội viên (chưa tính 25.000 hội viên Hội Khuyến học tỉnh)``."""
    members = context.count("directory.members")
    if not context.value("directory.members_counted_apart"):
        return members
    counts = context.records("directory.members_counted_apart").select_related("organisation")
    names = [c.organisation.name for c in counts.order_by("organisation__sort_key")]
    return members + _(" (not counting %(count)s of %(names)s)") % {
        "count": context.count("directory.members_counted_apart"),
        "names": ", ".join(names),
    }


def build_organisation(context):
    text = _(
        "At %(end)s the union had %(organisations)s (%(associations)s and "
        "%(collectives)s) and %(units)s, with %(members)s in all."
    ) % {
        "end": context.period_end,
        "organisations": context.count("directory.member_organisations"),
        "associations": context.count("directory.member_associations"),
        "collectives": context.count("directory.collective_members"),
        "units": context.count("directory.subordinate_units"),
        "members": members_in_all(context),
    }
    blocks = [paragraph(text)]
    admitted = context.records("directory.admitted")
    if context.value("directory.admitted"):
        admitted_in = (
            _("During the term the union admitted %(count)s: %(names)s.")
            if context.period.is_term
            else _("In the year the union admitted %(count)s: %(names)s.")
        )
        blocks.append(
            paragraph(
                admitted_in
                % {
                    "count": context.count("directory.admitted"),
                    "names": ", ".join(o.name for o in admitted.order_by("sort_key")),
                }
            )
        )
    if context.value("directory.congresses"):
        terms = context.records("directory.congresses").select_related("organisation")
        blocks.append(
            paragraph(
                _("%(count)s held their congress: %(names)s.")
                % {
                    "count": format_count(
                        int(context.value("directory.congresses")), pgettext("unit", "associations")
                    ),
                    "names": ", ".join(
                        t.organisation.name for t in terms.order_by("congress_date")
                    ),
                }
            )
        )
    return blocks


register(Section("directory.club", 60, gettext_lazy("The intellectuals' club"), build_club))
register(Section("directory.blocs", 80, gettext_lazy("The member associations' work"), build_blocs))
register(
    Section(
        "directory.organisation",
        100,
        gettext_lazy("Strengthening and developing the organisation"),
        build_organisation,
    )
)
