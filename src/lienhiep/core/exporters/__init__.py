"""The exporter registry: every file the platform hands out is rendered by a registered exporter.

An exporter has an ``identifier`` (``contests.yearbook``), a translated ``verbose_name``, its
``options`` (form fields by name: the admin and the API build a form from them, ``manage.py
export`` reads them as ``--name value``) and ``render(**options)``, which returns a
:class:`Rendered` file: ``(filename, content_type, content)``. Heavy libraries (openpyxl,
docxtpl, WeasyPrint) are imported inside ``render``. A domain app declares its exporters in
``exporters.py`` (``core`` discovers them); the admin's list exports are registered by their
viewsets (``core.admin_views``). :func:`response` turns a rendered file into the HTTP answer::

    @register
    class Yearbook(Exporter):
        identifier = "contests.yearbook"
        verbose_name = _("Yearbook of a round")
        options = {"round": forms.ModelChoiceField(ContestRound.objects.all())}

        def render(self, *, round, format="docx"):
            return Rendered(f"ky-yeu-{round.slug}.{format}", DOCX, yearbook_docx(round))

Tabular files (CSV and XLSX) are written by ``core.exporters.tables``, the one place that
cleans cells, neutralises formulas and writes labels, Vietnamese numbers and dd/mm/yyyy dates.
"""

from typing import NamedTuple
from urllib.parse import quote

from anyascii import anyascii
from django import forms
from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"

EXPORTERS: dict = {}


class Rendered(NamedTuple):
    filename: str
    content_type: str
    content: bytes


class Exporter:
    identifier = ""
    verbose_name = ""
    #: ``{name: django form field}``: what ``render`` takes, cleaned by the field
    options: dict = {}
    #: ``manage.py export`` may render it (no request or visitor needed)
    command_line = True

    def render(self, **options) -> Rendered:
        raise NotImplementedError

    def form(self, data=None) -> forms.Form:
        """The options as a form: the admin, the API and the command line clean them with it."""
        return type("ExportForm", (forms.Form,), dict(self.options))(data)

    def __str__(self):
        return self.identifier


def register(exporter):
    """Register an exporter (class or instance); usable as a class decorator."""
    instance = exporter() if isinstance(exporter, type) else exporter
    known = EXPORTERS.get(instance.identifier)
    if known is not None and type(known) is not type(instance):
        raise ValueError(f"Exporter {instance.identifier} is registered twice.")
    EXPORTERS[instance.identifier] = instance
    return exporter


def exporters():
    """Every exporter, by identifier; the admin's list exports come with the Wagtail hooks."""
    from wagtail import hooks

    hooks.search_for_hooks()
    return [EXPORTERS[key] for key in sorted(EXPORTERS)]


def exporter(identifier: str) -> Exporter:
    exporters()
    return EXPORTERS[identifier]


def content_disposition(filename: str, *, attachment: bool = True) -> str:
    """RFC 6266: an ASCII ``filename`` for old clients and ``filename*`` for Vietnamese letters."""
    kind = "attachment" if attachment else "inline"
    fallback = anyascii(filename).replace("\\", "_").replace('"', "_")
    header = f'{kind}; filename="{fallback}"'
    if fallback != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


def response(rendered: Rendered, *, attachment: bool = True) -> HttpResponse:
    """The rendered file as the answer: downloaded (``attachment``) or shown in the browser."""
    answer = HttpResponse(rendered.content, content_type=rendered.content_type)
    answer["Content-Disposition"] = content_disposition(rendered.filename, attachment=attachment)
    return answer
