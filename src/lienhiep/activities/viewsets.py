from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from lienhiep.core.admin_views import ScopedDeleteView, ScopedEditView, ScopedModelViewSet
from lienhiep.core.bulk import BulkIndexView
from lienhiep.core.widgets import SearchableCheckboxes

from . import rules
from .filters import ActivityFilterSet
from .forms import ActivityForm, ActivityKindForm
from .models import Activity, ActivityKind


class ActivityIndexView(BulkIndexView):
    """The activities list, with the import that fills it for those who record activities."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if rules.can_record(self.request.user):
            url = reverse("activities_import")
            buttons.append(HeaderButton(_("Import from Excel"), url=url, icon_name="upload"))
        return buttons


class ActivityViewSet(ScopedModelViewSet):
    model = Activity
    visible = staticmethod(rules.activities_for)
    index_view_class = ActivityIndexView
    icon = "date"
    menu_label = _("Activities")
    url_prefix = "activities"
    name = "activities_activity"
    search_fields = ["search_text"]
    filterset_class = ActivityFilterSet
    list_display = ["title", "kind", "start_date", "organiser", "participants_count", "state"]
    list_export = [
        "title",
        "kind",
        "topic",
        "start_date",
        "end_date",
        "place",
        "organiser",
        "participants_count",
        "target_group",
        "outcome",
        "state",
        "news_article",
    ]
    export_filename = "hoat-dong"
    inspect_view_fields = [*list_export, "speakers"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("kind"),
                    FieldPanel("title"),
                    FieldPanel("topic"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("place"),
                    FieldPanel("state"),
                ],
                heading=_("Activity"),
            ),
            MultiFieldPanel(
                [FieldPanel("organiser"), FieldPanel("co_organisers", widget=SearchableCheckboxes)],
                heading=_("Organisers"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("participants_count"),
                    FieldPanel("participants", widget=SearchableCheckboxes),
                    FieldPanel("speakers"),
                    FieldPanel("target_group"),
                ],
                heading=_("Participants"),
            ),
            MultiFieldPanel(
                [FieldPanel("outcome"), FieldPanel("news_article")], heading=_("Outcome")
            ),
            InlinePanel(
                "attachments",
                heading=_("Attachments"),
                label=_("Attachment"),
                panels=[FieldPanel("kind"), FieldPanel("title"), FieldPanel("file")],
            ),
        ],
        base_form_class=ActivityForm,
    )


class KindChangeMixin:
    """A kind is changed only by those who keep it (a guessed URL answers 404)."""

    def scoped_queryset(self):
        return rules.kinds_changed_by(self.request.user)


class KindEditView(KindChangeMixin, ScopedEditView):
    pass


class KindDeleteView(KindChangeMixin, ScopedDeleteView):
    pass


class ActivityKindViewSet(ScopedModelViewSet):
    """Everyone reads the shared kinds and their union's; each keeps only their own."""

    model = ActivityKind
    visible = staticmethod(rules.kinds_for)
    edit_view_class = KindEditView
    delete_view_class = KindDeleteView
    icon = "tag"
    menu_label = _("Activity kinds")
    url_prefix = "activities/kinds"
    name = "activities_kind"
    list_display = ["name", "slug", "unit", "union", "report_section", "order"]
    form_fields = [
        "name",
        "slug",
        "unit",
        "union",
        "order",
        "report_section",
        "sentence",
        "lists_records",
    ]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in form_fields], base_form_class=ActivityKindForm
    )


class ActivitiesViewSetGroup(ViewSetGroup):
    menu_label = _("Activities")
    menu_icon = "date"
    menu_order = 310
    items = (ActivityViewSet, ActivityKindViewSet)
