"""Run before ``db_worker`` starts: the tasks a stopped worker left running are failed, and the
reports they were generating say so and may be generated again.

With one worker (docs/operations.md), every task still marked running when it starts was
orphaned by the previous worker process."""

from django_tasks_db.models import DBTaskResult

from lienhiep.core.management.base import Command as LienhiepCommand
from lienhiep.reports import services, tasks


class WorkerStopped(Exception):
    """The worker process stopped while the task ran."""


class Command(LienhiepCommand):
    help = "Fail the tasks a stopped worker left running and the reports they were generating."

    def handle(self, *args, **options):
        orphaned = list(DBTaskResult.objects.running())
        for result in orphaned:
            result.set_failed(WorkerStopped("the worker stopped while the task ran"))
        runs = services.fail_orphaned(run_ids=report_ids(orphaned))
        self.stdout.write(f"{len(orphaned)} orphaned tasks failed, {len(runs)} reports failed.")


def report_ids(results):
    """The report runs the orphaned tasks were generating (their first argument)."""
    path = tasks.generate_report.module_path
    return [result.args_kwargs["args"][0] for result in results if result.task_path == path]
