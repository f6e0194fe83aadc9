import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from . import queries, rules
from .enums import Degree, OrganisationKind, OrganisationStatus, Role
from .models import Bloc, MemberCount, Membership, Organisation, Person, Province, Term


def visible_organisations(request):
    return rules.organisations_for(request.user) if request else Organisation.objects.none()


class OrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("kind"), choices=OrganisationKind.choices)
    bloc = django_filters.ModelChoiceFilter(label=_("bloc"), queryset=Bloc.objects.all())
    province = django_filters.ModelChoiceFilter(
        label=_("province"), queryset=Province.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=OrganisationStatus.choices)
    congress_overdue = django_filters.BooleanFilter(
        label=_("overdue for congress"), method="filter_congress_overdue"
    )

    class Meta:
        model = Organisation
        fields = ["kind", "bloc", "province", "status"]

    def filter_congress_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        overdue = queries.overdue_for_congress(Organisation.objects.all(), today).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class PersonFilterSet(WagtailFilterSet):
    degree = django_filters.ChoiceFilter(label=_("degree"), choices=Degree.choices)
    memberships__organisation = django_filters.ModelChoiceFilter(
        label=_("member of"), queryset=visible_organisations, distinct=True
    )

    class Meta:
        model = Person
        fields = ["degree", "academic_title", "sex"]


class MembershipFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("organisation"), queryset=visible_organisations
    )
    role = django_filters.ChoiceFilter(label=_("role"), choices=Role.choices)

    class Meta:
        model = Membership
        fields = ["organisation", "role"]


class TermFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("organisation"), queryset=visible_organisations
    )
    congress_year = django_filters.NumberFilter(
        label=_("congress year"), field_name="congress_date", lookup_expr="year"
    )

    class Meta:
        model = Term
        fields = ["organisation"]


class MemberCountFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("organisation"), queryset=visible_organisations
    )

    class Meta:
        model = MemberCount
        fields = ["organisation", "year"]
