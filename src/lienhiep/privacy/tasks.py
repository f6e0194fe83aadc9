"""The retention rule, run by the task worker (and by ``manage.py apply_retention`` from cron)."""

from django_tasks import task

from . import services


@task()
def apply_retention():
    """Anonymise what has been kept longer than its retention period; the number of records."""
    return len(services.apply_retention())
