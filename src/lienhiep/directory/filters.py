import django_filters
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from . import queries, rules
from .enums import Degree, OrganisationKind, OrganisationStatus, Role
from .models import Bloc, MemberCount, Membership, Organisation, Person, Province, Term


def reference_key(model):
    return f"directory:choices:{model._meta.label_lower}"


def reference_choices(model):
    """The choices of a reference list (blocs, provinces) for a filter, kept in the shared cache
    until one of its rows is saved or deleted: the lists' screens then cost no query for them."""

    def choices():
        found = cache.get(reference_key(model))
        if found is None:
            found = [(str(row.pk), str(row)) for row in model.objects.all()]
            cache.set(reference_key(model), found, 60 * 60)
        return found

    return choices


def _forget_reference(sender, **kwargs):
    cache.delete(reference_key(sender))


for _model in (Bloc, Province):
    post_save.connect(_forget_reference, sender=_model, dispatch_uid=f"choices_saved_{_model}")
    post_delete.connect(_forget_reference, sender=_model, dispatch_uid=f"choices_gone_{_model}")


def visible_organisations(request):
    return rules.organisations_for(request.user) if request else Organisation.objects.none()


class OrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("kind"), choices=OrganisationKind.choices)
    bloc = django_filters.ChoiceFilter(label=_("bloc"), choices=reference_choices(Bloc))
    province = django_filters.ChoiceFilter(label=_("province"), choices=reference_choices(Province))
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
