"""Activities belong to their organiser: users see those of the organisations they may see."""

from lienhiep.directory.rules import organisation_ids_for

from .models import Activity


def activities_for(user):
    ids = organisation_ids_for(user)
    everything = Activity.objects.all()
    return everything if ids is None else everything.filter(organiser__in=ids)
