"""The annual report's charts: plan against achievement and the five-year trend of the main
indicators, as data in the content (it is stored) and drawn by ``core.charts`` for Word and PDF
alike — the same charts the dashboard draws."""

from django.utils.translation import gettext as _

from lienhiep.core import charts
from lienhiep.plans import dashboard
from lienhiep.plans.models import Indicator

from .enums import ReportKind

#: The main indicators whose last five years the report draws, side by side.
MAIN_INDICATORS = [
    "directory.members",
    "directory.member_organisations",
    "activities.workshops",
    "activities.training_courses",
]


def build(context):
    """``[{"caption": …, "chart": data}]`` for an annual report (a half-year one has none)."""
    if context.kind != ReportKind.ANNUAL:
        return []
    result = []
    planned = [f for f in context.figures.values() if f.target]
    plan = dashboard.plan_chart(context.organisation, context.year, planned)
    if plan:
        caption = _("Chart %(number)s. Achievement of the targets of the plan %(year)s (%%)") % {
            "number": len(result) + 1,
            "year": context.year,
        }
        result.append({"caption": caption, "chart": charts.to_data(plan)})
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=MAIN_INDICATORS)}
    series = [
        dashboard.trend_chart(indicators[code], context.organisation, context.year)
        for code in MAIN_INDICATORS
        if code in indicators
    ]
    if series:
        first = context.year - dashboard.TREND_YEARS + 1
        caption = _("Chart %(number)s. The main indicators, %(first)s–%(last)s") % {
            "number": len(result) + 1,
            "first": first,
            "last": context.year,
        }
        trends = charts.trends_chart(caption, series)
        result.append({"caption": caption, "chart": charts.to_data(trends)})
    return result
