"""The two contest sections of the union's report: figures from the registry, rounds from records."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.sections import Section, paragraph, register
from lienhiep.directory.rules import subtree_ids

from .enums import ContestKind, PrizeLevel, RoundState
from .measures import LEVEL_NAMES
from .models import ContestRound


def _rounds(context, kind, **filters):
    rounds = ContestRound.objects.filter(
        contest__kind=kind, contest__union__in=subtree_ids(context.organisation.pk), **filters
    ).select_related("contest")
    return list(rounds.order_by("number"))


def _in_period(field, context):
    return context.period.dated(field)


def split(context, prefix):
    """``01 giải Nhất, 04 giải Nhì, …`` from the registry's figures by level (empty levels left out)."""
    parts = [
        f"{context.number(f'{prefix}.{level.value}')} {LEVEL_NAMES[level]}"
        for level in PrizeLevel
        if context.value(f"{prefix}.{level.value}")
    ]
    return ", ".join(parts)


def names(rounds):
    return "; ".join(f"{r.contest.name} {r.label}" for r in rounds)


def build_kind(kind):
    def build(context):
        blocks = []
        code = f"contests.{kind}"
        published = _rounds(context, kind, **_in_period("results_published_on", context))
        if published:
            partners = list(dict.fromkeys(p for r in published for p in r.co_organiser_list()))
            entries = _("%(count)s entered") % {"count": context.count(f"{code}_entries")}
            if context.value(f"{code}_authors"):
                entries = _("%(entries)s by %(authors)s") % {
                    "entries": entries,
                    "authors": context.count(f"{code}_authors"),
                }
            if context.target(f"{code}_entries"):
                entries = _("%(count)s (the plan: %(target)s; %(achievement)s)") % {
                    "count": entries,
                    "target": context.target(f"{code}_entries"),
                    "achievement": context.achievement(f"{code}_entries"),
                }
            values = {
                "partners": ", ".join(partners),
                "rounds": names(published),
                "entries": entries,
                "eligible": context.count(f"{code}_eligible"),
                "prizes": context.count(f"{code}_prizes"),
                "split": split(context, f"{code}_prizes"),
            }
            if partners:
                text = _(
                    "Together with %(partners)s, the union organised the %(rounds)s: %(entries)s, "
                    "%(eligible)s eligible; %(prizes)s awarded (%(split)s)."
                )
            else:
                text = _(
                    "The union organised the %(rounds)s: %(entries)s, %(eligible)s eligible; "
                    "%(prizes)s awarded (%(split)s)."
                )
            blocks.append(paragraph(text % values))
            if context.value(f"{code}_forwarded"):
                national = [r.national_round for r in published if r.national_round]
                values = {
                    "national": "; ".join(national) or _("the national round"),
                    "forwarded": context.count(f"{code}_forwarded"),
                    "prizes": context.count(f"{code}_national_prizes"),
                    "split": split(context, f"{code}_national_prizes"),
                }
                if context.value(f"{code}_national_prizes"):
                    text = _(
                        "At the %(national)s the province entered %(forwarded)s and won "
                        "%(prizes)s (%(split)s)."
                    )
                else:
                    text = _("The province entered %(forwarded)s at the %(national)s.")
                blocks.append(paragraph(text % values))
        for round in _rounds(context, kind, **_in_period("yearbook_sent_on", context)):
            blocks.append(
                paragraph(
                    _("The yearbook of the %(round)s was published and sent to its winners.")
                    % {"round": f"{round.contest.name} {round.label}"}
                )
            )
        launched = _rounds(context, kind, **_in_period("launch_date", context))
        for round in (
            r for r in launched if r.state != RoundState.DRAFT
        ):  # a draft is not launched
            values = {
                "round": f"{round.contest.name} {round.label}",
                "partners": ", ".join(round.co_organiser_list()),
            }
            if values["partners"]:
                text = _("Together with %(partners)s, the union launched the %(round)s.")
            else:
                text = _("The union launched the %(round)s.")
            blocks.append(paragraph(text % values))
        return blocks

    return build


register(
    Section(
        "contests.technical",
        20,
        gettext_lazy("Technical innovation contest"),
        build_kind(ContestKind.TECHNICAL),
    )
)
register(
    Section(
        "contests.youth",
        30,
        gettext_lazy("Youth and children's creativity contest"),
        build_kind(ContestKind.YOUTH),
    )
)
