"""Report generation runs in the task worker; the admin shows its progress."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task

from . import services
from .models import ReportRun


@task()
def generate_report(run_id, user_id):
    run = ReportRun.objects.get(pk=run_id)
    services.generate(run=run, user=get_user_model().objects.get(pk=user_id))


def queue_generation(*, run, user):
    """Mark the run generating and hand it to the worker in one step: if the task cannot be
    queued, the run stays as it was."""
    with transaction.atomic():
        services.start_generation(run=run, user=user)
        generate_report.enqueue(run.pk, user.pk)
    return run
