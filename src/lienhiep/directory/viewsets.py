"""Staff screens of the registry in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup

from lienhiep.core.admin_views import PlainModelViewSet, ScopedModelViewSet

from . import filters, forms, rules
from .models import Bloc, MemberCount, Membership, Organisation, Person, Province, Term


class OrganisationViewSet(ScopedModelViewSet):
    model = Organisation
    visible = staticmethod(rules.organisations_for)
    icon = "group"
    menu_label = _("Organisations")
    url_prefix = "directory/organisations"
    name = "directory_organisation"
    add_to_admin_menu = False
    search_fields = ["search_text"]
    filterset_class = filters.OrganisationFilterSet
    list_display = ["name", "abbreviation", "kind", "bloc", "province", "status"]
    list_export = [
        "name",
        "short_name",
        "abbreviation",
        "slug",
        "kind",
        "parent",
        "bloc",
        "province",
        "status",
        "founding_decision_number",
        "founding_decision_date",
        "admission_decision_number",
        "admission_decision_date",
        "address",
        "phone",
        "email",
    ]
    export_filename = "to-chuc"
    inspect_view_fields = [*list_export, "term_years", "website"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("short_name"), FieldPanel("abbreviation")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("slug")]),
                    FieldPanel("parent"),
                ],
                heading=_("Identity"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("bloc"), FieldPanel("province")]),
                    FieldPanel("place_name"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("ended_on")]),
                    FieldPanel("merged_into"),
                ],
                heading=_("Bloc, place and status"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("founding_decision_number"),
                            FieldPanel("founding_decision_date"),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("admission_decision_number"),
                            FieldPanel("admission_decision_date"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("term_years"), FieldPanel("counted_apart")]),
                ],
                heading=_("Decisions and term"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldPanel("website"),
                ],
                heading=_("Contact"),
            ),
        ],
        base_form_class=forms.OrganisationForm,
    )


class PersonViewSet(ScopedModelViewSet):
    model = Person
    visible = staticmethod(rules.people_for)
    icon = "user"
    menu_label = _("People")
    url_prefix = "directory/people"
    name = "directory_person"
    search_fields = ["search_text"]
    filterset_class = filters.PersonFilterSet
    list_display = ["full_name", "degree", "academic_title", "field_of_expertise", "workplace"]
    list_export = [
        "code",
        "family_name",
        "middle_name",
        "given_name",
        "sex",
        "birth_year",
        "degree",
        "academic_title",
        "field_of_expertise",
        "job_title",
        "workplace",
        "home",
        "email",
        "phone",
    ]
    export_filename = "nguoi"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("code"),
                    FieldRowPanel(
                        [
                            FieldPanel("family_name"),
                            FieldPanel("middle_name"),
                            FieldPanel("given_name"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("sex"), FieldPanel("birth_year")]),
                ],
                heading=_("Identity"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("degree"), FieldPanel("academic_title")]),
                    FieldPanel("field_of_expertise"),
                    FieldPanel("job_title"),
                    FieldPanel("workplace"),
                    FieldPanel("home"),
                ],
                heading=_("Expertise and work"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])], heading=_("Contact")
            ),
        ],
        base_form_class=forms.PersonForm,
    )


class MembershipViewSet(ScopedModelViewSet):
    model = Membership
    visible = staticmethod(rules.memberships_for)
    icon = "link"
    menu_label = _("Memberships and positions")
    url_prefix = "directory/memberships"
    name = "directory_membership"
    filterset_class = filters.MembershipFilterSet
    list_display = ["person", "organisation", "role", "start_date", "end_date"]
    list_export = ["person", "organisation", "role", "start_date", "end_date", "note"]
    export_filename = "thanh-vien"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            FieldPanel("person"),
            FieldPanel("organisation"),
            FieldPanel("role"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("note"),
        ],
        base_form_class=forms.RegistryForm,
    )


class TermViewSet(ScopedModelViewSet):
    model = Term
    visible = staticmethod(rules.terms_for)
    icon = "date"
    menu_label = _("Terms and congresses")
    url_prefix = "directory/terms"
    name = "directory_term"
    filterset_class = filters.TermFilterSet
    list_display = ["organisation", "label", "congress_date", "planned_end", "extended_until"]
    list_export = [
        "organisation",
        "number",
        "congress_date",
        "planned_end",
        "extended_until",
        "notes",
    ]
    export_filename = "nhiem-ky"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("number"),
            FieldRowPanel(
                [
                    FieldPanel("congress_date"),
                    FieldPanel("planned_end"),
                    FieldPanel("extended_until"),
                ]
            ),
            FieldPanel("notes"),
        ],
        base_form_class=forms.RegistryForm,
    )


class MemberCountViewSet(ScopedModelViewSet):
    model = MemberCount
    visible = staticmethod(rules.member_counts_for)
    icon = "table"
    menu_label = _("Member counts")
    url_prefix = "directory/member-counts"
    name = "directory_membercount"
    filterset_class = filters.MemberCountFilterSet
    list_display = ["organisation", "year", "members", "source", "entered_by", "entered_at"]
    list_export = ["organisation", "year", "members", "source", "entered_by", "entered_at"]
    export_filename = "so-hoi-vien"
    inspect_view_fields = list_export
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldRowPanel([FieldPanel("year"), FieldPanel("members")]),
            FieldPanel("source"),
        ],
        base_form_class=forms.MemberCountForm,
    )


class BlocViewSet(PlainModelViewSet):
    model = Bloc
    icon = "folder-open-inverse"
    menu_label = _("Blocs")
    url_prefix = "directory/blocs"
    name = "directory_bloc"
    list_display = ["name", "order"]
    form_fields = ["name", "slug", "order"]
    inspect_view_enabled = True


def all_provinces(user):
    return Province.objects.all()


class ProvinceViewSet(ScopedModelViewSet):
    visible = staticmethod(all_provinces)
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    url_prefix = "directory/provinces"
    name = "directory_province"
    list_display = ["name", "kind", "centre"]
    search_fields = ["search_text"]
    form_fields = ["name", "slug", "kind", "centre"]
    inspect_view_enabled = True


class DirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Registry")
    menu_icon = "group"
    menu_order = 200
    items = (
        OrganisationViewSet,
        PersonViewSet,
        MembershipViewSet,
        TermViewSet,
        MemberCountViewSet,
        BlocViewSet,
        ProvinceViewSet,
    )
