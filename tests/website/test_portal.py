"""The portal's home: the featured article the editors chose, pictures on every card."""

import pytest

from lienhiep.website import queries
from lienhiep.website.models import NewsArticlePage, NewsCategory, SiteSettings

pytestmark = pytest.mark.django_db


def test_the_featured_article_is_the_editors_choice_else_the_latest(demo):
    settings = SiteSettings.objects.get()
    chosen = settings.featured_article
    featured, latest = queries.home_articles(settings)
    newest = list(queries.latest_news().exclude(pk=chosen.pk)[:6])
    assert (featured, latest) == (chosen, newest)

    chosen.unpublish()  # an unpublished choice gives way to the latest article
    featured, latest = queries.home_articles(SiteSettings.objects.get())
    assert featured == newest[0] and latest == newest[1:]

    settings.featured_article = None
    featured, latest = queries.home_articles(settings)
    assert [featured, *latest] == newest + list(queries.latest_news()[6:7])


def test_a_card_shows_the_articles_first_image_else_its_categorys(demo, django_assert_num_queries):
    with_image = next(a for a in queries.latest_news() if a.first_image_id)
    without = (
        queries.latest_news().filter(category=with_image.category).exclude(pk=with_image.pk)[0]
    )
    category = NewsCategory.objects.get(pk=with_image.category_id)
    articles = [
        NewsArticlePage.objects.select_related("category").get(pk=a.pk)
        for a in (with_image, without)
    ]
    with django_assert_num_queries(2):  # the images, their renditions
        queries.with_pictures(articles)
    assert articles[0].picture.pk == with_image.first_image_id != category.picture_id
    assert articles[1].picture.pk == category.picture_id
    category.picture = None
    category.save()
    bare = NewsArticlePage.objects.select_related("category").get(pk=without.pk)
    assert queries.with_pictures([bare])[0].picture is None
