"""The page cache on Redis: what one app process invalidates, another process sees at once."""

import socket
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lienhiep.website import caching


def redis_listening():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_listening(), reason="no Redis on 127.0.0.1:6379")


def redis_client(prefix):
    """A cache connection of its own, as each gunicorn process has."""
    from lienhiep.core.cache import RedisCache

    return RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": prefix, "TIMEOUT": 60})


@pytest.fixture
def two_processes():
    prefix = f"test-{uuid.uuid4().hex}"
    first, second = redis_client(prefix), redis_client(prefix)
    yield first, second
    first.delete_many([caching.GENERATION_KEY, caching.cache_key(page_request())])
    first.close()
    second.close()


def page_request():
    return RequestFactory().get("/tin-tuc/bai-viet/")


def test_invalidation_by_one_process_is_seen_by_another(monkeypatch, two_processes):
    first, second = two_processes
    monkeypatch.setattr(caching, "cache", first)
    caching.store(page_request(), HttpResponse(b"<h1>Tin cu</h1>"))
    monkeypatch.setattr(caching, "cache", second)
    assert caching.lookup(page_request()).content == b"<h1>Tin cu</h1>"
    monkeypatch.setattr(caching, "cache", first)
    caching.invalidate()
    monkeypatch.setattr(caching, "cache", second)
    assert caching.lookup(page_request()) is None


def test_a_cache_connection_keeps_one_redis_client_and_shares_it_between_threads(two_processes):
    """Django built a new client for every call; ours keeps one per pool, safe across threads."""
    import threading

    first, second = two_processes
    assert first._cache.get_client() is first._cache.get_client()
    assert first._cache.get_client() is not second._cache.get_client()
    answers = []

    def read_and_write(n):
        first.set(f"thread-{n}", n, 30)
        answers.append(second.get(f"thread-{n}"))

    threads = [threading.Thread(target=read_and_write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == list(range(8))
    first.delete_many([f"thread-{n}" for n in range(8)])
