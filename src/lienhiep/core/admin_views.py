"""Wagtail admin viewsets whose every view sees only what the user may see.

A ``ScopedModelViewSet`` takes ``visible``, a function ``user → queryset``, and uses it for
the listing, search and export, and for fetching the object in edit, inspect, delete, copy,
history and usage views, so a guessed URL answers 404 like a missing record.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from .formatting import fold


class ScopedMixin:
    visible = None

    def scoped_queryset(self):
        return self.visible(self.request.user)


class ScopedObjectMixin(ScopedMixin):
    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.scoped_queryset(), pk=pk)


class ScopedIndexView(ScopedMixin, generic.IndexView):
    """Listing over the visible records, searching the accent-folded ``search_text``."""

    def get_base_queryset(self):
        queryset = self.scoped_queryset()
        related = [f.name for f in self.model._meta.concrete_fields if f.is_relation]
        return queryset.select_related(*related) if related else queryset

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


class ScopedModelViewSet(ModelViewSet):
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
