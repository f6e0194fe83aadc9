"""Generating the annual report (issue 7): the Hòa An demo year, then ten times its records.

Called from ``bench/run.py`` right after the demo is seeded. Times the content (every section
from the registry), the Word file and the HTML preview together, and the PDF apart, and counts
the queries. "Ten times": the records the report counts and lists are copied nine more times
(held activities, critique cases with their sent reports, contest entries with their authors,
commendations, community projects with their funders); figures change, the query count must not.
"""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def generate(union):
    from lienhiep.reports import content, rendering

    data = content.build(union, 2024)
    header = rendering.header_for(organisation=union)
    rendering.docx(data, header)
    rendering.html(data, header)
    return data


def measure(label, union, repeat=10):
    from lienhiep.reports import content, rendering

    generate(union)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        generate(union)
        samples.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        data = generate(union)
    start = time.perf_counter()
    rendering.pdf(data, rendering.header_for(organisation=union))
    pdf_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    content.build(union, 2024)
    content_ms = (time.perf_counter() - start) * 1000
    vendor = connection.vendor
    print(
        f"| {vendor} | annual report, Word + HTML ({label}) | {statistics.median(samples):.1f} ms | "
        f"{min(samples):.1f} ms | {repeat} |"
    )
    print(
        f"| {vendor} | annual report content only ({label}) | {content_ms:.1f} ms | {content_ms:.1f} ms | 1 |"
    )
    print(f"| {vendor} | annual report PDF ({label}) | {pdf_ms:.1f} ms | {pdf_ms:.1f} ms | 1 |")
    print(f"<!-- {vendor}: {len(queries)} queries for the report ({label}) -->")
    return len(queries)


def multiply(union, times=10):
    """Copy the year's counted records ``times - 1`` more times."""
    from lienhiep.activities.models import Activity
    from lienhiep.community.models import Project
    from lienhiep.consulting.models import Case, CaseStep
    from lienhiep.contests.models import Author, Entry
    from lienhiep.honours.models import Commendation

    activities = list(Activity.objects.filter(start_date__year=2024))
    cases = list(Case.objects.filter(union=union, report_date__year=2024).prefetch_related("steps"))
    entries = list(
        Entry.objects.filter(round__results_published_on__year=2024).prefetch_related("authors")
    )
    commendations = list(Commendation.objects.filter(decision__date__year=2024))
    projects = list(Project.objects.filter(start_date__year=2024).prefetch_related("funders"))
    for copy in range(1, times):
        for activity in activities:
            activity.pk = activity.id = None
            activity.title = f"{activity.title} ({copy})"
        Activity.objects.bulk_create(activities)
        for case in cases:
            steps = list(case.steps.all())
            case.pk = case.id = None
            case.title = f"{case.title} ({copy})"
            case.save()
            for step in steps:
                step.pk = step.id = None
                step.case = case
            CaseStep.objects.bulk_create(steps)
        new_entries = []
        for entry in entries:
            clone = Entry(
                round=entry.round,
                code=f"{entry.code}-{copy}",
                title=f"{entry.title} ({copy})",
                field=entry.field,
                description=entry.description,
                eligible=entry.eligible,
                prize=entry.prize,
                forwarded=entry.forwarded,
                national_prize=entry.national_prize,
            )
            new_entries.append((clone, list(entry.authors.all())))
        Entry.objects.bulk_create([e for e, _ in new_entries])
        Author.objects.bulk_create(
            Author(entry=e, name=a.name, birth_date=a.birth_date, is_main=a.is_main)
            for e, authors in new_entries
            for a in authors
        )
        for commendation in commendations:
            commendation.pk = commendation.id = None
        Commendation.objects.bulk_create(commendations)
        for project in projects:
            funders = list(project.funders.all())
            project.pk = project.id = None
            project.title = f"{project.title} ({copy})"
            project.save()
            project.funders.set(funders)


def bench_report(union):
    demo = measure("the demo year", union)
    multiply(union)
    tenfold = measure("ten times the records", union)
    print(f"<!-- query count: {demo} for the demo year, {tenfold} with ten times the records -->")
