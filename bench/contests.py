"""Judging a large round: 2.000 entries in 5 fields, 5 judges on each entry (issue 5).

Called from ``bench/run.py`` after the other benchmarks, on the same scratch database. Entries
are written in bulk (as an import would), then the services run as in production: the automatic
assignment, every judge scoring every entry of theirs through ``services.score`` (10.000
calls), the ranking with normalised scores, the prize proposal and the staff's judging page.
"""

import statistics
import time
from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

ENTRIES = 2000
JUDGES_PER_FIELD = 8
JUDGES_PER_ENTRY = 5


def clock(function):
    start = time.perf_counter()
    result = function()
    return result, (time.perf_counter() - start) * 1000


def row(label, median, best=None, runs=1):
    best = median if best is None else best
    print(f"| {connection.vendor} | {label} | {median:.1f} ms | {best:.1f} ms | {runs} |")


def build_round(union):

    from lienhiep.contests import services
    from lienhiep.contests.demo import seeder
    from lienhiep.contests.enums import ContestKind
    from lienhiep.contests.models import Author, Contest, Entry, PrizeTier
    from lienhiep.directory.models import Person

    contest = Contest.objects.create(
        union=union, kind=ContestKind.YOUTH, name="Cuộc thi đo tải chấm thi"
    )
    round = services.launch_round(
        contest=contest,
        number=1,
        period="2026",
        launch_date=date(2026, 1, 1),
        entry_deadline=date(2026, 12, 31),
        judges_per_entry=JUDGES_PER_ENTRY,
        user=seeder(),
    )
    PrizeTier.objects.filter(round=round).update(count=20)
    services.open_round(round=round, user=seeder())
    fields = list(round.fields.all())
    entries = Entry.objects.bulk_create(
        Entry(
            round=round,
            code=f"TN1-{n:04d}",
            title=f"Mô hình sáng tạo số {n}",
            search_text=f"tn1-{n:04d} mo hinh sang tao so {n}",
            title_key=f"mo hinh sang tao so {n}",
            field=fields[n % len(fields)],
            description="Mô hình đo tải.",
            eligible=True,
        )
        for n in range(1, ENTRIES + 1)
    )
    Author.objects.bulk_create(
        Author(entry=e, name=f"Tác giả {e.code}", is_main=True) for e in entries
    )
    services.start_judging(round=round, user=seeder())
    judges = []
    for position, field in enumerate(fields):
        for n in range(JUDGES_PER_FIELD):
            person = Person.objects.create(
                code=f"GK-{position}-{n}",
                family_name="Phạm",
                given_name=f"Giám khảo {n}",
                home=union,
            )
            person.account = get_user_model().objects.create_user(
                username=f"bench-judge-{position}-{n}"
            )
            person.save()
            judges.append(
                services.add_judge(round=round, field=field, person=person, user=seeder())
            )
    return round, judges


def bench_judging(union, staff_client):
    import random

    from lienhiep.contests import queries as contest_queries
    from lienhiep.contests import services
    from lienhiep.contests.demo import seeder
    from lienhiep.contests.models import Assignment

    round, _judges = build_round(union)
    made, elapsed = clock(lambda: services.assign_automatically(round=round, user=seeder()))
    assert made == ENTRIES * JUDGES_PER_ENTRY, made
    row(f"automatic assignment ({made} assignments)", elapsed)

    rng = random.Random(5)
    criteria = list(round.criteria.all())
    assignments = list(
        Assignment.objects.filter(entry__round=round).select_related(
            "judge__person__account", "entry__round"
        )
    )
    samples = []
    start = time.perf_counter()
    for assignment in assignments:
        points = {c.pk: rng.randrange(c.max_points // 2, c.max_points + 1) for c in criteria}
        _result, ms = clock(
            lambda a=assignment, p=points: services.score(
                assignment=a, user=a.judge.person.account, points=p
            )
        )
        samples.append(ms)
    total = (time.perf_counter() - start) * 1000
    row(f"scoring through services.score, all {len(samples)} assignments", total)
    row(
        "one judge's scores for one entry (services.score)",
        statistics.median(samples),
        min(samples),
        len(samples),
    )
    with CaptureQueriesContext(connection) as queries:
        services.score(
            assignment=assignments[0],
            user=assignments[0].judge.person.account,
            points={c.pk: c.max_points for c in criteria},
        )
    print(f"<!-- queries per services.score: {len(queries)} -->")

    samples = []
    for _ in range(10):
        ranked, ms = clock(lambda: contest_queries.ranking(round))
        samples.append(ms)
    assert sum(len(rows) for rows in ranked.values()) == ENTRIES
    row(
        "ranking with normalised scores (2.000 entries × 5 judges)",
        statistics.median(samples),
        min(samples),
        len(samples),
    )
    _result, ms = clock(lambda: services.propose_prizes(round=round, user=seeder()))
    row("prize proposal from the ranking", ms)
    samples = []
    for _ in range(5):
        response, ms = clock(
            lambda: staff_client.get(f"/admin/contests/rounds/{round.pk}/judging/")
        )
        samples.append(ms)
    assert response.status_code == 200
    row(
        "staff judging page (a field of 400 entries, its first 100 shown)",
        statistics.median(samples),
        min(samples),
        len(samples),
    )
    with CaptureQueriesContext(connection) as queries:
        staff_client.get(f"/admin/contests/rounds/{round.pk}/judging/")
    print(f"<!-- queries for the staff judging page: {len(queries)} -->")
