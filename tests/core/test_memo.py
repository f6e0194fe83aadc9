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


def test_a_kept_store_keeps_the_last_values_and_a_changed_setting_empties_every_store(settings):
    from lienhiep.core.memo import Kept

    worked = []
    store, other = Kept(2), Kept(2)
    for key in ("a", "b", "a", "c"):  # "b" the least recently used when "c" comes
        store.get(key, lambda key=key: worked.append(key) or key.upper())
    assert worked == ["a", "b", "c"] and len(store) == 2
    assert store.get("a", lambda: "again") == "A"
    assert store.get("b", lambda: "again") == "again"
    other.get("x", lambda: "X")
    settings.LIENHIEP_KEEP_FIGURES = not settings.LIENHIEP_KEEP_FIGURES
    assert (len(store), len(other)) == (0, 0)
