"""The personal data the directory holds (``holders``): people records, their memberships and
positions, the logins linked to them, and the processing log's entries about them.

The directory sits below this app, so its holders are registered from here; the domain apps
above register theirs (nominees, experts, judges, authors) and find the person through
:func:`people_named`. Erasure treats people last: a person still named in a record the law
requires to keep (a commendation, an honouring decision, an issued critique report, published
contest results) keeps the name, and loses every contact detail; anyone else is anonymised."""

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lienhiep.core.formatting import fold
from lienhiep.directory.enums import POSITION_ROLES
from lienhiep.directory.models import Membership, Person
from lienhiep.directory.rules import subtree_ids

from .holders import Holder, Outcome, field_values, same_name

PERSON_FIELDS = (
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
)


def people_named(request):
    """Every people record with the request's name (and birth year, when the request gives a
    birth date), wherever it is kept: a union's records may name a person another keeps."""
    wanted = fold(request.name)
    people = Person.objects.filter(search_text__startswith=wanted).select_related(
        "workplace", "home", "account"
    )
    if request.birth_date:
        people = people.filter(Q(birth_year=request.birth_date.year) | Q(birth_year=None))
    return [p for p in people if same_name(p.full_name, request.name)]


def ids_named(request):
    """The keys of :func:`people_named`: what a holder filters its records by."""
    return [person.pk for person in people_named(request)]


def _in_union(request):
    return subtree_ids(request.union_id)


def find_people(request):
    inside = _in_union(request)
    return [p for p in people_named(request) if p.home_id in inside]


def describe_person(person):
    fields = field_values(person, PERSON_FIELDS)
    if person.account_id:
        fields.append((_("Login"), person.account.get_username()))
    return fields


def person_label(person):
    return _("People record %(code)s") % {"code": person.code}


def _still_named(person):
    """The kinds of record that still name ``person`` once the others were erased."""
    named = []
    for relation in Person._meta.related_objects:
        if relation.many_to_many or relation.one_to_many:
            accessor = relation.get_accessor_name()
            if getattr(person, accessor).exists():
                named.append(str(relation.related_model._meta.verbose_name_plural))
    return named


def erase_person(person, user):
    named = _still_named(person)
    person.email = person.phone = person.job_title = ""
    person.birth_year = None
    person.sex = ""
    person.account = None
    if named:
        person.save()
        log(person, "privacy.person.anonymised", user=user)
        return Outcome(
            person_label(person),
            "kept",
            _(
                "The name stays in records the law requires to keep (%(kinds)s); "
                "the contact details were removed."
            )
            % {"kinds": ", ".join(named)},
        )
    person.family_name = _("Anonymised person")
    person.middle_name = person.given_name = person.field_of_expertise = ""
    person.degree = person.academic_title = ""
    person.workplace = None
    person.save()
    log(person, "privacy.person.anonymised", user=user)
    return Outcome(
        person_label(person), "anonymised", _("No record the law requires to keep names them.")
    )


PEOPLE = Holder(
    label=gettext_lazy("People records"),
    find=find_people,
    describe=describe_person,
    erase=erase_person,
    logged={Person: "home"},
    order=10,
)


def find_memberships(request):
    inside = _in_union(request)
    return list(
        Membership.objects.filter(
            person__in=ids_named(request), organisation__in=inside
        ).select_related("person", "organisation")
    )


def describe_membership(membership):
    return [
        (_("Person"), membership.person.full_name),
        *field_values(membership, ("organisation", "role", "start_date", "end_date", "note")),
    ]


def erase_membership(membership, user):
    label = str(membership)
    if membership.role in POSITION_ROLES:
        return Outcome(
            label,
            "kept",
            _(
                "A position in an organisation's leadership is recorded in its congress and "
                "term decisions."
            ),
        )
    log(membership.person, "privacy.membership.removed", user=user, data={"membership": label})
    membership.delete()
    return Outcome(label, "removed", _("A membership is not a record the law requires to keep."))


MEMBERSHIPS = Holder(
    label=gettext_lazy("Memberships and positions"),
    find=find_memberships,
    describe=describe_membership,
    erase=erase_membership,
    logged={Membership: "organisation"},
)


def find_logins(request):
    return [p.account for p in find_people(request) if p.account_id]


def describe_login(account):
    return field_values(
        account,
        ("username", "first_name", "last_name", "email", "is_active", "last_login", "date_joined"),
    )


def login_label(account):
    return _("Login %(name)s") % {"name": account.get_username()}


def erase_login(account, user):
    label = login_label(account)
    account.username = f"an-danh-{account.pk}"
    account.first_name = account.last_name = account.email = ""
    account.is_active = False
    account.password = make_password(None)
    account.save()
    return Outcome(
        label,
        "anonymised",
        _("The login was closed; the log keeps what it did under an anonymous name."),
    )


LOGINS = Holder(
    label=gettext_lazy("Logins"),
    find=find_logins,
    describe=describe_login,
    erase=erase_login,
    order=11,
)


def find_log(request):
    people = find_people(request)
    accounts = [p.account_id for p in people if p.account_id]
    about = Q(
        content_type=ContentType.objects.get_for_model(Person),
        object_id__in=[str(p.pk) for p in people],
    )
    return list(
        ModelLogEntry.objects.filter(about | Q(user__in=accounts))
        .select_related("user", "content_type")
        .order_by("timestamp")
    )


def describe_log(entry):
    return [
        (_("When"), entry.timestamp.strftime("%d/%m/%Y %H:%M")),
        (_("Who"), entry.user.get_username() if entry.user else _("the system")),
        (_("What"), str(entry.message)),
        (_("Record"), entry.label),
    ]


def erase_log(entry, user):
    return Outcome(
        _("Log entry of %(when)s") % {"when": entry.timestamp.strftime("%d/%m/%Y %H:%M")},
        "kept",
        _(
            "The processing log is the controller's record of who processed personal data "
            "and when (Luật 91/2025/QH15); it is kept."
        ),
    )


LOG = Holder(
    label=gettext_lazy("Processing log"),
    find=find_log,
    describe=describe_log,
    erase=erase_log,
    order=20,
)
