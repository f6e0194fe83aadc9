"""Reusable querysets of the public site, each read in one query."""

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
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


def site_root(request):
    """The tree path of the home page of the site ``request`` is on (one hosted union's)."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return site.root_page.path if site else None


def within(pages, root):
    """``pages`` under the home page whose tree path is ``root``: one union's site only."""
    return pages.filter(path__startswith=root) if root is not None else pages.none()


def latest_news(root=None):
    """The newest public articles, of the site whose home page's path is ``root`` if given."""
    news = public(NewsArticlePage.objects.live())
    news = within(news, root) if root is not None else news
    return news.select_related("category").order_by("-date", "-pk")


def related_news(article, tag_ids, root=None):
    """Articles sharing tags or the category, those sharing most first, then newest first."""
    shared = Count("tagged_items", filter=Q(tagged_items__tag__in=tag_ids), distinct=True)
    same = Case(When(category=article.category_id, then=1), default=0) if article.category_id else 0
    related = latest_news(root).exclude(pk=article.pk).annotate(shared=shared, same=Value(0) + same)
    return related.filter(Q(shared__gt=0) | Q(same=1)).order_by(
        (F("shared") + F("same")).desc(), "-date", "-pk"
    )


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


def upcoming_activities(union_id=None):
    """Planned activities to come; those organised within ``union_id``'s tree when given."""
    from lienhiep.activities.enums import ActivityState
    from lienhiep.activities.models import Activity
    from lienhiep.directory.rules import subtree

    planned = Activity.objects.filter(
        state=ActivityState.PLANNED, start_date__gte=timezone.localdate()
    )
    if union_id is not None:
        planned = planned.filter(organiser_id__in=subtree(union_id))
    return planned.order_by("start_date").select_related("kind")


def union_of_home(home_path):
    """The union of the site whose home page has the tree path ``home_path``, as a subquery."""
    from .models import HomePage

    return Subquery(HomePage.objects.filter(path=home_path).values("organisation_id")[:1])


def public_contests(union=None):
    """Contests with their public rounds, newest first; published rounds carry their winners.
    ``union`` (an id or a subquery): that union's contests only."""
    from django.db.models import Prefetch

    from lienhiep.contests.enums import PUBLIC_STATES
    from lienhiep.contests.models import Contest, ContestRound, Entry

    winners = Entry.objects.exclude(prize="").select_related("field").prefetch_related("authors")
    rounds = ContestRound.objects.filter(state__in=PUBLIC_STATES).order_by("-launch_date")
    rounds = rounds.prefetch_related(Prefetch("entries", winners, to_attr="awarded"))
    contests = Contest.objects.filter(rounds__state__in=PUBLIC_STATES).distinct()
    if union is not None:
        contests = contests.filter(union_id=union)
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


def honoured_rounds(union=None):
    """The decided honouring rounds with the intellectuals they honoured (``union``'s only)."""
    from django.db.models import Prefetch

    from lienhiep.honours.enums import RoundState
    from lienhiep.honours.models import HonourRound, Nomination

    honoured = Nomination.objects.filter(honoured=True).select_related(
        "nominee", "nominee__workplace"
    )
    rounds = HonourRound.objects.filter(state=RoundState.DECIDED)
    if union is not None:
        rounds = rounds.filter(union_id=union)
    return list(
        rounds.prefetch_related(
            Prefetch("nominations", honoured.order_by("nominee__sort_key"), to_attr="honoured")
        )
    )


#: the size of a picture on a news card (and of the featured article's, twice as large)
CARD_PICTURE = "fill-480x270"
FEATURED_PICTURE = "fill-960x540"


def with_pictures(articles):
    """The articles, each with ``picture``: its first image, else its category's (or ``None``).

    Two queries whatever the number (the images and their renditions); the body is read as it
    is stored, so no article loads its images one by one.
    """
    from wagtail.images import get_image_model

    wanted = {
        article.pk: article.first_image_id
        or (article.category.picture_id if article.category_id else None)
        for article in articles
    }
    images = get_image_model().objects.filter(pk__in={pk for pk in wanted.values() if pk})
    found = {i.pk: i for i in images.prefetch_renditions(CARD_PICTURE, FEATURED_PICTURE)}
    for article in articles:
        article.picture = found.get(wanted[article.pk])
    return articles


def home_articles(settings, root=None, count=6):
    """The featured article (the editors' choice if it is live and public, else the latest) and
    the ``count`` latest others, in one query; of the site whose home page's path is ``root``."""
    news = latest_news(root)
    chosen = settings.featured_article_id
    if not chosen:
        rows = list(news[: count + 1])
        return (rows[0] if rows else None), rows[1:]
    others = news.exclude(pk=chosen).values("pk")[:count]
    rows = list(news.filter(Q(pk=chosen) | Q(pk__in=Subquery(others))))
    featured = next((a for a in rows if a.pk == chosen), None)
    rest = [a for a in rows if a.pk != chosen]
    if featured is None:  # unpublished or restricted since it was chosen
        featured, rest = (rest[0] if rest else None), rest[1:]
    return featured, rest


def open_call(union_id=None):
    """The contest round taking entries now (the one whose deadline comes first); of
    ``union_id``'s contests when given."""
    from lienhiep.contests.enums import OPEN_FOR_ENTRIES
    from lienhiep.contests.models import ContestRound

    today = timezone.localdate()
    rounds = ContestRound.objects.filter(
        state__in=OPEN_FOR_ENTRIES, launch_date__lte=today, entry_deadline__gte=today
    )
    if union_id is not None:
        rounds = rounds.filter(contest__union_id=union_id)
    return rounds.select_related("contest").order_by("entry_deadline").first()


def latest_journal_issue(root=None):
    """The latest public journal issue, of the site whose home page's path is ``root`` if given."""
    from .models import JournalIssuePage

    issues = public(JournalIssuePage.objects.live())
    issues = within(issues, root) if root is not None else issues
    return issues.order_by("-year", "-number").first()
