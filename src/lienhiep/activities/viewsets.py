from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup

from lienhiep.core.admin_views import PlainModelViewSet, ScopedModelViewSet
from lienhiep.directory.forms import RegistryForm

from . import rules
from .filters import ActivityFilterSet
from .models import Activity, ActivityKind


class ActivityViewSet(ScopedModelViewSet):
    model = Activity
    visible = staticmethod(rules.activities_for)
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
                [FieldPanel("organiser"), FieldPanel("co_organisers")], heading=_("Organisers")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("participants_count"),
                    FieldPanel("participants"),
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
        base_form_class=RegistryForm,
    )


class ActivityKindViewSet(PlainModelViewSet):
    model = ActivityKind
    icon = "tag"
    menu_label = _("Activity kinds")
    url_prefix = "activities/kinds"
    name = "activities_kind"
    list_display = ["name", "slug", "order"]
    form_fields = ["name", "slug", "order"]


class ActivitiesViewSetGroup(ViewSetGroup):
    menu_label = _("Activities")
    menu_icon = "date"
    menu_order = 310
    items = (ActivityViewSet, ActivityKindViewSet)
