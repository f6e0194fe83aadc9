"""Staff screens of the consulting kinds staff define, their light records and council seats."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from lienhiep.core.admin_views import PlainModelViewSet, ScopedIndexView, ScopedModelViewSet

from . import rules
from .forms import ConsultingRecordForm, CouncilSeatForm
from .models import ConsultingKind, ConsultingRecord, CouncilSeat


class ConsultingKindViewSet(PlainModelViewSet):
    model = ConsultingKind
    icon = "tag"
    menu_label = _("Consulting kinds")
    url_prefix = "consulting/kinds"
    name = "consulting_kind"
    list_display = ["name", "form", "unit", "report_section", "order"]
    form_fields = [
        "name",
        "slug",
        "form",
        "unit",
        "order",
        "report_section",
        "sentence",
        "lists_records",
    ]


class RecordIndexView(ScopedIndexView):
    """The records list, with the import from the register of incoming documents."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if rules.can_import_records(self.request.user):
            url = reverse("consulting_records_import")
            buttons.append(HeaderButton(_("Import from Excel"), url=url, icon_name="upload"))
        return buttons


class ConsultingRecordViewSet(ScopedModelViewSet):
    model = ConsultingRecord
    visible = staticmethod(rules.records_for)
    index_view_class = RecordIndexView
    icon = "doc-empty"
    menu_label = _("Consulting records")
    url_prefix = "consulting/records"
    name = "consulting_record"
    search_fields = ["search_text"]
    list_display = ["title", "kind", "date", "requester", "document_number"]
    list_filter = ["kind"]
    list_export = ["title", "kind", "date", "requester", "document_number", "union", "note"]
    export_filename = "cong-viec-tu-van"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("union")]),
            FieldPanel("title"),
            FieldRowPanel(
                [FieldPanel("date"), FieldPanel("requester"), FieldPanel("document_number")]
            ),
            FieldPanel("note"),
        ],
        base_form_class=ConsultingRecordForm,
    )


class CouncilSeatViewSet(ScopedModelViewSet):
    model = CouncilSeat
    visible = staticmethod(rules.seats_for)
    icon = "group"
    menu_label = _("Council seats")
    url_prefix = "consulting/seats"
    name = "consulting_seat"
    search_fields = ["search_text"]
    list_display = ["council", "kind", "member", "start_date", "end_date"]
    list_filter = ["kind"]
    list_export = [
        "council",
        "kind",
        "member",
        "requester",
        "decision_number",
        "start_date",
        "end_date",
        "union",
    ]
    export_filename = "hoi-dong"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("union")]),
            FieldPanel("council"),
            FieldRowPanel([FieldPanel("member"), FieldPanel("requester")]),
            FieldRowPanel(
                [FieldPanel("decision_number"), FieldPanel("start_date"), FieldPanel("end_date")]
            ),
            InlinePanel(
                "sittings",
                heading=_("Sittings"),
                label=_("Sitting"),
                panels=[FieldPanel("date"), FieldPanel("subject")],
            ),
        ],
        base_form_class=CouncilSeatForm,
    )


class OtherConsultingViewSetGroup(ViewSetGroup):
    menu_label = _("Other consulting work")
    menu_icon = "doc-empty"
    menu_order = 321
    items = (ConsultingRecordViewSet, CouncilSeatViewSet, ConsultingKindViewSet)
