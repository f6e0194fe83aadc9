"""Scheduled publishing, run by the task worker."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages():
    """Publish the revisions whose time has come and unpublish expired pages."""
    call_command("publish_scheduled")


@task()
def import_news_file(import_id):
    """Import a news file queued from the import screen (``news_imports``)."""
    from .models import NewsImport
    from .news_imports import run_news_import

    run_news_import(job=NewsImport.objects.get(pk=import_id))
