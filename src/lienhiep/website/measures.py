from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lienhiep.core.indicators import Measure, register

from .models import JournalIssuePage, NewsArticlePage


def news(year):
    return NewsArticlePage.objects.live().filter(date__year=year)


def journal_issues(year):
    return JournalIssuePage.objects.live().filter(year=year)


def journal_issues_by(year, month):
    """The year's issues of the quarters ended by the end of ``month``."""
    return journal_issues(year).filter(quarter__lte=month // 3)


register(
    Measure(
        code="website.news",
        name=_("News articles published"),
        unit=pgettext_lazy("unit", "articles"),
        records=news,
        organisation_field="publisher",
        order=400,
        date_field="date",
    )
)
register(
    Measure(
        code="website.journal_issues",
        name=_("E-journal issues"),
        unit=pgettext_lazy("unit", "issues"),
        records=journal_issues,
        organisation_field="publisher",
        order=410,
        stock=journal_issues_by,
    )
)
