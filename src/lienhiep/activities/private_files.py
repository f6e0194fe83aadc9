"""An activity's attachments are private: whoever sees the activity sees them."""

from lienhiep.core import private

from . import rules
from .models import ActivityAttachment


def attachments_for(user):
    return ActivityAttachment.objects.filter(activity__in=rules.activities_for(user))


private.register(ActivityAttachment, "file", visible=attachments_for)
