from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from lienhiep.core.admin_views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedModelViewSet,
)
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.forms import RegistryForm
from lienhiep.directory.models import OutgoingDocument

from . import rules, services
from .enums import RunState
from .models import ReportRun, ReportTemplate


class RunColumn(Column):
    cell_template_name = "plans/link_cell.html"

    def get_value(self, instance):
        return instance.get_state_display()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = reverse("reports_run", args=[instance.pk])
        return context


class RunCreateForm(RegistryForm):
    """A new run's period: the kind with its year (and quarter), or one of the union's terms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].required = False
        terms = self.fields["term"].queryset.filter(organisation__kind=OrganisationKind.UNION)
        self.fields["term"].queryset = terms.select_related("organisation")
        self.fields["term"].label_from_instance = lambda term: f"{term.organisation} – {term.label}"

    def clean(self):
        data = super().clean()
        if data.get("organisation") and data.get("kind"):
            try:
                data.update(
                    services.check_period(
                        organisation=data["organisation"],
                        kind=data["kind"],
                        year=data.get("year"),
                        quarter=data.get("quarter"),
                        term=data.get("term"),
                    )
                )
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    self.add_error(field, messages_)
        return data


class RunCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_run(
            organisation=data["organisation"],
            year=data["year"],
            kind=data["kind"],
            quarter=data.get("quarter"),
            term=data.get("term"),
            user=self.request.user,
        )

    def get_success_url(self):
        return reverse("reports_run", args=[self.object.pk])


class IssuedRunLockedMixin:
    """An issued report is a dispatched document: it is neither edited nor deleted."""

    def dispatch(self, request, *args, **kwargs):
        run = self.get_object()
        if run.is_issued:
            messages.error(
                request,
                _("Report %(number)s is issued: it can no longer be changed or deleted.")
                % {"number": run.document},
            )
            return redirect("reports_run", pk=run.pk)
        return super().dispatch(request, *args, **kwargs)


class RunEditView(IssuedRunLockedMixin, ScopedEditView):
    def save_instance(self):
        before = ReportRun.objects.get(pk=self.object.pk).narrative
        run = super().save_instance()
        if run.state == RunState.GENERATED and run.narrative != before:
            services.mark_outdated(run=run, user=self.request.user)
            messages.warning(
                self.request,
                _(
                    "The text changed after the report was generated: generate it again before issuing it."
                ),
            )
        return run


class RunDeleteView(IssuedRunLockedMixin, ScopedDeleteView):
    pass


class RunViewSet(ScopedModelViewSet):
    model = ReportRun
    visible = staticmethod(rules.runs_for)
    add_view_class = RunCreateView
    edit_view_class = RunEditView
    delete_view_class = RunDeleteView
    icon = "doc-full-inverse"
    menu_label = _("Reports")
    url_prefix = "reports/runs"
    name = "reports_run"
    list_display = ["__str__", "year", "kind", RunColumn("state", label=_("State")), "document"]
    list_filter = ["kind", "state", "year"]
    list_export = ["organisation", "year", "kind", "state", "document", "issued_on"]
    export_filename = "bao-cao"
    create_panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("quarter")]),
        FieldPanel("term"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("opening"),
            FieldPanel("shortcomings"),
            FieldPanel("causes"),
            FieldPanel("proposals"),
            MultiFieldPanel(
                [
                    FieldPanel("parent_body"),
                    FieldPanel("place"),
                    FieldRowPanel([FieldPanel("authority"), FieldPanel("signer_title")]),
                    FieldPanel("signer_name"),
                    FieldPanel("recipients"),
                ],
                heading=_("Signature and recipients"),
            ),
        ],
        base_form_class=RegistryForm,
    )

    def get_add_view_kwargs(self, **kwargs):
        panel = ObjectList(self.create_panels, base_form_class=RunCreateForm).bind_to_model(
            ReportRun
        )
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)


class TemplateForm(RegistryForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "seek"):
            try:
                services.validate_template(upload)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return upload


class TemplateCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.upload_template(
            organisation=data["organisation"],
            upload=data["file"],
            user=self.request.user,
            note=data.get("note", ""),
        )


class TemplateViewSet(ScopedModelViewSet):
    model = ReportTemplate
    visible = staticmethod(rules.templates_for)
    add_view_class = TemplateCreateView
    icon = "doc-empty"
    menu_label = _("Report templates")
    url_prefix = "reports/templates"
    name = "reports_template"
    list_display = ["__str__", "organisation", "active", "uploaded_at"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("file"), FieldPanel("note"), FieldPanel("active")],
        base_form_class=TemplateForm,
    )


class RegisterViewSet(ScopedModelViewSet):
    model = OutgoingDocument
    visible = staticmethod(rules.documents_for)
    icon = "list-ol"
    menu_label = _("Outgoing documents")
    url_prefix = "reports/register"
    name = "reports_register"
    list_display = ["__str__", "date", "subject", "organisation"]
    list_filter = ["year"]
    list_export = ["organisation", "year", "number", "symbol", "date", "subject"]
    export_filename = "so-van-ban-di"
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldRowPanel([FieldPanel("year"), FieldPanel("number"), FieldPanel("symbol")]),
            FieldPanel("date"),
            FieldPanel("subject"),
        ],
        base_form_class=RegistryForm,
    )


class ReportsViewSetGroup(ViewSetGroup):
    menu_label = _("Reports")
    menu_icon = "doc-full-inverse"
    menu_order = 350
    items = (RunViewSet, TemplateViewSet, RegisterViewSet)
