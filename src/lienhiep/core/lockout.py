"""The answer to a login refused by the throttle (django-axes), in the user's language."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"cooloff_minutes": minutes}
    return render(request, "core/locked_out.html", context, status=429)
