from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from lienhiep.core.admin_views import ScopedModelViewSet
from lienhiep.directory.forms import RegistryForm

from .models import Project
from .rules import projects_for


class FiguresColumn(Column):
    cell_template_name = "plans/link_cell.html"

    def get_value(self, instance):
        return _("Beneficiaries")

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = reverse("community_project_figures", args=[instance.pk])
        return context


class ProjectViewSet(ScopedModelViewSet):
    model = Project
    visible = staticmethod(projects_for)
    icon = "group"
    menu_label = _("Community projects")
    url_prefix = "community/projects"
    name = "community_project"
    add_to_admin_menu = True
    menu_order = 340
    search_fields = ["search_text"]
    list_display = [
        "title",
        "centre",
        "amount",
        "start_date",
        "end_date",
        FiguresColumn("figures", label=_("Figures")),
    ]
    list_export = ["title", "centre", "amount", "start_date", "end_date", "places", "description"]
    export_filename = "du-an-cong-dong"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("centre"), FieldPanel("amount")]),
            FieldPanel("funders"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("places"),
            FieldPanel("description"),
        ],
        base_form_class=RegistryForm,
    )
