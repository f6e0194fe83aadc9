"""Reusable querysets of the public site, each read in one query."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction

from .models import NewsArticlePage


def public(pages):
    """``pages`` without those under a view restriction, in the same query.

    Wagtail's ``public()`` reads every restriction in a query of its own each time it is called.
    """
    above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(above))


def latest_news():
    return (
        public(NewsArticlePage.objects.live()).select_related("category").order_by("-date", "-pk")
    )


def related_news(article, tag_ids):
    """Articles of the same category or sharing one of ``tag_ids``, newest first."""
    condition = Q(tagged_items__tag__in=tag_ids) if tag_ids else Q(pk__in=[])
    if article.category_id:
        condition |= Q(category=article.category_id)
    related = latest_news().filter(condition).exclude(pk=article.pk)
    return NewsArticlePage.objects.filter(pk__in=related.values("pk")).order_by("-date", "-pk")


def _before(article):
    return Q(date__lt=article.date) | Q(date=article.date, pk__lt=article.pk)


def _after(article):
    return Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk)


def neighbours(article, parent_path):
    """The articles published just before and just after ``article`` in its index (one query)."""
    siblings = latest_news().filter(path__startswith=parent_path, depth=article.depth)
    previous = siblings.filter(_before(article)).values("pk")[:1]
    following = siblings.filter(_after(article)).order_by("date", "pk").values("pk")[:1]
    found = NewsArticlePage.objects.filter(Q(pk=Subquery(previous)) | Q(pk=Subquery(following)))
    key = (article.date, article.pk)
    by_side = {(page.date, page.pk) < key: page for page in found}
    return by_side.get(True), by_side.get(False)


def upcoming_activities():
    from lienhiep.activities.enums import ActivityState
    from lienhiep.activities.models import Activity

    return (
        Activity.objects.filter(state=ActivityState.PLANNED, start_date__gte=timezone.localdate())
        .order_by("start_date")
        .select_related("kind")
    )
