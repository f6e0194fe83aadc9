"""Two people editing the same yearly return, plan, critique case or contest entry: the second
save is refused, naming who saved first and when, and the first save is kept."""

import pytest
from django.urls import reverse

from lienhiep.consulting.rules import cases_for
from lienhiep.contests.rules import entries_for
from lienhiep.core.versioning import STALE_UNKNOWN, stale_message
from lienhiep.directory import roles
from lienhiep.plans.rules import plans_for, returns_for
from tests.factories import make_user
from tests.html_forms import form_values

pytestmark = pytest.mark.django_db

RECORDS = {
    "plans_yearlyreturn": lambda user: returns_for(user).filter(state="draft"),
    "plans_annualplan": lambda user: plans_for(user).filter(state="draft"),
    "consulting_case": cases_for,
    "contests_entry": entries_for,
}
#: a text field each edit form has
TEXT = {
    "plans_yearlyreturn": "notes",
    "plans_annualplan": "notes",
    "consulting_case": "title",
    "contests_entry": "title",
}


def opened(client, user, url):
    client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    return form_values(page.content.decode(), "version")


@pytest.mark.parametrize("viewset", RECORDS)
def test_a_stale_save_is_refused_naming_who_saved_first(client, demo, viewset):
    first = make_user(roles.UNION_STAFF, demo, username="chi.lan")
    second = make_user(roles.UNION_STAFF, demo, username="anh.minh")
    record = RECORDS[viewset](first).order_by("pk").first()
    url = reverse(f"{viewset}:edit", args=[record.pk])
    field = TEXT[viewset]
    mine, theirs = opened(client, second, url), opened(client, first, url)
    theirs[field] = "Bản của chị Lan"
    assert client.post(url, theirs).status_code == 302
    client.force_login(second)
    mine[field] = "Bản của anh Minh"
    page = client.post(url, mine)
    record.refresh_from_db()
    assert page.status_code == 200
    assert stale_message(record) in page.content.decode()
    assert "chi.lan" in stale_message(record)
    assert getattr(record, field) == "Bản của chị Lan"


def test_saving_counts_versions_and_a_fresh_form_saves(client, demo):
    staff = make_user(roles.UNION_STAFF, demo)
    record = returns_for(staff).filter(state="draft").order_by("pk").first()
    url = reverse("plans_yearlyreturn:edit", args=[record.pk])
    before = record.version
    for note in ("Lần một", "Lần hai"):
        values = opened(client, staff, url)
        values["notes"] = note
        assert client.post(url, values).status_code == 302
    record.refresh_from_db()
    assert (record.notes, record.version) == ("Lần hai", before + 2)


def test_without_a_log_the_refusal_still_says_to_reload(demo):
    staff = make_user(roles.UNION_STAFF, demo)
    record = cases_for(staff).order_by("pk").first()
    record.__class__.objects.filter(pk=record.pk)  # the demo's records may have no log
    from wagtail.models import ModelLogEntry

    ModelLogEntry.objects.all().delete()
    assert stale_message(record) == str(STALE_UNKNOWN)
