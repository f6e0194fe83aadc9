"""CPU time of one request, cached article against the bare view, in one process.

Requests per second through wrk swing with the load of a shared machine; the CPU time a request
costs the app process does not. This drives the production settings in-process (Django's test
client: the WSGI handler and every middleware, no socket to the app) with the Redis page cache,
on the database named by ``DATABASE_URL`` (SQLite or PostgreSQL; migrated and seeded with the
demo if empty), and prints the CPU microseconds per request of the bare view, the cached
article and the uncached article (rendered every time), and their ratios, alternating rounds.

Run: ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_cpu .venv/bin/python bench/cache_cpu.py``
(``createdb bench_cpu`` first). Redis at ``CACHE_URL`` (default redis://127.0.0.1:6379/5).
"""

import os
import time

import in_process  # bench/, the script's own folder

in_process.start("bench-cpu")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS, REQUESTS = 3, 1500


def seeded():
    from lienhiep.website.models import NewsArticlePage

    in_process.seeded()
    return NewsArticlePage.objects.live().order_by("-date").first().url


def cpu_per_request(client, path, count=REQUESTS):
    start = time.process_time()
    for _ in range(count):
        assert client.get(path).status_code == 200
    return (time.process_time() - start) / count * 1e6


def main():
    article = seeded()
    client = Client()
    client.get(article)
    fresh = iter(range(10**9))
    print(f"database: {connection.vendor}, cache: {os.environ['CACHE_URL']}")
    print(
        "| round | bare view (µs CPU) | cached article | uncached article | cached / bare | uncached / bare |"
    )
    print("|---|---|---|---|---|---|")
    for round_ in range(1, ROUNDS + 1):
        bare = cpu_per_request(client, "/bench/bare/")
        cached = cpu_per_request(client, article)
        start = time.process_time()
        for _ in range(50):
            assert client.get(f"{article}?r={next(fresh)}").status_code == 200
        uncached = (time.process_time() - start) / 50 * 1e6
        print(
            f"| {round_} | {bare:.0f} | {cached:.0f} | {uncached:.0f} "
            f"| {bare / cached:.2f} | {bare / uncached:.3f} |"
        )


if __name__ == "__main__":
    main()
