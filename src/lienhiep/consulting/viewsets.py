from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from lienhiep.core.admin_views import ScopedCreateView, ScopedModelViewSet
from lienhiep.directory.rules import own_organisation

from . import rules, services
from .forms import CaseForm
from .models import Case


class CaseCreateView(ScopedCreateView):
    """A new case is received through the service, which also sets its steps' due dates."""

    def save_instance(self):
        data = {
            k: v
            for k, v in self.form.cleaned_data.items()
            if k in {f.name for f in Case._meta.fields}
        }
        return services.open_case(user=self.request.user, **data)

    def get_initial(self):
        initial = super().get_initial()
        scope = own_organisation(self.request.user)
        if scope is not None:
            initial["union"] = scope.pk
        return initial


class ProcessColumn(Column):
    cell_template_name = "plans/link_cell.html"

    def get_value(self, instance):
        return instance.get_state_display()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = reverse("consulting_case_process", args=[instance.pk])
        return context


class CaseViewSet(ScopedModelViewSet):
    model = Case
    visible = staticmethod(rules.cases_for)
    add_view_class = CaseCreateView
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Critique cases")
    url_prefix = "consulting/cases"
    name = "consulting_case"
    add_to_admin_menu = True
    menu_order = 320
    search_fields = ["search_text"]
    list_display = [
        "title",
        "kind",
        "requester",
        "request_date",
        "deadline",
        ProcessColumn("state", label=gettext_lazy("Step")),
    ]
    list_filter = ["kind", "state", "in_plan"]
    list_export = [
        "title",
        "kind",
        "field_of_expertise",
        "requester",
        "request_number",
        "request_date",
        "in_plan",
        "deadline",
        "state",
        "meeting_date",
        "report_document",
        "report_date",
        "sent_to",
    ]
    export_filename = "tu-van-phan-bien"
    inspect_view_fields = [*list_export, "response", "response_date"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("field_of_expertise")]),
            FieldRowPanel([FieldPanel("union"), FieldPanel("requester")]),
            FieldRowPanel(
                [FieldPanel("request_number"), FieldPanel("request_date"), FieldPanel("deadline")]
            ),
            FieldRowPanel([FieldPanel("scheme_file"), FieldPanel("scheme_annex")]),
            FieldPanel("in_plan"),
            FieldRowPanel([FieldPanel("response"), FieldPanel("response_date")]),
        ],
        base_form_class=CaseForm,
    )
