from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from lienhiep.core.admin_views import ScopedCreateView, ScopedEditView, ScopedModelViewSet
from lienhiep.directory.forms import RegistryForm
from lienhiep.directory.rules import can_read

from . import rules, services
from .forms import HonourRoundForm, NominationForm
from .models import CommendationDecision, HonourRound, Nomination


class LinkColumn(Column):
    cell_template_name = "plans/link_cell.html"

    def __init__(self, name, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    def get_value(self, instance):
        return instance.get_state_display()

    def get_cell_context_data(self, instance, parent_context):
        """The step screen is for those who read the union's work; an officer sees the step."""
        context = super().get_cell_context_data(instance, parent_context)
        if can_read(parent_context["request"].user):
            context["link"] = reverse(self.url_name, args=[instance.pk])
        return context


class RoundViewSet(ScopedModelViewSet):
    model = HonourRound
    visible = staticmethod(rules.rounds_for)
    icon = "pick"
    menu_label = _("Honouring rounds")
    url_prefix = "honours/rounds"
    name = "honours_round"
    list_display = [
        "__str__",
        "year",
        "opens_on",
        "closes_on",
        LinkColumn("state", "honours_round_process", label=_("Step")),
    ]
    list_export = [
        "number",
        "year",
        "regulation",
        "quota_per_unit",
        "threshold",
        "opens_on",
        "closes_on",
        "state",
        "proposal_document",
        "proposal_date",
        "decision_number",
        "decision_date",
    ]
    export_filename = "ton-vinh"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("union"), FieldPanel("number"), FieldPanel("year")]),
            FieldPanel("regulation"),
            FieldPanel("criteria"),
            FieldRowPanel([FieldPanel("quota_per_unit"), FieldPanel("threshold")]),
            FieldRowPanel(
                [FieldPanel("opens_on"), FieldPanel("closes_on"), FieldPanel("council_on")]
            ),
            FieldPanel("ceremony"),
        ],
        base_form_class=HonourRoundForm,
    )


class NominationCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.nominate(
            round=data["round"],
            nominee=data["nominee"],
            unit=data["nominating_unit"],
            user=self.request.user,
            letter=data.get("letter"),
            achievements=data.get("achievements"),
            evidence=data.get("evidence"),
            summary=data.get("summary", ""),
        )

    def form_valid(self, form):
        from django.core.exceptions import PermissionDenied, ValidationError

        try:
            return super().form_valid(form)
        except (PermissionDenied, ValidationError) as error:
            form.add_error(None, error.messages if hasattr(error, "messages") else str(error))
            return self.form_invalid(form)


class NominationViewSet(ScopedModelViewSet):
    model = Nomination
    visible = staticmethod(rules.nominations_for)
    add_view_class = NominationCreateView
    icon = "user"
    menu_label = _("Nominations")
    url_prefix = "honours/nominations"
    name = "honours_nomination"
    list_display = ["nominee", "nominating_unit", "round", "eligible", "honoured"]
    list_filter = ["eligible", "honoured"]
    list_export = [
        "nominee",
        "nominating_unit",
        "round",
        "eligible",
        "eligibility_reason",
        "honoured",
    ]
    export_filename = "de-cu"
    edit_handler = ObjectList(
        [
            FieldPanel("round"),
            FieldPanel("nominee"),
            FieldPanel("nominating_unit"),
            FieldPanel("summary"),
            FieldPanel("letter"),
            FieldPanel("achievements"),
            FieldPanel("evidence"),
        ],
        base_form_class=NominationForm,
    )


class ImportRecipientsColumn(Column):
    """Each decision's link to the import of its recipients from Excel."""

    cell_template_name = "plans/link_cell.html"

    def get_value(self, instance):
        return _("Import recipients")

    def get_cell_context_data(self, instance, parent_context):
        """Offered to those the import lets in (a leader reading the list is not)."""
        context = super().get_cell_context_data(instance, parent_context)
        if parent_context["request"].user.has_perm("honours.add_commendation"):
            context["link"] = reverse("honours_import_recipients", args=[instance.pk])
        else:
            context["value"] = ""
        return context


class DecisionEditView(ScopedEditView):
    @cached_property
    def header_more_buttons(self):
        url = reverse("honours_import_recipients", args=[self.object.pk])
        return [
            *super().header_more_buttons,
            Button(_("Import recipients"), url=url, icon_name="upload"),
        ]


class DecisionViewSet(ScopedModelViewSet):
    model = CommendationDecision
    visible = staticmethod(rules.decisions_for)
    icon = "success"
    menu_label = _("Commendations")
    url_prefix = "honours/commendations"
    name = "honours_decision"
    edit_view_class = DecisionEditView
    list_display = [
        "number",
        "date",
        "issuer_kind",
        "form",
        ImportRecipientsColumn("recipients", label=_("Recipients")),
    ]
    list_filter = ["issuer_kind", "form"]
    list_export = ["number", "date", "issuer_kind", "issuer", "form", "reason"]
    export_filename = "khen-thuong"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("union"), FieldPanel("issuer_kind"), FieldPanel("issuer")]),
            FieldRowPanel([FieldPanel("form"), FieldPanel("number"), FieldPanel("date")]),
            FieldPanel("reason"),
            InlinePanel(
                "recipients",
                heading=_("Recipients"),
                label=_("Recipient"),
                panels=[FieldPanel("organisation"), FieldPanel("person"), FieldPanel("reason")],
            ),
        ],
        base_form_class=RegistryForm,
    )


class HonoursViewSetGroup(ViewSetGroup):
    menu_label = _("Honours and commendations")
    menu_icon = "pick"
    menu_order = 330
    items = (RoundViewSet, NominationViewSet, DecisionViewSet)
