"""News imports run by the task worker: a file of several hundred articles takes longer than the
app server waits for a request (``bench/RESULTS.md``: 500 articles in about a minute).

The file is checked at once when it is sent (a refusal lists every bad item and queues nothing);
a good file is stored with its import and handed to the worker, which imports it all or nothing
(``news_import.import_news``). The import's screen shows how far it is while the worker runs,
and what it did — or every problem — when it is done.
"""

import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import news_import
from .enums import NewsImportState
from .models import NewsImport

logger = logging.getLogger(__name__)


class NewsFileRefused(Exception):
    """The file has bad items: nothing is queued; ``problems`` names each of them."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def queue_news_import(*, index, upload, user):
    """Check the file, store it with a new import and hand that to the worker."""
    content = upload.read()
    items, _pictures, problems = news_import.read_file(content)  # ValidationError: no feed
    if problems:
        raise NewsFileRefused(problems)
    with transaction.atomic():
        job = NewsImport.objects.create(
            index=index, filename=upload.name[-255:], items=len(items), user=user
        )
        job.file.save(upload.name, ContentFile(content), save=True)
        log(job, "website.news_import.queued", user=user, data={"items": len(items)})
        from .tasks import import_news_file

        import_news_file.enqueue(job.pk)
    job.refresh_from_db()
    return job


def run_news_import(*, job):
    """Import the job's file (the task calls this); a job already started is left alone."""
    started = NewsImport.objects.filter(pk=job.pk, state=NewsImportState.QUEUED).update(
        state=NewsImportState.IMPORTING, started_at=timezone.now()
    )
    if not started:
        return job
    job.refresh_from_db()
    try:
        with job.file.open("rb") as upload:
            content = upload.read()
        result = news_import.import_news(
            index=job.index, content=content, user=job.user, progress=_progress(job)
        )
    except Exception as error:
        logger.exception("News import %s failed", job.pk)
        _finish(job, NewsImportState.FAILED, error=str(error) or error.__class__.__name__)
        raise
    _finish(
        job,
        NewsImportState.DONE if result.ok else NewsImportState.REFUSED,
        created=len(result.created),
        skipped=len(result.skipped),
        missing_pictures=len(result.missing_pictures),
        problems=result.problems,
    )
    return job


def _progress(job):
    """Progress goes to the shared cache: the articles are written in one transaction, which
    the screen cannot see into before it ends."""

    def report(done, total):
        cache.set(progress_key(job), done, 24 * 3600)

    return report


def progress_key(job):
    return f"lienhiep:news-import:{job.pk}:done"


def articles_done(job):
    """How many articles of a running import the worker has gone through so far."""
    if job.state != NewsImportState.IMPORTING:
        return job.items if job.state == NewsImportState.DONE else 0
    return min(cache.get(progress_key(job), 0), job.items)


def _finish(job, state, **fields):
    job.state, job.finished_at = state, timezone.now()
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()
    if job.file:
        job.file.delete(save=True)  # the articles hold what the file said
    cache.delete(progress_key(job))
    log(job, f"website.news_import.{state}", user=job.user)


def summary(job):
    """What a finished import did, in a sentence."""
    said = _("Imported %(created)s articles; %(skipped)s already on the site.") % {
        "created": job.created,
        "skipped": job.skipped,
    }
    if job.missing_pictures:
        said += " " + _("%(count)s pictures were not in the file and were left out.") % {
            "count": job.missing_pictures
        }
    return said
