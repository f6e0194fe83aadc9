"""Bulk actions on a scoped Wagtail listing: a checkbox per row, "select all", one service.

A ``BulkIndexView`` puts Wagtail's checkbox column and bulk-action footer on a
``ScopedModelViewSet`` listing. A ``ScopedBulkAction`` fetches the selected records through
the viewset's ``visible`` (a record out of the user's scope is never found), asks for
confirmation, then calls ONE service with every selected record: the service checks them all
and refuses the whole batch, naming every bad record, or changes and logs each one. The result
is a message with the count.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.bulk_action import BulkAction

from .admin_views import ScopedIndexView
from .formatting import fold, format_count


class BulkIndexView(ScopedIndexView):
    """A scoped listing whose rows can be selected for the model's bulk actions."""

    template_name = "core/bulk_index.html"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="record"), *super().columns]


class ScopedBulkAction(BulkAction):
    """Subclasses set ``models``, ``visible`` (user → queryset), ``service`` and the texts."""

    template_name = "core/bulk_confirm.html"
    visible = None
    service = None
    #: the name the service gives the selected records (``returns``, ``entries`` …)
    records_argument = "records"
    #: the listing's filters (``None``: its ``list_filter`` fields, read from the query string)
    filterset_class = None
    #: "%(count)s …" shown after the change
    done_message = ""

    def scoped(self):
        return type(self).visible(self.request.user)

    def get_all_objects_in_listing_query(self, parent_id):
        """ "Select all in the listing": the records the listing shows, with its filters and
        search (Wagtail passes the listing's query string along with ``id=all``)."""
        return self.listed(self.scoped()).values_list("pk", flat=True)

    def listed(self, queryset):
        if self.filterset_class is not None:
            queryset = self.filterset_class(self.request.GET, queryset, request=self.request).qs
        else:
            names = {f.name for f in queryset.model._meta.concrete_fields} - {"id"}
            chosen = {k: v for k, v in self.request.GET.items() if k in names and v}
            queryset = queryset.filter(**chosen)
        for word in fold(self.request.GET.get("q", "")).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            ids = list(self.get_all_objects_in_listing_query(None))
        return list(self.scoped().filter(pk__in=[i for i in ids if str(i).isdigit()])), {}

    def require_all_found(self, objects):
        """A selected record out of the user's scope refuses the batch, without naming it."""
        wanted = {i for i in self.request.GET.getlist("id") if i != "all"}
        missing = len(wanted - {str(obj.pk) for obj in objects})
        if missing or not objects:
            raise ValidationError(
                _("Nothing was changed: %(count)s of the selected records cannot be found.")
                % {"count": format_count(missing)}
            )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

    def run(self, objects):
        arguments = {self.records_argument: objects, "user": self.request.user}
        return type(self).service(**arguments, **self.options())

    def options(self):
        return {}

    def form_valid(self, form):
        self.cleaned_form = form
        objects, __ = self.get_actionable_objects()
        try:
            self.require_all_found(objects)
            done = self.run(objects)
        except (PermissionDenied, ValidationError) as error:
            messages.error(self.request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(self.request, self.done_message % {"count": format_count(done)})
        return redirect(self.next_url)
