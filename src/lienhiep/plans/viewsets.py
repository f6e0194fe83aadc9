"""Staff screens of plans, reported values, indicators and yearly returns."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from lienhiep.core.admin_views import ExportingModelViewSet, ScopedEditView, ScopedModelViewSet
from lienhiep.core.bulk import BulkIndexView

from . import rules
from .forms import (
    AnnualPlanForm,
    IndicatorForm,
    ReportedValueForm,
    TermPlanForm,
    YearlyReturnForm,
)
from .models import AnnualPlan, Indicator, ReportedValue, TermPlan, YearlyReturn


class IndicatorViewSet(ExportingModelViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = gettext_lazy("Indicators")
    url_prefix = "plans/indicators"
    name = "plans_indicator"
    search_fields = ["search_text"]
    list_display = ["name", "unit", "method", "rollup", "report_section"]
    list_filter = ["method", "rollup", "report_section"]
    list_export = ["code", "name", "name_en", "unit", "method", "rollup"]
    export_filename = "chi-so"
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "code",
                "name",
                "name_en",
                "unit",
                "method",
                "rollup",
                "breakdowns",
                "order",
                "public",
                "report_section",
                "sentence",
                "lists_records",
            )
        ],
        base_form_class=IndicatorForm,
    )
    inspect_view_enabled = True
    inspect_view_fields = ["name", "code", "unit", "method", "rollup", "breakdowns", "order"]


class ReportedValueViewSet(ScopedModelViewSet):
    model = ReportedValue
    visible = staticmethod(rules.values_for)
    icon = "edit"
    menu_label = gettext_lazy("Reported values")
    url_prefix = "plans/reported-values"
    name = "plans_reportedvalue"
    list_display = [
        "indicator",
        "organisation",
        "year",
        "value",
        "source",
        "entered_by",
        "entered_at",
    ]
    list_filter = ["year", "indicator"]
    list_export = [
        "indicator",
        "organisation",
        "year",
        "value",
        "breakdown",
        "source",
        "entered_by",
        "entered_at",
    ]
    export_filename = "so-lieu-bao-cao"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            FieldPanel("indicator"),
            FieldPanel("organisation"),
            FieldRowPanel([FieldPanel("year"), FieldPanel("value")]),
            FieldPanel("breakdown"),
            FieldPanel("source"),
        ],
        base_form_class=ReportedValueForm,
    )


class PlanEditView(ScopedEditView):
    """An approved plan is locked."""

    def dispatch(self, request, *args, **kwargs):
        plan = self.get_object()
        if plan.is_locked:
            messages.error(request, _("This plan is approved and locked."))
            return redirect(reverse("plans_annualplan:inspect", args=[plan.pk]))
        return super().dispatch(request, *args, **kwargs)


class AnnualPlanViewSet(ScopedModelViewSet):
    model = AnnualPlan
    visible = staticmethod(rules.plans_for)
    edit_view_class = PlanEditView
    icon = "tasks"
    menu_label = gettext_lazy("Annual plans")
    url_prefix = "plans/plans"
    name = "plans_annualplan"
    list_display = ["organisation", "year", "state", "approved_by", "approved_at"]
    list_filter = ["year", "state"]
    list_export = ["organisation", "year", "state", "approved_by", "approved_at", "notes"]
    export_filename = "ke-hoach"
    inspect_template_name = "plans/annualplan_inspect.html"
    inspect_view_fields = ["organisation", "year", "state", "approved_by", "approved_at", "notes"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("year")]),
            InlinePanel(
                "targets",
                heading=gettext_lazy("Targets"),
                label=pgettext_lazy("plan target", "target"),
                panels=[
                    FieldPanel("indicator"),
                    FieldPanel("value"),
                    FieldPanel("assigned_by"),
                    FieldPanel("assignment"),
                ],
            ),
            InlinePanel(
                "items",
                heading=gettext_lazy("Tasks and solutions"),
                label=pgettext_lazy("plan item", "task or solution"),
                panels=[FieldPanel("kind"), FieldPanel("text"), FieldPanel("done_on")],
            ),
            FieldPanel("notes"),
        ],
        base_form_class=AnnualPlanForm,
    )


class TermPlanViewSet(ScopedModelViewSet):
    """The congress resolution's targets for its term, entered once by the union's staff."""

    model = TermPlan
    visible = staticmethod(rules.term_plans_for)
    icon = "tasks"
    menu_label = gettext_lazy("Term targets")
    url_prefix = "plans/term-plans"
    name = "plans_termplan"
    list_display = ["term", "resolution"]
    list_export = ["term", "resolution"]
    export_filename = "chi-tieu-nhiem-ky"
    inspect_view_fields = ["term", "resolution"]
    edit_handler = ObjectList(
        [
            FieldPanel("term"),
            FieldPanel("resolution"),
            InlinePanel(
                "targets",
                heading=gettext_lazy("Targets of the term"),
                label=pgettext_lazy("plan target", "target"),
                panels=[FieldPanel("indicator"), FieldPanel("value")],
            ),
        ],
        base_form_class=TermPlanForm,
    )


class ReturnEditView(ScopedEditView):
    """An officer edits their return only while it is a draft or sent back."""

    def dispatch(self, request, *args, **kwargs):
        yearly_return = self.get_object()
        if not rules.can_edit_return(request.user, yearly_return):
            messages.error(
                request, _("This return has been submitted and can no longer be changed.")
            )
            return redirect(reverse("plans_return_review", args=[yearly_return.pk]))
        return super().dispatch(request, *args, **kwargs)


class ReviewColumn(Column):
    def get_value(self, instance):
        return _("Review")

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = reverse("plans_return_review", args=[instance.pk])
        return context

    cell_template_name = "plans/link_cell.html"


class YearlyReturnViewSet(ScopedModelViewSet):
    model = YearlyReturn
    visible = staticmethod(rules.returns_for)
    index_view_class = BulkIndexView
    edit_view_class = ReturnEditView
    icon = "doc-full"
    menu_label = gettext_lazy("Yearly returns")
    url_prefix = "plans/returns"
    name = "plans_yearlyreturn"
    list_display = [
        "organisation",
        "year",
        "state",
        "deadline",
        "members",
        "submitted_at",
        ReviewColumn("review", label=gettext_lazy("Review")),
    ]
    list_filter = ["year", "state"]
    list_export = [
        "organisation",
        "year",
        "state",
        "deadline",
        "members",
        "research_projects",
        "technology_transfers",
        "charity",
        "activities",
        "notes",
        "submitted_at",
        "return_reason",
    ]
    export_filename = "bao-cao-nam"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("year"), FieldPanel("deadline")]),
            FieldRowPanel(
                [
                    FieldPanel("members"),
                    FieldPanel("research_projects"),
                    FieldPanel("technology_transfers"),
                    FieldPanel("charity"),
                ]
            ),
            FieldPanel("activities"),
            FieldPanel("notes"),
        ],
        base_form_class=YearlyReturnForm,
    )


class PlansViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Plans")
    menu_icon = "tasks"
    menu_order = 300
    items = (
        AnnualPlanViewSet,
        TermPlanViewSet,
        YearlyReturnViewSet,
        ReportedValueViewSet,
        IndicatorViewSet,
    )
