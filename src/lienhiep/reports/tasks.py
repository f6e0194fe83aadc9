"""Report generation runs in the task worker; the admin shows its progress."""

from django.contrib.auth import get_user_model
from django_tasks import task


@task()
def generate_report(run_id, user_id=None):
    from . import services
    from .models import ReportRun

    run = ReportRun.objects.get(pk=run_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    services.generate(run=run, user=user)
