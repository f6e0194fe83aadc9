from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from lienhiep.core.admin_views import (
    ScopedCreateView,
    ScopedInspectView,
    ScopedModelViewSet,
)
from lienhiep.directory.forms import RegistryForm

from . import rules, services
from .filters import EntryFilterSet
from .forms import RoundForm
from .models import Contest, ContestRound, Entry


class StateColumn(Column):
    cell_template_name = "plans/link_cell.html"

    def get_value(self, instance):
        return instance.get_state_display()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link"] = reverse("contests_round_process", args=[instance.pk])
        return context


class ContestViewSet(ScopedModelViewSet):
    model = Contest
    visible = staticmethod(rules.contests_for)
    icon = "crosshairs"
    menu_label = _("Contests")
    url_prefix = "contests/contests"
    name = "contests_contest"
    list_display = ["name", "kind", "union"]
    list_export = ["name", "kind", "union"]
    export_filename = "cuoc-thi"
    edit_handler = ObjectList(
        [FieldPanel("union"), FieldPanel("kind"), FieldPanel("name")], base_form_class=RegistryForm
    )


class RoundCreateView(ScopedCreateView):
    """A new round starts from the last round's settings (or the kind's defaults)."""

    def save_instance(self):
        data = self.form.cleaned_data
        round = services.launch_round(
            contest=data["contest"],
            number=data["number"],
            period=data["period"],
            launch_date=data["launch_date"],
            entry_deadline=data["entry_deadline"],
            user=self.request.user,
        )
        return round

    def get_success_url(self):
        return reverse("contests_round:edit", args=[self.object.pk])


class RoundViewSet(ScopedModelViewSet):
    model = ContestRound
    visible = staticmethod(rules.rounds_for)
    add_view_class = RoundCreateView
    icon = "calendar-alt"
    menu_label = _("Contest rounds")
    url_prefix = "contests/rounds"
    name = "contests_round"
    list_display = [
        "__str__",
        "launch_date",
        "entry_deadline",
        StateColumn("state", label=_("Step")),
    ]
    list_filter = ["contest__kind", "state"]
    list_export = [
        "contest",
        "number",
        "period",
        "launch_date",
        "entry_deadline",
        "state",
        "approval_number",
        "results_published_on",
    ]
    export_filename = "vong-thi"
    panels_general = [
        FieldRowPanel([FieldPanel("contest"), FieldPanel("number"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("launch_date"), FieldPanel("entry_deadline")]),
    ]
    edit_handler = ObjectList(
        [
            *panels_general,
            FieldPanel("slug"),
            FieldRowPanel(
                [
                    FieldPanel("judging_from"),
                    FieldPanel("judging_to"),
                    FieldPanel("ceremony_date"),
                ]
            ),
            FieldPanel("rules_decision"),
            FieldRowPanel([FieldPanel("co_organisers"), FieldPanel("committee")]),
            FieldPanel("call"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                    FieldRowPanel([FieldPanel("applied_since"), FieldPanel("residence")]),
                    FieldPanel("exclude_earlier_entries"),
                ],
                heading=_("Eligibility"),
            ),
            InlinePanel("fields", heading=_("Fields of entry"), label=_("Field")),
            InlinePanel("criteria", heading=_("Judging criteria"), label=_("Criterion")),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("two_stages"),
                            FieldPanel("judges_per_entry"),
                            FieldPanel("rank_by_normalised"),
                        ]
                    )
                ],
                heading=_("Judging"),
            ),
            InlinePanel("prizes", heading=_("Prize structure"), label=_("Prize")),
            FieldRowPanel(
                [
                    FieldPanel("national_round"),
                    FieldPanel("national_quota"),
                    FieldPanel("yearbook_sent_on"),
                ]
            ),
        ],
        base_form_class=RoundForm,
    )

    def get_add_view_kwargs(self, **kwargs):
        """The add form asks only what a new round needs; the rest is copied, then edited."""
        panel = ObjectList(self.panels_general, base_form_class=RegistryForm).bind_to_model(
            ContestRound
        )
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)


class EntryForm(RegistryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "field" in self.fields:
            self.fields["field"].queryset = self.instance.round.fields.all()


class EntryCreateView(ScopedCreateView):
    """Entries are added on their round's screen, with the round known."""

    def dispatch(self, request, *args, **kwargs):
        return redirect("contests_round:index")


class EntryInspectView(ScopedInspectView):
    """An entry's model field is named ``field``: Wagtail looks for a view method named
    ``get_<name>_display_value`` and finds ``get_field_display_value`` itself."""

    def get_field_display_value(self, field_name=None, field=None):
        if field_name is None:  # called as the display hook of the entry's ``field``
            return str(self.object.field)
        return super().get_field_display_value(field_name, field)


class EntryViewSet(ScopedModelViewSet):
    model = Entry
    visible = staticmethod(rules.entries_for)
    add_view_class = EntryCreateView
    inspect_view_class = EntryInspectView
    icon = "doc-full"
    menu_label = _("Contest entries")
    url_prefix = "contests/entries"
    name = "contests_entry"
    list_display = ["code", "title", "field", "round", "eligible", "prize"]
    filterset_class = EntryFilterSet
    list_export = [
        "code",
        "title",
        "field",
        "round",
        "entering_unit",
        "source",
        "eligible",
        "eligibility_reason",
        "prize",
        "forwarded",
        "national_prize",
    ]
    export_filename = "bai-du-thi"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("field"),
            FieldPanel("description"),
            FieldPanel("entering_unit"),
            FieldRowPanel([FieldPanel("applied_since"), FieldPanel("email"), FieldPanel("phone")]),
            InlinePanel(
                "authors",
                heading=_("Authors"),
                label=_("Author"),
                panels=[
                    FieldPanel("name"),
                    FieldPanel("birth_date"),
                    FieldPanel("workplace"),
                    FieldPanel("is_main"),
                    FieldPanel("email"),
                    FieldPanel("phone"),
                    FieldPanel("publish_consent"),
                    FieldRowPanel(
                        [
                            FieldPanel("representative_name"),
                            FieldPanel("representative_relation"),
                            FieldPanel("representative_contact"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("paper_consent_on"), FieldPanel("paper_consent_form")]
                    ),
                ],
            ),
            InlinePanel(
                "files",
                heading=_("Files"),
                label=_("File"),
                panels=[FieldPanel("kind"), FieldPanel("file")],
            ),
        ],
        base_form_class=EntryForm,
    )


class ContestsViewSetGroup(ViewSetGroup):
    menu_label = _("Contests")
    menu_icon = "crosshairs"
    menu_order = 325
    items = (ContestViewSet, RoundViewSet, EntryViewSet)
