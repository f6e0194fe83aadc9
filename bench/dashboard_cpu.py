"""CPU time of the admin dashboard against the bare view, in one process (issue 18, goal 1).

Drives the site benchmark's settings in-process (Django's test client: the WSGI handler and every
middleware, no socket) logged in as the demo's union staff ("demo"), on the database named by
``DATABASE_URL`` (SQLite or PostgreSQL, already migrated and seeded with the demo:
``manage.py migrate && manage.py seed_demo --force``), with the in-process cache. Prints the
median CPU milliseconds (``time.process_time``) of 7 requests each: the bare view, the dashboard
asked again (warm), the dashboard right after a counted record is saved (cold: the figures
worked out again; the charts, whose figures did not change, stay cached) and, for the cost of
Wagtail's admin frame, the organisations list; and their ratios to the bare view.

``LIENHIEP_SRC`` names another tree's ``src`` (a base commit unpacked with ``git archive``) to
measure it with the same script; ``PROFILE=1`` prints a cProfile of 3 warm dashboards instead.

Run: ``DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/dashboard_cpu.py``
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = os.environ.get("LIENHIEP_SRC", str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_settings")
sys.path[:0] = [SRC, str(ROOT / "bench")]

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402

RUNS = 7
#: An admin screen with Wagtail's whole frame (sidebar, header) and a short list: what every
#: admin screen costs beside its own content.
LIST = "/admin/directory/organisations/"


def cpu_ms(client, path, before=None):
    """CPU milliseconds of one request (``before`` runs first, outside the timing)."""
    if before:
        before()
    start = time.process_time()
    response = client.get(path)
    spent = (time.process_time() - start) * 1000
    assert response.status_code == 200, response.status_code
    return spent


def touch():
    """Save a record the dashboard counts, unchanged: its figures are worked out again."""
    from lienhiep.directory.models import Organisation

    Organisation.objects.order_by("pk").first().save()


def main():
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(User.objects.get(username="demo"))
    client.get("/admin/")
    client.get("/bench/bare/")
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(3):
            client.get("/admin/")
        profile.disable()
        pstats.Stats(profile).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(
            os.environ.get("PROFILE_FILTER", ""), 60
        )
        return
    times = {"bare": [], "warm": [], "cold": [], "list": []}
    client.get(LIST)
    for _ in range(RUNS):
        times["bare"].append(cpu_ms(client, "/bench/bare/"))
        times["list"].append(cpu_ms(client, LIST))
        times["warm"].append(cpu_ms(client, "/admin/"))
        times["cold"].append(cpu_ms(client, "/admin/", before=touch))
    bare, warm, cold, listed = (statistics.median(times[k]) for k in times)
    print(f"{SRC} on {django.db.connection.vendor}: median of {RUNS}, CPU ms per request")
    print(
        f"bare {bare:.2f} | dashboard warm {warm:.1f} ({bare / warm:.4f} of bare) | "
        f"dashboard after a save {cold:.1f} ({bare / cold:.4f} of bare) | "
        f"organisations list {listed:.1f} ({bare / listed:.4f} of bare)"
    )


if __name__ == "__main__":
    main()
