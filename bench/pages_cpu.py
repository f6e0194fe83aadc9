"""CPU time of the public pages rendered without their page-cache entry, against the bare view.

Issue 18, goal 2. In one process (Django's test client, production settings, DEBUG off so the
cached template loader is on, the shared cache in Redis), on the database named by
``DATABASE_URL`` (SQLite or PostgreSQL; migrated and seeded with the demo if empty): the bare
view, then each page asked for with a fresh query string (so its page-cache entry is never
there; the menu and fragments stay as a running site keeps them). Each figure is the median of
``ROUNDS`` rounds of CPU microseconds per request (``time.process_time``), rounds alternating.

Run: ``.venv/bin/python bench/pages_cpu.py`` (scratch SQLite in ``var/``), or
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/pages_cpu .venv/bin/python bench/pages_cpu.py``.
``PROFILE=home`` (a page's name) prints its cProfile instead.
"""

import os
import statistics
import time

import in_process  # bench/, the script's own folder

in_process.start("pages-cpu")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS, REQUESTS = 7, int(os.environ.get("REQUESTS", "20"))


def pages():
    """The pages of goal 2 by name: their paths, each with its query string's start."""
    from lienhiep.contests.enums import OPEN_FOR_ENTRIES
    from lienhiep.contests.models import ContestRound
    from lienhiep.website.models import HomePage, NewsArticlePage, NewsIndexPage

    in_process.seeded()
    call = ContestRound.objects.filter(state__in=OPEN_FOR_ENTRIES).order_by("pk").first()
    index = NewsIndexPage.objects.live().order_by("path").first().url
    return {
        "home": HomePage.objects.live().order_by("path").first().url + "?",
        "article": NewsArticlePage.objects.live().order_by("-date", "-pk").first().url + "?",
        "news index": index + "?",
        "news index, page 2": index + "?page=2&",
        "search hoi thao": "/tim-kiem/?q=hoi+thao&",
        "contest call": f"/cuoc-thi/{call.slug}/?",
    }


def cpu_per_request(client, path, fresh):
    start = time.process_time()
    for _ in range(REQUESTS):
        response = client.get(f"{path}r={next(fresh)}" if path.endswith(("?", "&")) else path)
        assert response.status_code == 200, (path, response.status_code)
    return (time.process_time() - start) / REQUESTS * 1e6


def profile(client, path, fresh):
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    cpu_per_request(client, path, fresh)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("LINES", "60")))
    if os.environ.get("CALLERS"):
        stats.print_callers(os.environ["CALLERS"])


def main():
    paths = {"bare view": "/bench/bare/", **pages()}
    client, fresh = Client(), iter(range(10**9))
    for path in paths.values():
        cpu_per_request(client, path, fresh)  # warm: templates, menu, fragments
    if os.environ.get("PROFILE"):
        return profile(client, paths[os.environ["PROFILE"]], fresh)
    times = {name: [] for name in paths}
    for _ in range(ROUNDS):
        for name, path in paths.items():
            times[name].append(cpu_per_request(client, path, fresh))
    bare = statistics.median(times["bare view"])
    print(f"database: {connection.vendor}, code: {in_process.ROOT}")
    print("| page | µs CPU a request (median of 7) | bare / page |")
    print("|---|---|---|")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"| {name} | {median:.0f} | {bare / median:.3f} |")


if __name__ == "__main__":
    main()
