"""Private files (dossiers, opinions, attachments, entries' and reports' files) are stored under
MEDIA_ROOT/private/ and served only through the scoped view (core/private.py)."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from lienhiep.activities.models import ActivityAttachment
from lienhiep.core import private
from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import Organisation
from lienhiep.honours.models import Nomination
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% ho so de cu\n%%EOF\n"


@pytest.fixture
def dossier(demo):
    nomination = Nomination.objects.filter(round__union=demo).first()
    nomination.letter.save("cong-van-de-cu.pdf", ContentFile(PDF))
    yield nomination
    nomination.letter.delete(save=False)


@pytest.fixture
def other_union_staff(demo):
    federation = Organisation.objects.get(slug="vusta")
    other = make_org("Liên hiệp hội tỉnh Khác", kind=OrganisationKind.UNION, parent=federation)
    return make_user(roles.UNION_STAFF, other)


def body(response):
    return b"".join(response.streaming_content)


def test_a_private_file_is_stored_apart_and_linked_through_the_view(dossier, settings):
    url = dossier.letter.url
    assert url == f"/tep/{dossier.letter.name}"
    stored = Path(settings.MEDIA_ROOT) / "private" / dossier.letter.name
    assert stored.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / dossier.letter.name).exists()


def test_a_visitor_and_another_unions_staff_get_404(client, dossier, other_union_staff):
    assert client.get(dossier.letter.url).status_code == 404
    client.force_login(other_union_staff)
    assert client.get(dossier.letter.url).status_code == 404


def test_a_name_no_record_holds_is_404_even_for_a_superuser(client, dossier):
    client.force_login(make_user(superuser=True))
    assert client.get("/tep/honours/2024/khac.pdf").status_code == 404


def test_the_unions_staff_get_the_file(client, dossier, personas):
    client.force_login(personas["union_staff"])
    response = client.get(dossier.letter.url)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert body(response) == PDF
    assert response["Content-Disposition"] == 'inline; filename="cong-van-de-cu.pdf"'


def test_behind_nginx_the_answer_is_an_accel_redirect_without_a_body(
    client, dossier, personas, settings
):
    settings.PRIVATE_FILES_ACCEL = "/protected/"
    client.force_login(personas["union_staff"])
    response = client.get(dossier.letter.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{dossier.letter.name}"
    assert response.content == b""
    client.logout()
    assert "X-Accel-Redirect" not in client.get(dossier.letter.url)


def test_an_activity_attachment_follows_the_activitys_scope(client, demo, personas):
    attachment = ActivityAttachment.objects.filter(activity__organiser=demo).first() or None
    if attachment is None:
        from lienhiep.activities.models import Activity

        activity = Activity.objects.filter(organiser=demo).first()
        attachment = ActivityAttachment(activity=activity, title="Biên bản")
    attachment.file.save("bien-ban.pdf", ContentFile(PDF))
    try:
        client.force_login(personas["other_officer"])
        assert client.get(attachment.file.url).status_code == 404
        client.force_login(personas["union_staff"])
        assert body(client.get(attachment.file.url)) == PDF
    finally:
        attachment.file.delete(save=False)


def test_the_migration_moves_stored_files_under_the_private_folder(dossier, settings):
    name = "honours/2024/cu.pdf"
    public, hidden = storages["default"], private.private_storage()
    public.save(name, ContentFile(PDF))
    Nomination.objects.filter(pk=dossier.pk).update(evidence=name)
    private.move_to_private("honours", "nomination", "evidence")(apps, None)
    with hidden.open(name) as moved:
        assert (public.exists(name), moved.read()) == (False, PDF)
    private.move_to_public("honours", "nomination", "evidence")(apps, None)
    assert (public.exists(name), hidden.exists(name)) == (True, False)
    public.delete(name)
