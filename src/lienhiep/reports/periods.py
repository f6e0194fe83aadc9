"""The period a report run covers: a year, its first half, a quarter, or a term of office.

A period gives the registry its months (``core.indicators.Months``) for each of its years: a
year, a half or a quarter is one year's months; a term is its years, each whole. Its words (the
title, the period's end, the file name) follow it: "Báo cáo sơ kết quý III năm 2024", "Báo cáo
tổng kết nhiệm kỳ 2020–2024".
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_date, roman
from lienhiep.core.indicators import YEAR, Months

from .enums import ReportKind

QUARTERS = {quarter: Months(3 * quarter - 2, 3 * quarter) for quarter in (1, 2, 3, 4)}


def term_years(term):
    """The years a term's report covers: from the year of its congress to the year before the
    next congress (the next term's, else the term's planned end), at least its first year."""
    following = term.organisation.terms.filter(congress_date__gt=term.congress_date)
    following = following.order_by("congress_date").first()
    end = following.congress_date if following else term.planned_end
    return term.congress_date.year, max(term.congress_date.year, end.year - 1)


@dataclass(frozen=True)
class Period:
    kind: str
    #: the last year of the period (the year of a year, half or quarter)
    year: int
    #: the first year (earlier than ``year`` for a term only)
    first_year: int | None = None
    quarter: int | None = None
    #: the term (``directory.Term``) of a term report, whose congress resolution set its targets
    term_id: int | None = None

    @classmethod
    def of_run(cls, run):
        """A run's period: a term's ends in the run's year (``services.check_period`` set it to
        the term's last when the run was created), so only the term's congress is read."""
        if run.kind == ReportKind.TERM and run.term_id:
            return cls(ReportKind.TERM, run.year, run.term.congress_date.year, term_id=run.term_id)
        return cls(run.kind, run.year, None, run.quarter)

    @classmethod
    def of_term(cls, term):
        first, last = term_years(term)
        return cls(ReportKind.TERM, last, first, term_id=term.pk)

    @property
    def previous(self):
        """The same period a year earlier, which the annex sets beside it."""
        return Period(self.kind, self.year - 1, None, self.quarter)

    @property
    def following(self):
        """The period the directions are for: the year's second half, the next quarter, the
        next year."""
        if self.kind == ReportKind.QUARTER:
            if self.quarter == 4:
                return Period(ReportKind.QUARTER, self.year + 1, None, 1)
            return Period(ReportKind.QUARTER, self.year, None, self.quarter + 1)
        return Period(ReportKind.ANNUAL, self.year + 1)

    @property
    def is_term(self):
        return self.kind == ReportKind.TERM

    @property
    def years(self):
        return list(range(self.first_year or self.year, self.year + 1))

    @property
    def months(self):
        """The months of each of the period's years the figures count."""
        if self.kind == ReportKind.HALF_YEAR:
            return Months(1, 6)
        if self.kind == ReportKind.QUARTER:
            return QUARTERS[self.quarter]
        return YEAR

    @property
    def start(self) -> date:
        return date(self.first_year or self.year, self.months.first, 1)

    @property
    def end(self) -> date:
        last = self.months.last
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    def dated(self, field):
        """The filter keeping the records whose ``field`` falls in the period."""
        return {f"{field}__gte": self.start, f"{field}__lte": self.end}

    @property
    def span(self):
        """``2020–2024``, the years of a term."""
        return f"{self.first_year}–{self.year}"

    @property
    def label(self):
        """``năm 2024``-style words without the preposition: ``2024``, ``quý III năm 2024``."""
        if self.kind == ReportKind.HALF_YEAR:
            return _("the first six months of %(year)s") % {"year": self.year}
        if self.kind == ReportKind.QUARTER:
            return _("quarter %(quarter)s of %(year)s") % {
                "quarter": roman(self.quarter),
                "year": self.year,
            }
        if self.is_term:
            return _("the term %(years)s") % {"years": self.span}
        return _("%(year)s") % {"year": self.year}

    @property
    def end_label(self):
        """``cuối năm 2024``, or the day a part of a year ends: ``ngày 30/6/2024``."""
        if self.kind == ReportKind.HALF_YEAR:
            return _("30 June %(year)s") % {"year": self.year}
        if self.kind == ReportKind.QUARTER:
            return _("the day %(date)s") % {"date": format_date(self.end)}
        return _("the end of %(year)s") % {"year": self.year}

    @property
    def title(self):
        """The document's name: ``Báo cáo sơ kết quý III năm 2024``."""
        if self.kind == ReportKind.QUARTER:
            return _("Briefing report on quarter %(quarter)s of %(year)s") % {
                "quarter": roman(self.quarter),
                "year": self.year,
            }
        if self.kind == ReportKind.HALF_YEAR:
            return _("Six-month report of %(year)s") % {"year": self.year}
        if self.is_term:
            return _("Summary report of the term %(years)s") % {"years": self.span}
        return _("Summary report of %(year)s") % {"year": self.year}

    @property
    def slug(self):
        """The period in file names: ``so-ket-quy-3-2024``, ``tong-ket-nhiem-ky-2020-2024``."""
        if self.kind == ReportKind.QUARTER:
            return f"so-ket-quy-{self.quarter}-{self.year}"
        if self.kind == ReportKind.HALF_YEAR:
            return f"so-ket-{self.year}"
        if self.is_term:
            return f"tong-ket-nhiem-ky-{self.first_year}-{self.year}"
        return f"tong-ket-{self.year}"
