"""One people chooser: a search that shows each person's organisation and position.

Every screen that seats people — logins, the honours council, judging panels, critique panels —
uses this chooser, so namesakes are told apart the same way everywhere and nobody scrolls a
150-line select. It lists only the people the user may see (``rules.people_for``).
"""

from django import forms
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from lienhiep.core.formatting import fold

from . import rules
from .enums import POSITION_ROLES
from .models import Membership, Person


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name, field or code"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        query = fold(self.cleaned_data.get("q"))
        if query:
            self.is_searching, self.search_query = True, self.cleaned_data["q"]
            objects = objects.filter(search_text__contains=query)
        return objects


def organisation_of(person):
    organisation = person.workplace or person.home
    return organisation.name if organisation else ""


def position_of(person):
    held = [str(m.get_role_display()) + " " + m.organisation.name for m in person.positions]
    return "; ".join(filter(None, [person.job_title, *held]))


class VisiblePeopleMixin:
    def get_object_list(self):
        today = timezone.localdate()
        positions = Membership.objects.filter(role__in=POSITION_ROLES, start_date__lte=today)
        positions = positions.exclude(end_date__lt=today).select_related("organisation")
        people = rules.people_for(self.request.user).select_related("workplace", "home")
        return people.prefetch_related(Prefetch("memberships", positions, to_attr="positions"))

    @property
    def columns(self):
        return [
            self.title_column,
            Column("organisation", label=_("Organisation"), accessor=organisation_of),
            Column("position", label=_("Position"), accessor=position_of),
            Column("code", label=_("Code"), accessor="code"),
        ]


class ChoosePersonView(VisiblePeopleMixin, chooser_views.ChooseView):
    filter_form_class = PersonSearchForm


class ChoosePersonResultsView(VisiblePeopleMixin, chooser_views.ChooseResultsView):
    filter_form_class = PersonSearchForm


class ChosenPersonView(chooser_views.ChosenView):
    def get_object(self, pk):
        return rules.people_for(self.request.user).get(pk=pk)


class PersonChooserViewSet(ChooserViewSet):
    model = Person
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    per_page = 20
    choose_view_class = ChoosePersonView
    choose_results_view_class = ChoosePersonResultsView
    chosen_view_class = ChosenPersonView


person_chooser = PersonChooserViewSet(
    "directory_person_chooser", url_prefix="directory/choose-person"
)
