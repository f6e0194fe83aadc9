"""Wagtail admin viewsets whose every view sees only what the user may see.

A ``ScopedModelViewSet`` takes ``visible``, a function ``user → queryset``, and uses it for
the listing, search and export, and for fetching the object in edit, inspect, delete, copy,
history and usage views, so a guessed URL answers 404 like a missing record.

Every list export (the "Download XLSX/CSV" buttons) goes through ``core.exporters``: a
``ListExporter`` built from the viewset's ``list_export`` writes the rows Wagtail's index view
has chosen (filters, search, scope), with labels for choices, cleaned cells and dd/mm/yyyy dates;
a viewset with a ``list_export`` registers its exporter, so ``manage.py export --list`` shows it.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from . import exporters
from .exporters.lists import ListExporter, with_relations
from .formatting import fold


class ScopedMixin:
    visible = None

    def scoped_queryset(self):
        return self.visible(self.request.user)


class ScopedObjectMixin(ScopedMixin):
    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.scoped_queryset(), pk=pk)


class ExportMixin:
    """Wagtail's spreadsheet export, written by the one list exporter."""

    def list_exporter(self):
        return ListExporter(
            model=self.model,
            fields=self.list_export,
            headings=self.export_headings,
            filename=self.get_filename(),
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rendered = self.list_exporter().render(format=spreadsheet_format, queryset=queryset)
        return exporters.response(rendered)


class ExportIndexView(ExportMixin, generic.IndexView):
    pass


class ScopedIndexView(ScopedMixin, ExportIndexView):
    """Listing over the visible records, searching the accent-folded ``search_text``."""

    def get_base_queryset(self):
        return with_relations(self.scoped_queryset())

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in fold(self.search_query).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class ScopedCreateView(ScopedMixin, generic.CreateView):
    pass


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ExportingModelViewSet(ModelViewSet):
    """A model viewset whose list export is a registered exporter."""

    index_view_class = ExportIndexView

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if getattr(cls, "model", None) is not None and isinstance(cls.list_export, list | tuple):
            exporters.register(
                ListExporter(
                    model=cls.model,
                    fields=cls.list_export,
                    headings=_declared(cls.export_headings, dict),
                    filename=_declared(cls.export_filename, str) or cls.model._meta.db_table,
                    visible=getattr(cls, "visible", None),
                )
            )


def _declared(value, kind):
    """A viewset's attribute as declared, or None where Wagtail computes it (or leaves it unset)."""
    return value if isinstance(value, kind) else None


class ScopedModelViewSet(ExportingModelViewSet):
    #: ``staticmethod(user → queryset)`` in subclasses.
    visible = None
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    inspect_view_class = ScopedInspectView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(visible=self.visible, **kwargs)
