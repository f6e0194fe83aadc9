"""Small factories for registry records and personas."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind, Role
from lienhiep.directory.models import AccountScope, Membership, Organisation, Person

_sequence = itertools.count(1)


def make_org(name=None, kind=OrganisationKind.MEMBER_ASSOCIATION, parent=None, **fields):
    number = next(_sequence)
    name = name or f"Hội thử nghiệm {number}"
    return Organisation.objects.create(
        name=name, slug=fields.pop("slug", f"to-chuc-{number}"), kind=kind, parent=parent, **fields
    )


def make_person(home, family="Nguyễn", middle="Văn", given="An", **fields):
    number = next(_sequence)
    return Person.objects.create(
        code=fields.pop("code", f"T-{number:05d}"),
        family_name=family,
        middle_name=middle,
        given_name=given,
        home=home,
        **fields,
    )


def make_membership(person, organisation, role=Role.MEMBER, start=date(2020, 1, 1), **fields):
    return Membership.objects.create(
        person=person, organisation=organisation, role=role, start_date=start, **fields
    )


def make_user(role=None, scope=None, username=None, superuser=False):
    # The groups come with the migrated database (post_migrate); they are made again only where a
    # test emptied it. ensure_groups() on every call cost 180 queries a user, 8 users a
    # ``personas`` (bench/RESULTS.md, goal 5, third round).
    if Group.objects.filter(name__in=roles.GROUP_NAMES.values()).count() < len(roles.GROUP_NAMES):
        roles.ensure_groups()
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_sequence)}",
        password="matkhau-thu-nghiem",
        is_superuser=superuser,
        is_staff=superuser,
    )
    if role:
        user.groups.add(roles.group(role))
    if scope:
        AccountScope.objects.create(user=user, organisation=scope)
    return user
