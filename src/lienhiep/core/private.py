"""Private files: stored apart from the public media and served only through a scoped view.

Honours dossiers, experts' opinions, critique reports, activity attachments, contest entries'
files and report runs' files are kept by the ``private`` storage (``MEDIA_ROOT/private/`` on the
file system), whose URLs lead to ``serve``: the file is answered only if the user may see a
record holding it, through the app's own rules (each app's ``files.py`` registers its fields with
the ``*_for(user)`` function that says which records the user sees); anybody else gets 404.

With ``PRIVATE_FILES_ACCEL`` set (``/protected/``), the answer is an empty response whose
``X-Accel-Redirect`` lets nginx send the file from its internal location; otherwise Django
streams it.
"""

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404, HttpResponse

from .exporters import content_disposition
from .signals import personal_data_processed

#: what a browser may show rather than download
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


class PrivateStorage(FileSystemStorage):
    """``MEDIA_ROOT/private/``, linked through ``serve`` (``PRIVATE_MEDIA_URL``)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, Path(settings.MEDIA_ROOT) / "private")

    @cached_property
    def base_url(self):
        return self._value_or_setting(self._base_url, settings.PRIVATE_MEDIA_URL)


def private_storage():
    """The storage of private files (``STORAGES["private"]``), for ``FileField(storage=…)``."""
    return storages["private"]


@dataclass(frozen=True)
class PrivateField:
    model: type
    field: str
    #: the records of ``model`` the user may see (the app's rules)
    visible: Callable
    #: for a file holding personal data: ``record → the record`` whose processing log notes the
    #: download (the record itself, or the one it belongs to)
    personal: Callable | None = None


FIELDS: list[PrivateField] = []


def register(model, *fields, visible, personal=None):
    for field in fields:
        FIELDS.append(PrivateField(model, field, visible, personal))


def holding(user, name: str):
    """``(field, record)``: the first record ``user`` sees that holds the private file
    ``name``; ``None`` when there is none."""
    if not (name and user.is_authenticated and user.is_active):
        return None
    for field in FIELDS:
        record = field.visible(user).filter(**{field.field: name}).first()
        if record is not None:
            return field, record
    return None


def may_see(user, name: str) -> bool:
    """Whether ``user`` sees a record that holds the private file ``name``."""
    return holding(user, name) is not None


def file_answer(name: str):
    """The private file ``name`` as the answer: handed to nginx, or streamed."""
    filename = name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if settings.PRIVATE_FILES_ACCEL:
        answer = HttpResponse(content_type=content_type)
        answer["X-Accel-Redirect"] = settings.PRIVATE_FILES_ACCEL.rstrip("/") + "/" + quote(name)
    else:
        answer = _streamed(name, content_type)
    inline = content_type in INLINE_TYPES
    answer["Content-Disposition"] = content_disposition(filename, attachment=not inline)
    return answer


def _streamed(name, content_type):
    storage = private_storage()
    if not storage.exists(name):
        raise Http404
    return FileResponse(storage.open(name, "rb"), content_type=content_type)


def serve(request, name):
    """A private file, for a user who may see a record holding it; 404 for everybody else."""
    found = holding(request.user, name)
    if found is None:
        raise Http404
    field, record = found
    if field.personal is not None:
        personal_data_processed.send(
            sender=type(record),
            record=field.personal(record),
            user=request.user,
            action="downloaded",
            data={"file": name.rsplit("/", 1)[-1]},
        )
    return file_answer(name)


def move_to_private(app_label, model_name, *fields):
    """A data migration's function: move the stored files of ``fields`` from the default storage
    to the private one (their names stay; the file goes under ``MEDIA_ROOT/private/``)."""
    return _mover(app_label, model_name, fields, to_private=True)


def move_to_public(app_label, model_name, *fields):
    """The migration's way back."""
    return _mover(app_label, model_name, fields, to_private=False)


def _mover(app_label, model_name, fields, *, to_private):
    def move(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        source, target = storages["default"], private_storage()
        if not to_private:
            source, target = target, source
        for field in fields:
            names = model.objects.exclude(**{field: ""}).values_list(field, flat=True)
            for name in names.iterator():
                _move(name, source, target)

    return move


def _move(name, source, target):
    if target.exists(name) or not source.exists(name):
        return
    with source.open(name, "rb") as handle:
        saved = target.save(name, handle)
    assert saved == name, f"{name} was stored as {saved}"
    source.delete(name)
