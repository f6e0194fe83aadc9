"""The PDFs of issue 18, goal 4, in CPU time and wall time: the annual report, the yearbook and a
certificate, at the demo year and at ten times its records.

Two steps, so that two code trees (a base commit and a branch) measure the same databases side
by side::

    bench/pdf.py prepare DIR          # migrate, seed the demo: DIR/1x.sqlite3; ×10: DIR/10x.sqlite3
    bench/pdf.py measure DIR [RUNS]   # prints one line of figures per document and size

``measure`` imports ``lienhiep`` from ``PYTHONPATH`` (``src`` of the tree under test). Each PDF is
made once to warm up (fonts found, charts drawn and cached, as after the report's Word file),
then ``RUNS`` times; the median CPU time of the process (``time.process_time``) and wall time
are printed with a bare baseline measured in the same process (rendering the report's HTML),
so that a loaded machine can be read as a ratio.
"""

import os
import shutil
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.test")
    import django

    django.setup()


def prepare(directory):
    directory.mkdir(parents=True, exist_ok=True)
    work = directory / "work.sqlite3"
    setup(work)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--force", stdout=StringIO())
    from lienhiep.directory.models import Organisation

    sys.path.insert(0, str(ROOT / "bench"))
    from reports import multiply

    connection.close()
    shutil.copy(work, directory / "1x.sqlite3")
    multiply(Organisation.objects.get(slug="hoa-an"))
    connection.close()
    shutil.copy(work, directory / "10x.sqlite3")


def timed(work, runs):
    work()
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def measure(directory, runs):
    import lienhiep

    print(f"<!-- lienhiep from {Path(lienhiep.__file__).parents[1]} -->", flush=True)
    for size in ("10x", "1x"):
        setup(directory / f"{size}.sqlite3")  # django.setup once; the database switched below
        from django.db import connection

        connection.close()
        connection.settings_dict["NAME"] = str(directory / f"{size}.sqlite3")
        _measure(size, runs)


def _measure(size, runs):
    from django.core.cache import cache

    from lienhiep.contests.documents import certificate_pdf, yearbook_pdf
    from lienhiep.contests.models import ContestRound
    from lienhiep.core.documents import html_to_pdf
    from lienhiep.directory.models import Organisation
    from lienhiep.reports import content, rendering

    union = Organisation.objects.get(slug="hoa-an")
    data = content.build(union, 2024)
    header = rendering.header_for(organisation=union)
    round = (
        ContestRound.objects.filter(results_published_on__year=2024)
        .order_by("results_published_on")
        .first()
    )
    winner = round.entries.exclude(prize="").order_by("code").first()

    def certificate():
        cache.clear()  # rendered anew, not read from the cache
        certificate_pdf(winner)

    def report():
        return rendering.pdf(data, header)

    if size == "10x":  # the first PDF of a process (WeasyPrint imported, its fonts set up)
        page = rendering.html(data, header)  # the charts drawn and cached, as after the Word file
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        html_to_pdf(page)
        cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
        print(
            f"{size:>3} | {'report PDF, first':<24} | cpu {cpu * 1000:8.1f} ms | wall {wall * 1000:8.1f} ms |"
        )
    rendering.pdf(data, header)  # charts drawn and cached, as after the Word file
    works = {
        "report HTML (baseline)": lambda: rendering.html(data, header),
        "report PDF": report,
        "yearbook PDF": lambda: yearbook_pdf(round),
        "certificate PDF": certificate,
    }
    sizes = {"report PDF": len(report()), "yearbook PDF": len(yearbook_pdf(round))}
    for name, work in works.items():
        cpu, wall = timed(work, runs)
        extra = f" {sizes[name] // 1024} KiB" if name in sizes else ""
        print(
            f"{size:>3} | {name:<24} | cpu {cpu:8.1f} ms | wall {wall:8.1f} ms |{extra}", flush=True
        )


if __name__ == "__main__":
    command, directory = sys.argv[1], Path(sys.argv[2]).resolve()
    if command == "prepare":
        prepare(directory)
    else:
        measure(directory, int(sys.argv[3]) if len(sys.argv) > 3 else 5)
