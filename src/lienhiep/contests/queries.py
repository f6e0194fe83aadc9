"""The read side of contests: candidates, rankings, winners, the prize structure, figures."""

from dataclasses import dataclass
from statistics import fmean, pstdev

from django.db.models import Count, Q

from .enums import LEVELS, PrizeLevel, Stage
from .models import Assignment, Entry


def has_scores(round):
    """Whether any judge has scored an entry of the round (prizes are approved only then)."""
    return Assignment.objects.filter(entry__round=round, total__isnull=False).exists()


def candidates(round, stage):
    """The entries to be judged at ``stage``: eligible ones, and only finalists in the final."""
    entries = round.entries.filter(eligible=True)
    return entries.filter(finalist=True) if stage == Stage.FINAL else entries


@dataclass
class Ranked:
    entry: Entry
    scores: int
    mean: float | None
    normalised: float | None
    rank: int = 0


def _totals(round, stage):
    return list(
        Assignment.objects.filter(
            entry__round=round, stage=stage, conflict=False, total__isnull=False
        ).values_list("entry_id", "judge_id", "total")
    )


def _normaliser(rows):
    """Standardise each judge's totals against their own mean and spread, then bring them back
    to the points scale of the whole stage."""
    by_judge = {}
    for _entry_id, judge_id, total in rows:
        by_judge.setdefault(judge_id, []).append(float(total))
    every = [float(total) for _e, _j, total in rows]
    centre, spread = (fmean(every), pstdev(every)) if every else (0.0, 0.0)
    judge_stats = {j: (fmean(t), pstdev(t)) for j, t in by_judge.items()}

    def normalised(pairs):
        z = [
            (t - judge_stats[j][0]) / judge_stats[j][1] if judge_stats[j][1] else 0.0
            for j, t in pairs
        ]
        return centre + spread * fmean(z)

    return normalised


def ranking(round, stage=None):
    """Every candidate of the stage with its judges' mean and the mean of normalised scores.

    A strict judge and a lenient one count alike in the normalised mean. Returns
    ``{field: [Ranked, …]}`` ordered by the round's ranking key; three queries.
    """
    stage = stage or round.final_stage
    rows = _totals(round, stage)
    by_entry = {}
    for entry_id, judge_id, total in rows:
        by_entry.setdefault(entry_id, []).append((judge_id, float(total)))
    normalised = _normaliser(rows)
    fields = {f.pk: f for f in round.fields.all()}
    result = {f: [] for f in fields.values()}
    for entry in candidates(round, stage).order_by("code"):
        pairs = by_entry.get(entry.pk, [])
        result[fields[entry.field_id]].append(
            Ranked(
                entry=entry,
                scores=len(pairs),
                mean=fmean(t for _j, t in pairs) if pairs else None,
                normalised=normalised(pairs) if pairs else None,
            )
        )
    key = ranking_key(round)
    for ranked in result.values():
        ranked.sort(key=key)
        for position, row in enumerate(ranked, start=1):
            row.rank = position if row.mean is not None else 0
    return result


def ranking_key(round):
    first, second = ("normalised", "mean") if round.rank_by_normalised else ("mean", "normalised")
    return lambda row: (
        getattr(row, first) is None,
        -(getattr(row, first) or 0),
        -(getattr(row, second) or 0),
        row.entry.code,
    )


def structure(round):
    """``{level: count}`` of the round's prize structure, every level present."""
    counts = dict.fromkeys(LEVELS, 0)
    counts.update({PrizeLevel(p.level): p.count for p in round.prizes.all()})
    return counts


def awarded(round):
    """``{level: number of entries holding it}`` (levels nobody holds are left out)."""
    return dict(
        round.entries.exclude(prize="").values_list("prize").annotate(n=Count("pk")).order_by()
    )


def unscored(round):
    """Assignments of the round's final stage still waiting for their judge's points."""
    return Assignment.objects.filter(
        entry__round=round, stage=round.final_stage, conflict=False, total__isnull=True
    ).count()


def winners(round):
    """The awarded entries, highest prize first, with authors and files in two more queries."""
    order = {level.value: index for index, level in enumerate(LEVELS)}
    entries = list(
        round.entries.exclude(prize="").select_related("field").prefetch_related("authors", "files")
    )
    return sorted(entries, key=lambda e: (order[e.prize], e.code))


@dataclass
class RoundFigures:
    entries: int
    eligible: int
    by_field: list  # [(field name, entries, eligible)]
    prizes: dict  # {PrizeLevel: count}
    forwarded: int
    national: dict  # {PrizeLevel: count}

    @property
    def prize_total(self):
        return sum(self.prizes.values())

    @property
    def national_total(self):
        return sum(self.national.values())


def round_figures(round):
    """The round's figures, counted from its entries in three queries."""
    by_field = list(
        round.fields.annotate(
            n=Count("entries"), ok=Count("entries", filter=Q(entries__eligible=True))
        ).values_list("name", "n", "ok")
    )
    prizes = dict.fromkeys(LEVELS, 0)
    national = dict.fromkeys(LEVELS, 0)
    forwarded = 0
    for prize, national_prize, sent, n in (
        round.entries.order_by()
        .values_list("prize", "national_prize", "forwarded")
        .annotate(n=Count("pk"))
    ):
        if prize:
            prizes[PrizeLevel(prize)] += n
        if national_prize:
            national[PrizeLevel(national_prize)] += n
        forwarded += n if sent else 0
    return RoundFigures(
        entries=sum(n for _f, n, _o in by_field),
        eligible=sum(o for _f, _n, o in by_field),
        by_field=by_field,
        prizes=prizes,
        forwarded=forwarded,
        national=national,
    )


@dataclass
class JudgingProgress:
    """A judge's work in one round: how many entries they have, scored and still to score."""

    round: object
    assigned: int
    done: int

    @property
    def to_score(self):
        return self.assigned - self.done

    @property
    def percent(self):
        return round(100 * self.done / self.assigned) if self.assigned else 100


def judging_progress(assignments):
    """Progress of ``assignments`` (one judge's) per round, rounds being judged first, then
    the latest (two queries, whatever the number of entries)."""
    from .models import ContestRound

    counts = {
        row["entry__round"]: row
        for row in assignments.order_by()
        .values("entry__round")
        .annotate(
            assigned=Count("pk"), done=Count("pk", filter=Q(total__isnull=False) | Q(conflict=True))
        )
    }
    rounds = ContestRound.objects.filter(pk__in=counts).select_related("contest")
    progress = [JudgingProgress(r, counts[r.pk]["assigned"], counts[r.pk]["done"]) for r in rounds]
    return sorted(
        progress, key=lambda p: (not p.round.scorable, -p.round.entry_deadline.toordinal())
    )
