"""Who sees reports: staff and leaders of the organisations they work in."""

from lienhiep.directory import roles
from lienhiep.directory.rules import organisation_ids_for

from .models import OutgoingDocument, ReportRun, ReportTemplate


def can_read(user):
    return user.is_authenticated and (
        user.is_superuser
        or any(
            roles.has_role(user, r)
            for r in (roles.FEDERATION_STAFF, roles.UNION_STAFF, roles.UNION_LEADER)
        )
    )


def is_staff(user):
    return user.is_authenticated and (
        user.is_superuser
        or any(roles.has_role(user, r) for r in (roles.FEDERATION_STAFF, roles.UNION_STAFF))
    )


def _scoped(queryset, user):
    if not can_read(user):
        return queryset.none()
    ids = organisation_ids_for(user)
    return queryset if ids is None else queryset.filter(organisation__in=ids)


def runs_for(user):
    return _scoped(ReportRun.objects.select_related("organisation", "document"), user)


def templates_for(user):
    return _scoped(ReportTemplate.objects.all(), user)


def documents_for(user):
    return _scoped(OutgoingDocument.objects.all(), user)
