"""A model list as a table: the admin's list exports (Excel and CSV of every listing).

The columns are the viewset's ``list_export`` (dotted paths allowed); a choice is written as
its label ("Hội viên tập thể", not ``collective_member``); the rest is ``tables``' work.
"""

from django import forms
from django.contrib.admin.utils import label_for_field
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import multigetattr

from . import Exporter, tables

FORMATS = [("xlsx", "Excel (XLSX)"), ("csv", "CSV")]
#: any of them lets a user see the listing (as Wagtail's index view)
LIST_PERMISSIONS = ("view", "add", "change", "delete")


def model_field(model, path: str):
    """The model field at the end of a dotted path, or None (a property, a method)."""
    field = None
    for name in path.split("."):
        if model is None:
            return None
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field


def with_relations(queryset):
    """The queryset with its foreign keys joined, so a row costs no query."""
    related = [f.name for f in queryset.model._meta.concrete_fields if f.is_relation]
    return queryset.select_related(*related) if related else queryset


class ListExporter(Exporter):
    """The export of a model list for a user: what they may see, with the list's columns."""

    def __init__(self, *, model, fields, headings=None, filename=None, visible=None):
        opts = model._meta
        self.model, self.fields, self.visible = model, list(fields), visible
        self.headings = headings or {}
        self.filename = filename or opts.model_name
        self.identifier = f"{opts.app_label}.{opts.model_name}_list"
        self.verbose_name = capfirst(opts.verbose_name_plural)
        self.options = {
            "user": forms.ModelChoiceField(
                get_user_model().objects.all(), to_field_name="username", label=_("User")
            ),
            "format": forms.ChoiceField(choices=FORMATS, required=False),
        }

    def render(self, *, user=None, format="xlsx", queryset=None):
        if queryset is None:
            queryset = self.queryset(user)
        table = tables.Table(self.verbose_name, self.heading_row(), self.rows(queryset))
        return tables.render(table, format=format or "xlsx", filename=self.filename)

    def queryset(self, user):
        """What ``user`` sees in the listing (the command line and the API ask through here)."""
        opts = self.model._meta
        perms = [f"{opts.app_label}.{action}_{opts.model_name}" for action in LIST_PERMISSIONS]
        if user is None or not any(user.has_perm(perm) for perm in perms):
            raise PermissionDenied
        visible = self.visible(user) if self.visible else self.model._default_manager.all()
        return with_relations(visible)

    def heading(self, path):
        if path in self.headings:
            return str(self.headings[path])
        field = model_field(self.model, path)
        if field is not None and hasattr(field, "verbose_name"):
            return capfirst(str(field.verbose_name))
        try:  # a property or method, perhaps with a ``short_description``
            return capfirst(str(label_for_field(path, self.model)))
        except (AttributeError, FieldDoesNotExist):
            return path

    def heading_row(self):
        return [self.heading(path) for path in self.fields]

    def labels(self):
        """``{path: {value: label}}`` for the columns that are choices."""
        fields = {path: model_field(self.model, path) for path in self.fields}
        return {path: dict(f.flatchoices) for path, f in fields.items() if f and f.choices}

    def rows(self, queryset):
        labels = self.labels()
        for item in queryset:
            yield [self.value(item, path, labels.get(path)) for path in self.fields]

    @staticmethod
    def value(item, path, labels):
        value = multigetattr(item, path)
        return labels.get(value, value) if labels else value
