"""Sending a year package to the federation runs in the task worker."""

from django.utils import timezone
from django_tasks import task

from . import sending as sending_services
from .enums import SendingState
from .models import Sending


@task()
def send_year(sending_id):
    sending = Sending.objects.select_related("union", "requested_by").get(pk=sending_id)
    try:
        sending_services.deliver(sending=sending)
    except Exception as error:
        Sending.objects.filter(pk=sending_id).update(
            state=SendingState.FAILED, answer=str(error)[:2000], sent_at=timezone.now()
        )
        raise
