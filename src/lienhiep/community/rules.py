"""Who sees and changes the centres' community projects, in ``directory.rules``' vocabulary.

Staff and union leaders read the projects of the organisations they see; only staff change
them or report their figures; officers, judges, experts and editors see none.
"""

from lienhiep.directory.rules import can_read, is_staff, scoped

from .models import Project


def projects_for(user):
    """The projects ``user`` may read: the centres' projects in their scope."""
    if not can_read(user):
        return Project.objects.none()
    return scoped(Project.objects.select_related("centre"), "centre", user)


def may_change(user) -> bool:
    """Who changes projects and reports their figures (within ``projects_for``)."""
    return is_staff(user)
