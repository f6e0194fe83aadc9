"""A month calendar of activities, with the list's filters."""

import calendar
from datetime import date

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from ..filters import ActivityFilterSet
from ..rules import activities_for

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def calendar_view(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("y") or today.year)
        month = int(request.GET.get("m") or today.month)
        first = date(year, month, 1)
    except ValueError:
        raise Http404 from None
    last = date(year, month, calendar.monthrange(year, month)[1])
    filters = ActivityFilterSet(
        request.GET or None, queryset=activities_for(request.user), request=request
    )
    activities = (
        filters.qs.filter(start_date__lte=last)
        .exclude(end_date__lt=first)
        .exclude(end_date__isnull=True, start_date__lt=first)
        .select_related("kind", "organiser")
    )
    by_day = {}
    for activity in activities:
        start = max(activity.start_date, first)
        end = min(activity.end_date or activity.start_date, last)
        for day in range(start.day, end.day + 1):
            by_day.setdefault(day, []).append(activity)
    weeks = [
        [(day, by_day.get(day, [])) if day else (None, []) for day in week]
        for week in calendar.Calendar().monthdayscalendar(year, month)
    ]
    previous = date(year - (month == 1), 12 if month == 1 else month - 1, 1)
    following = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return TemplateResponse(
        request,
        "activities/activity_calendar.html",
        {
            "weeks": weeks,
            "weekdays": WEEKDAYS,
            "month": first,
            "previous": previous,
            "following": following,
            "filters": filters,
        },
    )
