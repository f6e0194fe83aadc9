"""What a request works out once: figures added up twice in a GET request are asked once."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from lienhiep.core.indicators import MEASURES, values
from lienhiep.core.memo import RequestMemoMiddleware
from lienhiep.directory.rules import subtree_ids

pytestmark = pytest.mark.django_db

CODES = ["directory.members", "directory.member_organisations", "directory.congresses"]


def within(method, work):
    """Run ``work`` inside a request of ``method``, as the middleware opens it."""
    result = []
    request = getattr(RequestFactory(), method.lower())("/admin/")
    RequestMemoMiddleware(lambda request: result.append(work()))(request)
    return result[0]


def test_a_get_request_adds_a_figure_up_once_a_post_every_time(demo, django_assert_num_queries):
    ids = subtree_ids(demo.pk)
    measures = [MEASURES[code] for code in CODES]
    alone = values(measures, ids, 2024)

    def twice():
        first = values(measures[:2], ids, 2024)
        return first, values(measures, ids, 2024)

    cache.clear()  # figures kept in the shared cache (``core.generation``) are asked again
    with django_assert_num_queries(2):  # the third figure alone the second time
        first, second = within("GET", twice)
    assert second == alone
    assert first == {code: alone[code] for code in CODES[:2]}
    cache.clear()
    with django_assert_num_queries(2):  # the shared cache keeps the first two for the second
        assert within("POST", twice)[1] == alone
