import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from lienhiep.directory.filters import visible_organisations
from lienhiep.directory.models import Bloc

from .enums import ActivityState
from .models import Activity, ActivityKind


class ActivityFilterSet(WagtailFilterSet):
    kind = django_filters.ModelChoiceFilter(label=_("kind"), queryset=ActivityKind.objects.all())
    organiser = django_filters.ModelChoiceFilter(
        label=_("organiser"), queryset=visible_organisations
    )
    bloc = django_filters.ModelChoiceFilter(
        label=_("bloc"), queryset=Bloc.objects.all(), field_name="organiser__bloc"
    )
    year = django_filters.NumberFilter(label=_("year"), field_name="start_date", lookup_expr="year")
    state = django_filters.ChoiceFilter(label=_("state"), choices=ActivityState.choices)

    class Meta:
        model = Activity
        fields = ["kind", "organiser", "state"]
