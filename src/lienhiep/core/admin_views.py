"""Wagtail admin viewsets whose every view sees only what the user may see.

A ``ScopedModelViewSet`` takes ``visible``, a function ``user → queryset``, and uses it for
the listing, search and export, and for fetching the object in edit, inspect, delete, copy,
history and usage views, so a guessed URL answers 404 like a missing record.

Every list export (the "Download XLSX/CSV" buttons) goes through ``core.exporters``: a
``ListExporter`` built from the viewset's ``list_export`` writes the rows Wagtail's index view
has chosen (filters, search, scope), with labels for choices, cleaned cells and dd/mm/yyyy dates;
a viewset with a ``list_export`` registers its exporter, so ``manage.py export --list`` shows it.
"""

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from . import exporters
from .exporters.lists import ListExporter, with_relations
from .formatting import fold
from .signals import personal_data_processed


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
        personal_data_processed.send(
            sender=self.model,
            record=None,
            user=self.request.user,
            action="exported",
            data={"list": str(self.model._meta.verbose_name_plural), "file": rendered.filename},
        )
        return exporters.response(rendered)


def yes_or_no(value):
    """A yes/no value as words ("Có", "Không"), never True/False; blank when unknown."""
    return "" if value is None else gettext("Yes") if value else gettext("No")


class YesNoColumn(Column):
    def get_value(self, instance):
        return yes_or_no(super().get_value(instance))


class YesNoFilterAdapter(BaseFilterAdapter):
    """The active-filter chip of a yes/no filter says "Có"/"Không", not True/False."""

    def get_active_filters(self):
        removed = self.get_url_without_filter_param(self.name)
        label = self.bound_field.label
        return [ActiveFilter(self.bound_field.auto_id, label, yes_or_no(self.value), removed)]


register_filter_adapter_class(django_filters.BooleanFilter, adapter_class=YesNoFilterAdapter)


class IndexView(generic.IndexView):
    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if isinstance(_model_field(self.model, field_name), models.BooleanField):
            column_class = YesNoColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


class ExportIndexView(ExportMixin, IndexView):
    pass


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a method, a property or a relation path
        return None


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


class ViewedMixin:
    """Opening a record's screen shows what it holds: the processing log hears of it
    (``core.signals.personal_data_processed``; the privacy app keeps what is personal data)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        personal_data_processed.send(
            sender=self.model, record=self.object, user=request.user, action="viewed", data={}
        )
        return response


class ScopedEditView(ViewedMixin, ScopedObjectMixin, generic.EditView):
    pass


class InspectView(generic.InspectView):
    """Inspect shows what people entered: never the id nor computed columns (search text)."""

    def get_fields(self):
        return [name for name in super().get_fields() if _shown(self.model, name)]

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return yes_or_no(value) if isinstance(value, bool) else "—" if value is None else value


#: Columns kept for searching and sorting, which no reader needs to see.
COMPUTED = {"search_text", "sort_key"}


def _shown(model, name):
    field = _model_field(model, name)
    return name not in COMPUTED and not (field is not None and field.primary_key)


class ScopedInspectView(ViewedMixin, ScopedObjectMixin, InspectView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class PlainModelViewSet(ModelViewSet):
    """A model viewset whose lists and inspect pages show words: "Có"/"Không", no ids."""

    index_view_class = IndexView
    inspect_view_class = InspectView


class ExportingModelViewSet(PlainModelViewSet):
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
