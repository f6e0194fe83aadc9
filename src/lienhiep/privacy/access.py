"""What an access request returns: each record held about the person with its fields, its files
and its log (who changed it, when), and who made the export."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from lienhiep.core.formatting import format_date

from .holders import records_of


@dataclass
class Found:
    summary: dict
    files: list  # [(name in the archive, FieldFile)]


def _log(record):
    if not isinstance(record, Model):
        return []
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
        object_id=str(record.pk),
    ).select_related("user")
    return [
        {
            _("When"): entry.timestamp.strftime("%d/%m/%Y %H:%M"),
            _("Who"): entry.user.get_full_name() or entry.user.get_username()
            if entry.user
            else _("the system"),
            _("What"): entry.action,
        }
        for entry in entries
    ]


def person_data(request, by, at):
    with translation.override("vi"):
        records, files = [], []
        for holder, record in records_of(request):
            names = []
            for handle in holder.files(record):
                if handle and handle.storage.exists(handle.name):
                    name = f"{len(files) + 1:03d}-{handle.name.rsplit('/', 1)[-1]}"
                    files.append((name, handle))
                    names.append(name)
            parent = getattr(record, "entry", None)
            records.append(
                {
                    _("Kind of record"): str(holder.label),
                    _("Data held"): {
                        str(label): str(value) for label, value in holder.describe(record)
                    },
                    _("Files"): names,
                    _("Log"): _log(record) + (_log(parent) if parent is not None else []),
                }
            )
        summary = {
            _("Person"): request.name,
            _("Birth date"): format_date(request.birth_date) if request.birth_date else "",
            _("Controller"): request.union.name,
            _("Exported by"): by.get_full_name() or by.get_username(),
            _("Exported at"): at.astimezone().strftime("%d/%m/%Y %H:%M"),
            _("Records"): records,
        }
        return Found(summary, files)
