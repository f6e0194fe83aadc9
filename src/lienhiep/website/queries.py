from django.db.models import Case, Count, F, Q, Value, When
from django.utils import timezone

from .models import NewsArticlePage


def latest_news():
    return NewsArticlePage.objects.live().public().order_by("-date", "-pk")


def related_news(article):
    """Articles sharing tags or the category, those sharing most first, then newest first."""
    tags = list(article.tags.values_list("pk", flat=True))
    shared = Count("tagged_items", filter=Q(tagged_items__tag__in=tags), distinct=True)
    same = Case(When(category=article.category_id, then=1), default=0) if article.category_id else 0
    related = latest_news().exclude(pk=article.pk).annotate(shared=shared, same=Value(0) + same)
    return related.filter(Q(shared__gt=0) | Q(same=1)).order_by(
        (F("shared") + F("same")).desc(), "-date", "-pk"
    )


def neighbours(article):
    siblings = latest_news().child_of(article.get_parent())
    previous = siblings.filter(
        Q(date__lt=article.date) | Q(date=article.date, pk__lt=article.pk)
    ).first()
    following = (
        siblings.filter(Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk))
        .order_by("date", "pk")
        .first()
    )
    return previous, following


def upcoming_activities():
    from lienhiep.activities.enums import ActivityState
    from lienhiep.activities.models import Activity

    return (
        Activity.objects.filter(state=ActivityState.PLANNED, start_date__gte=timezone.localdate())
        .order_by("start_date")
        .select_related("kind")
    )


def public_contests():
    """Contests with their public rounds, newest first; published rounds carry their winners."""
    from django.db.models import Prefetch

    from lienhiep.contests.enums import PUBLIC_STATES
    from lienhiep.contests.models import Contest, ContestRound, Entry

    winners = Entry.objects.exclude(prize="").select_related("field").prefetch_related("authors")
    rounds = ContestRound.objects.filter(state__in=PUBLIC_STATES).order_by("-launch_date")
    rounds = rounds.prefetch_related(Prefetch("entries", winners, to_attr="awarded"))
    contests = Contest.objects.filter(rounds__state__in=PUBLIC_STATES).distinct()
    contests = list(
        contests.order_by("name").prefetch_related(
            Prefetch("rounds", rounds, to_attr="public_rounds")
        )
    )
    for contest in contests:
        for round in contest.public_rounds:
            round.winners = round_winners(round)
    return contests


def round_winners(round):
    """The round's winners, highest prize first, once its results are published."""
    from lienhiep.contests.enums import LEVELS, RESULT_STATES

    if round.state not in RESULT_STATES:
        return []
    order = {level.value: index for index, level in enumerate(LEVELS)}
    return sorted(round.awarded, key=lambda entry: (order[entry.prize], entry.code))


def honoured_rounds():
    """The decided honouring rounds with the intellectuals they honoured."""
    from django.db.models import Prefetch

    from lienhiep.honours.enums import RoundState
    from lienhiep.honours.models import HonourRound, Nomination

    honoured = Nomination.objects.filter(honoured=True).select_related(
        "nominee", "nominee__workplace"
    )
    return list(
        HonourRound.objects.filter(state=RoundState.DECIDED).prefetch_related(
            Prefetch("nominations", honoured.order_by("nominee__sort_key"), to_attr="honoured")
        )
    )
