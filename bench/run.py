"""Benchmarks of lienhiep: run with ``make bench``; record results in ``bench/RESULTS.md``.

Measures, on the seeded Hòa An demo in a scratch SQLite database:
* the registry figures of a union (``registry_figures``),
* the organisation list in the admin for union staff, plain and searched.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
scratch = tempfile.mkdtemp(prefix="lienhiep-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def timed(label, function, repeat=30):
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"| {label} | {statistics.median(samples):.1f} ms | {min(samples):.1f} ms | {repeat} |")


def main():
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)
    from lienhiep.directory.models import Organisation
    from lienhiep.directory.queries import registry_figures

    union = Organisation.objects.get(slug="hoa-an")
    client = Client()
    client.login(username="canbo", password="lienhiep2024")
    print("| benchmark | median | best | runs |\n|---|---|---|---|")
    timed("registry_figures(hoa-an, 2024)", lambda: registry_figures(union, 2024))
    timed("admin organisation list", lambda: client.get("/admin/directory/organisations/"))
    timed(
        "admin organisation search 'dieu duong'",
        lambda: client.get("/admin/directory/organisations/?q=dieu+duong"),
    )
    timed("admin people list (150 people)", lambda: client.get("/admin/directory/people/"))


if __name__ == "__main__":
    main()
