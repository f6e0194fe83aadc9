"""Write a union's report for a year from the records: Word, PDF, HTML or Markdown.

An issued report is written as it was issued (its locked figures, number and template); any
other is counted afresh from the records, with the staff's text of its latest run."""

import sys
from io import BytesIO

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.directory.models import Organisation
from lienhiep.reports import content, rendering
from lienhiep.reports.enums import Format, ReportKind, RunState
from lienhiep.reports.models import ReportRun
from lienhiep.reports.periods import Period, term_years
from lienhiep.reports.services import current_template


class Command(LienhiepCommand):
    help = "Generate the report of an organisation over a period (year, half, quarter, term) from its records."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="organisation code (slug)")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=Format.values, default=Format.MD)
        parser.add_argument("--kind", choices=ReportKind.values, default=ReportKind.ANNUAL)
        parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="for --kind quarter")
        parser.add_argument(
            "--term",
            type=int,
            help="for --kind term: the term's number (else the one ending in --year)",
        )
        parser.add_argument("--output", required=True, help="file path, or - for standard output")

    def period(self, organisation, year, kind, quarter, number):
        if kind == ReportKind.QUARTER:
            if quarter is None:
                raise CommandError(_("A quarter report needs --quarter (1–4)."))
            return Period(kind, year, quarter=quarter)
        if kind != ReportKind.TERM:
            return Period(kind, year)
        terms = organisation.terms.order_by("congress_date")
        if number is not None:
            term = terms.filter(number=number).first()
        else:
            term = next((t for t in terms if term_years(t)[1] == year), None)
        if term is None:
            raise CommandError(_("No term of the organisation matches --term or --year."))
        return Period.of_term(term)

    def handle(self, *args, org, year, format, kind, output, quarter, term, **options):
        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(
                _("There is no organisation with the code “%(code)s”.") % {"code": org}
            )
        if output == "-" and format in (Format.DOCX, Format.PDF):
            raise CommandError(_("Word and PDF files need --output to be a file path."))
        period = self.period(organisation, year, kind, quarter, term)
        runs = ReportRun.objects.filter(
            organisation=organisation,
            year=period.year,
            kind=kind,
            quarter=period.quarter,
            term=period.term_id,
        )
        run = (
            runs.filter(state=RunState.ISSUED).order_by("-pk").first()
            or runs.order_by("-pk").first()
        )
        if run and run.is_issued:
            data = run.content  # an issued report says what it said when it was issued
        else:
            data = content.build(organisation, period, narrative=run.narrative if run else {})
        header = (
            rendering.header_for(run) if run else rendering.header_for(organisation=organisation)
        )
        if format == Format.MD:
            result = rendering.markdown(data, header).encode()
        elif format == Format.HTML:
            result = rendering.html(data, header).encode()
        elif format == Format.PDF:
            result = rendering.pdf(data, header)
        else:
            chosen = run.template if run and run.is_issued else current_template(organisation)
            template = None
            if chosen:
                with chosen.file.open("rb") as handle:
                    template = BytesIO(handle.read())
            result = rendering.docx(data, header, template)
        if output == "-":
            sys.stdout.buffer.write(result)
            sys.stdout.flush()
        else:
            with open(output, "wb") as handle:
                handle.write(result)
            self.stderr.write(_("Wrote %(file)s") % {"file": output})
