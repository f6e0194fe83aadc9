"""Sections of the union's report on its organisation: the club, the member associations by
bloc, and the organisation itself (member organisations, members, admissions, congresses); the
sentence on yearly returns is the plans app's section (``plans/report.py``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from lienhiep.core.formatting import format_count, format_date
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
        congress_date__year=context.year,
        congress_date__month__lte=context.months,
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


def build_blocs(context):
    """Each bloc's member associations, their members and their activities in the report's months."""
    tree = subtree_ids(context.organisation.pk)
    associations = list(
        Organisation.objects.filter(
            pk__in=tree, kind=OrganisationKind.MEMBER_ASSOCIATION, bloc__isnull=False
        ).select_related("bloc")
    )
    if not associations:
        return []
    ids = [o.pk for o in associations]
    members = context.values_by_organisation("directory.members", ids)
    activities = context.values_by_organisation("activities.member_activities", ids)
    blocs = {}
    for organisation in associations:
        blocs.setdefault(organisation.bloc, []).append(organisation)
    lines = []
    for bloc in sorted(blocs, key=lambda b: (b.order, b.name)):
        group = blocs[bloc]
        lines.append(
            _("%(bloc)s: %(associations)s, %(members)s; %(activities)s")
            % {
                "bloc": bloc.name,
                "associations": format_count(len(group), pgettext("unit", "associations")),
                "members": format_count(
                    int(sum(members.get(o.pk, 0) for o in group)), pgettext("unit", "members")
                ),
                "activities": _activities(sum(activities.get(o.pk, 0) for o in group)),
            }
        )
    return [
        paragraph(_("The member associations by bloc, with their activities in the year:")),
        bullets(lines),
    ]


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
        "members": context.count("directory.members"),
    }
    blocks = [paragraph(text)]
    admitted = context.records("directory.admitted")
    if context.value("directory.admitted"):
        blocks.append(
            paragraph(
                _("In the year the union admitted %(count)s: %(names)s.")
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
register(
    Section(
        "directory.blocs", 80, gettext_lazy("The member associations' work by bloc"), build_blocs
    )
)
register(
    Section(
        "directory.organisation",
        100,
        gettext_lazy("Strengthening and developing the organisation"),
        build_organisation,
    )
)
