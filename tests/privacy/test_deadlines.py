"""The time limit of each kind of request is the law's (Nghị định 356/2025/NĐ-CP) unless staff
change it in the settings; an open request past its day is overdue on the requests screen and on
the home of the union's leader, and only of that union's."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from wagtail.models import Site

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.privacy import services
from lienhiep.privacy.deadlines import DEFAULT_DAYS
from lienhiep.privacy.enums import RequestKind
from lienhiep.privacy.models import PrivacySettings
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


def ask(union, user, kind=RequestKind.ACCESS, name="Trần Văn Bình", days_ago=0):
    return services.record_request(
        union=union,
        kind=kind,
        name=name,
        received_on=date.today() - timedelta(days=days_ago),
        user=user,
    )


@pytest.mark.parametrize(
    ("kind", "days"),
    [
        (RequestKind.KNOW, 10),
        (RequestKind.ACCESS, 10),
        (RequestKind.CORRECT, 10),
        (RequestKind.RESTRICT, 15),
        (RequestKind.OBJECT, 15),
        (RequestKind.WITHDRAW, 15),
        (RequestKind.ERASE, 10),
    ],
)
def test_each_kind_is_due_in_the_days_the_law_gives(personas, demo, kind, days):
    assert DEFAULT_DAYS[kind] == days
    request = ask(demo, personas["union_staff"], kind)
    assert request.due_on == date.today() + timedelta(days=days)


def test_the_days_staff_set_in_the_settings_are_used(personas, demo):
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.erase_days = 5
    settings.save()
    assert ask(demo, personas["union_staff"], RequestKind.ERASE).due_on == date.today() + timedelta(
        days=5
    )
    assert ask(demo, personas["union_staff"], RequestKind.WITHDRAW).due_on == (
        date.today() + timedelta(days=15)
    )


def test_the_requests_screen_shows_the_time_limits_and_what_is_overdue(client, personas, demo):
    late = ask(demo, personas["union_staff"], name="Người quá hạn", days_ago=30)
    ask(demo, personas["union_staff"], name="Người còn hạn")
    answered = ask(demo, personas["union_staff"], name="Người đã trả lời", days_ago=30)
    services.answer_request(request=answered, answer="Đã trả lời.", user=personas["union_staff"])
    client.force_login(personas["leader"])
    page = client.get(reverse("privacy_requests")).content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    overdue = sorted(row.split("</a>")[0].rsplit(">", 1)[1] for row in rows if "quá hạn" in row)
    assert overdue == [late.name]
    assert "Nghị định 356/2025/NĐ-CP" in page
    assert "<td>Rút lại sự đồng ý</td><td>15</td><td>15</td>" in page


def test_the_leaders_home_lists_the_overdue_requests_of_their_union_only(client, personas, demo):
    late = ask(demo, personas["union_staff"], name="Người quá hạn", days_ago=30)
    ask(demo, personas["union_staff"], name="Người còn hạn")
    vusta = Organisation.objects.get(slug="vusta")
    other = make_org("Liên hiệp hội tỉnh Bên cạnh", kind=OrganisationKind.UNION, parent=vusta)
    ask(other, make_user(roles.UNION_STAFF, other), name="Người tỉnh bên", days_ago=30)
    client.force_login(personas["leader"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Yêu cầu về dữ liệu cá nhân quá hạn" in home
    assert (late.name in home, "Người còn hạn" in home, "Người tỉnh bên" in home) == (
        True,
        False,
        False,
    )
    client.force_login(make_user(roles.UNION_LEADER, other))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Người tỉnh bên" in home, late.name in home) == (True, False)
    client.force_login(personas["editor"])
    assert (
        "Yêu cầu về dữ liệu cá nhân quá hạn"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_home_asks_the_database_about_requests_only_once_one_is_overdue(client, personas, demo):
    """The earliest open due day is kept in the cache and forgotten when a request is saved."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def asked_about_requests():
        with CaptureQueriesContext(connection) as queries:
            home = client.get(reverse("wagtailadmin_home")).content.decode()
        return sum("privacy_datarequest" in q["sql"] for q in queries), home

    client.force_login(personas["leader"])
    asked_about_requests()  # the earliest due day worked out once, then kept
    assert asked_about_requests()[0] == 0
    ask(demo, personas["union_staff"], name="Người còn hạn")
    asked_about_requests()
    assert asked_about_requests()[0] == 0  # open, not yet due: still nothing to ask
    late = ask(demo, personas["union_staff"], name="Người quá hạn", days_ago=30)
    count, home = asked_about_requests()
    assert (count, late.name in home) == (2, True)  # the earliest again, then the overdue list
    services.answer_request(request=late, user=personas["union_staff"], answer="Đã trả lời.")
    asked_about_requests()
    count, home = asked_about_requests()
    assert (count, late.name in home) == (0, False)
