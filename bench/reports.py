"""Generating the annual report (issue 7): the Hòa An demo year, then ten times its records.

Called from ``bench/run.py`` right after the demo is seeded. Times the content (every section
from the registry), the Word file and the HTML preview together, and the PDF apart, and counts
the queries. "Ten times": the records the report counts and lists are copied nine more times
(held activities, critique cases with their sent reports, contest entries with their authors,
commendations, community projects with their funders); figures change, the query count must not.
"""

import statistics
import time

from django.core.cache import cache
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
    # as ``reports.services.render_files`` does: the Word file, then the PDF
    start = time.perf_counter()
    rendering.pdf(data, rendering.header_for(organisation=union))
    pdf_ms = (time.perf_counter() - start) * 1000
    cache.clear()  # the PDF alone, its charts drawn again
    start = time.perf_counter()
    rendering.pdf(data, rendering.header_for(organisation=union))
    alone_ms = (time.perf_counter() - start) * 1000
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
    print(
        f"| {vendor} | annual report PDF after its Word file ({label}) | {pdf_ms:.1f} ms "
        f"| {pdf_ms:.1f} ms | 1 |"
    )
    print(
        f"| {vendor} | annual report PDF alone, charts drawn ({label}) | {alone_ms:.1f} ms "
        f"| {alone_ms:.1f} ms | 1 |"
    )
    documents(label)
    print(f"<!-- {vendor}: {len(queries)} queries for the report ({label}) -->")
    return len(queries)


def documents(label):
    """The yearbook's PDF of the round whose results came out in 2024 (its winners grow with the
    records) and one winner's certificate, each rendered anew (the certificate's cache emptied)."""
    from lienhiep.contests.documents import certificate_pdf, yearbook_pdf
    from lienhiep.contests.models import ContestRound

    round = (
        ContestRound.objects.filter(results_published_on__year=2024)
        .order_by("results_published_on")
        .first()
    )
    winner = round.entries.exclude(prize="").order_by("code").first()
    vendor = connection.vendor
    for name, work in (
        (f"yearbook PDF, {round.entries.exclude(prize='').count()} winners", yearbook_pdf),
        ("certificate PDF, one winner", lambda _round: certificate_pdf(winner)),
    ):
        cache.clear()
        start = time.perf_counter()
        work(round)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"| {vendor} | {name} ({label}) | {elapsed:.1f} ms | {elapsed:.1f} ms | 1 |")


def multiply(union, times=10):
    """Copy the year's counted records ``times - 1`` more times."""
    from lienhiep.activities.models import Activity
    from lienhiep.community.models import Project
    from lienhiep.consulting.models import Case, CaseStep
    from lienhiep.contests.models import Author, Entry
    from lienhiep.honours.models import Commendation

    activities = list(Activity.objects.filter(start_date__year=2024))
    cases = list(
        Case.objects.filter(union=union, report_date__year=2024)
        .select_related("report_document")
        .prefetch_related("steps")
    )
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
            if case.report_document_id:  # each report its own number in the register
                document = case.report_document
                document.pk = document.id = None
                document.number += 1000 * copy
                document.save()
                case.report_document = document
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
