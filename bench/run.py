"""Benchmarks of lienhiep: ``make bench`` runs them; results go to ``bench/RESULTS.md``.

Each run uses a scratch database: SQLite by default, or PostgreSQL when ``DATABASE_URL`` is a
``postgres://`` URL (the database is created and dropped by ``bench/run.sh``). It seeds the Hòa
An demo, then a national federation of 34 unions × 5 years of demo-sized data, and times:

* the registry figures of a union and the admin registry lists (issue 2),
* the dashboard of a union and the federation's national roll-up (issue 3),
* scoring and ranking a contest round of 2.000 entries with 5 judges each (issue 5),
* generating the annual report for the demo year and for ten times its records (issue 7).

``bench/run.py --quick`` times only the demo's screens (a check that the run works).
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
scratch = tempfile.mkdtemp(prefix="lienhiep-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

YEARS = range(2020, 2025)


def timed(label, function, repeat=20):
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    print(
        f"| {connection.vendor} | {label} | {statistics.median(samples):.1f} ms | {min(samples):.1f} ms | {repeat} |"
    )


def build_federation():
    """34 unions, each with 31 member organisations, a club of 112, counts and returns for 5 years."""
    from lienhiep.directory.enums import OrganisationKind as K
    from lienhiep.directory.enums import Role
    from lienhiep.directory.models import MemberCount, Membership, Organisation, Person, Province
    from lienhiep.plans.enums import ReturnState
    from lienhiep.plans.models import YearlyReturn

    rng = random.Random(34)
    federation = Organisation.objects.get(slug="vusta")
    for index, province in enumerate(Province.objects.all()):
        union = Organisation.objects.create(
            name=f"Liên hiệp hội {province.name}",
            slug=f"bench-{index}",
            kind=K.UNION,
            parent=federation,
            province=province,
        )
        members = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Hội {n} {province.name}",
                    slug=f"bench-{index}-{n}",
                    parent=union,
                    kind=K.MEMBER_ASSOCIATION if n < 22 else K.COLLECTIVE_MEMBER,
                    admission_decision_date=date(2010, 1, 1),
                    sort_key=f"{n:04d}",
                )
                for n in range(31)
            ]
        )
        club = Organisation.objects.create(
            name=f"CLB {province.name}", slug=f"bench-{index}-clb", kind=K.CLUB, parent=union
        )
        MemberCount.objects.bulk_create(
            [
                MemberCount(organisation=m, year=y, members=rng.randrange(50, 1500), source="bench")
                for m in members
                for y in YEARS
            ]
        )
        YearlyReturn.objects.bulk_create(
            [
                YearlyReturn(
                    organisation=m,
                    year=y,
                    deadline=date(y + 1, 1, 15),
                    members=100,
                    state=ReturnState.ACCEPTED,
                )
                for m in members
                for y in YEARS
            ]
        )
        people = Person.objects.bulk_create(
            [
                Person(code=f"B-{index}-{n}", family_name="Nguyễn", given_name=f"An {n}", home=club)
                for n in range(112)
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    person=p,
                    organisation=club,
                    role=Role.MEMBER,
                    start_date=date(2016 + n % 9, 1, 1),
                )
                for n, p in enumerate(people)
            ]
        )


def main():
    call_command("migrate", verbosity=0)
    # the test settings run with DEBUG off: the demo is seeded on purpose into a scratch database
    call_command("seed_demo", "--force", stdout=StringIO())
    from lienhiep.directory.measures import registry
    from lienhiep.directory.models import Organisation
    from lienhiep.directory.rules import subtree_ids
    from lienhiep.plans import figures
    from lienhiep.plans.models import Indicator
    from lienhiep.plans.national import NATIONAL_CODES

    union = Organisation.objects.get(slug="hoa-an")
    staff, federation = Client(), Client()
    # ``Client.login`` has no request, which django-axes refuses: log the demo logins in as such
    staff.force_login(get_user_model().objects.get(username="canbo"))
    federation.force_login(get_user_model().objects.get(username="lhhvn"))
    assert staff.get("/admin/").status_code == 200, "the union staff login is not logged in"
    print("| database | benchmark | median | best | runs |\n|---|---|---|---|---|")
    timed("registry(subtree of hoa-an, 2024)", lambda: registry(subtree_ids(union.pk), 2024))
    timed("admin organisation list", lambda: staff.get("/admin/directory/organisations/"))
    timed(
        "admin organisation search 'dieu duong'",
        lambda: staff.get("/admin/directory/organisations/?q=dieu+duong"),
    )
    timed("admin people list (150 people)", lambda: staff.get("/admin/directory/people/"))
    if "--quick" in sys.argv:  # the demo's screens only: checks that the run works
        timed("dashboard of Hòa An (demo only)", lambda: staff.get("/admin/?year=2024"), 3)
        timed(
            "national table page (demo only)", lambda: federation.get("/admin/plans/national/"), 3
        )
        return
    build_federation()
    indicators = list(Indicator.objects.filter(code__in=NATIONAL_CODES))
    timed("dashboard of Hòa An, 34 unions × 5 years loaded", lambda: staff.get("/admin/?year=2024"))
    timed(
        "national roll-up, 5 indicators × 35 unions",
        lambda: figures.national_table(2024, indicators),
    )
    timed(
        "national table page (federation staff)",
        lambda: federation.get("/admin/plans/national/?year=2024"),
    )
    from contests import bench_judging

    bench_judging(union, staff)
    from reports import bench_report

    bench_report(union)


if __name__ == "__main__":
    main()
