"""Scheduled publishing, run by the task worker."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages():
    """Publish the revisions whose time has come and unpublish expired pages."""
    call_command("publish_scheduled")
