from django.db.models import Q
from django.utils import timezone

from .models import NewsArticlePage


def latest_news():
    return NewsArticlePage.objects.live().public().order_by("-date", "-pk")


def related_news(article):
    """Articles of the same category or sharing a tag, newest first."""
    tags = list(article.tags.values_list("pk", flat=True))
    condition = Q(tagged_items__tag__in=tags) if tags else Q(pk__in=[])
    if article.category_id:
        condition |= Q(category=article.category_id)
    related = latest_news().filter(condition).exclude(pk=article.pk)
    return NewsArticlePage.objects.filter(pk__in=related.values("pk")).order_by("-date", "-pk")


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
