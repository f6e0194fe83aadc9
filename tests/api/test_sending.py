"""A union's year package sent over the API with the sending token the federation issued.

Both installations run in this test process: the union's end posts through the transport seam
(``tests/api/transport.py``: the test client in place of urllib), the federation's end is the
real ``POST /api/v1/packages/``; one test posts over real HTTP (urllib) to a closed port.
"""

import hashlib
import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, RequestFactory
from django.urls import reverse

from lienhiep.api import keys, receiving, sending
from lienhiep.api import wagtail_hooks as hooks
from lienhiep.api.enums import SendingState
from lienhiep.api.models import FederationLink, Sending, SendingToken
from lienhiep.api.package.build import build
from lienhiep.plans.enums import PACKAGE_SUBJECT
from lienhiep.plans.figures import packaged_by_union
from lienhiep.plans.models import ReportedValue
from lienhiep.plans.national import national_indicators
from tests.factories import make_org

pytestmark = pytest.mark.django_db

FEDERATION = "http://localhost"


@pytest.fixture
def test_client_transport(settings):
    settings.FEDERATION_TRANSPORT = "tests.api.transport.through_test_client"


@pytest.fixture
def issued(personas, demo):
    """A sending token the federation's staff issued to Hòa An: ``(token, plain text)``."""
    return receiving.issue_sending_token(user=personas["federation"], union=demo)


@pytest.fixture
def connected(personas, issued, test_client_transport):
    """Hòa An's installation keeps the federation's address and its token."""
    sending.connect_federation(user=personas["union_staff"], url=FEDERATION, token=issued[1])
    return issued[0]


def post(package, plain, raw=None):
    body = raw if raw is not None else json.dumps(package, ensure_ascii=False)
    headers = {"Authorization": f"Bearer {plain}"} if plain else {}
    answer = Client(HTTP_HOST="localhost").post(
        "/api/v1/packages/", body, content_type="application/json", headers=headers
    )
    return answer.status_code, answer.json()["detail"]


def test_a_token_is_shown_once_and_kept_as_a_digest(issued, demo):
    token, plain = issued
    assert (token.union, token.digest, token.prefix) == (
        demo,
        hashlib.sha256(plain.encode()).hexdigest(),
        plain[:8],
    )
    kept = SendingToken.objects.filter(pk=token.pk).values().get()
    assert plain not in [str(v) for v in kept.values()]


@pytest.mark.parametrize("persona", ["union_staff", "leader", "officer", "editor"])
def test_only_the_federations_staff_issue_tokens(personas, demo, persona):
    with pytest.raises(PermissionDenied):
        receiving.issue_sending_token(user=personas[persona], union=demo)
    assert list(receiving.tokens_for(personas[persona])) == []


def test_a_sending_is_loaded_at_the_federation_and_counted_nationally(personas, connected, demo):
    staff = personas["union_staff"]
    sent = sending.queue_sending(user=staff, year=2024)
    sent.refresh_from_db()
    assert (sent.state, sent.status, sent.requested_by, sent.year) == (
        SendingState.ACCEPTED,
        200,
        staff,
        2024,
    )
    assert sent.answer == f"Đã nhận gói số liệu năm 2024 của {demo.name}."
    assert len(sent.package_sha256) == 64
    connected.refresh_from_db()
    assert connected.fingerprint == keys.fingerprint(keys.public_key_text())
    loaded = ReportedValue.objects.filter(organisation=demo, year=2024, subject=PACKAGE_SUBJECT)
    count = loaded.count()
    assert count > 0
    package = {r["code"]: r["value"] for r in build(union=demo, year=2024)["indicators"]}
    national = {code for pk, code, _v in packaged_by_union(2024, national_indicators())}
    assert national == {i.code for i in national_indicators() if package.get(i.code) is not None}

    again = sending.queue_sending(user=staff, year=2024)
    again.refresh_from_db()
    assert (again.state, loaded.count()) == (SendingState.ACCEPTED, count)
    assert list(sending.sendings_of(demo)) == [again, sent]


def test_a_package_of_another_union_is_refused(personas, demo):
    other = make_org("Liên hiệp hội tỉnh Khác", kind="union", slug="lien-hiep-hoi-khac")
    _token, plain = receiving.issue_sending_token(user=personas["federation"], union=other)
    status, detail = post(build(union=demo, year=2024), plain)
    assert status == 403
    assert detail.startswith("Mã gửi số liệu này dành cho Liên hiệp hội tỉnh Khác")
    assert not ReportedValue.objects.filter(subject=PACKAGE_SUBJECT).exists()


def test_a_package_changed_after_signing_is_refused(issued, demo):
    package = build(union=demo, year=2024)
    row = next(r for r in package["indicators"] if r["value"] not in (None, "0"))
    row["value"] = str(int(float(row["value"])) + 1)
    status, detail = post(package, issued[1])
    assert (status, detail) == (
        422,
        "Chữ ký của gói số liệu năm không hợp lệ: gói đã bị sửa sau khi ký.",
    )
    issued[0].refresh_from_db()
    assert issued[0].fingerprint == ""  # a refused package pins no key


def test_a_package_of_an_unknown_version_is_refused(issued, demo):
    status, detail = post({**build(union=demo, year=2024), "version": 2}, issued[1])
    assert status == 422
    assert "phiên bản 2" in detail


def test_a_package_signed_with_another_key_than_the_tokens_is_refused(personas, demo):
    _token, plain = receiving.issue_sending_token(
        user=personas["federation"], union=demo, fingerprint="ab" * 32
    )
    status, detail = post(build(union=demo, year=2024), plain)
    assert status == 403
    assert detail.startswith("Gói được ký bằng khóa")


def test_no_token_a_wrong_or_revoked_one_is_refused(personas, issued, demo):
    package = build(union=demo, year=2024)
    receiving.revoke_sending_token(user=personas["federation"], token=issued[0])
    refused = "Thiếu mã gửi số liệu, mã không đúng hoặc đã bị thu hồi."
    assert post(package, None) == (401, refused)
    assert post(package, "khong-dung") == (401, refused)
    assert post(package, issued[1]) == (401, refused)


def test_a_body_that_is_not_json_is_refused(issued):
    assert post(None, issued[1], raw="{không phải json") == (
        400,
        "Nội dung gửi lên không phải JSON.",
    )


def test_the_token_is_kept_sealed_and_never_shown_back(personas, connected):
    staff = personas["union_staff"]
    link = FederationLink.objects.get()
    plain = sending.keys.unseal(link.sealed_token)
    assert plain not in link.sealed_token
    client = Client()
    client.force_login(staff)
    html = client.get("/admin/federation/sending/").content.decode()
    assert (plain in html, FEDERATION in html) == (False, True)


def test_a_federation_that_does_not_answer_is_recorded(personas, issued, demo, settings):
    settings.FEDERATION_TRANSPORT = "lienhiep.api.sending.post_over_http"
    sending.connect_federation(
        user=personas["union_staff"], url="http://127.0.0.1:9", token=issued[1]
    )
    sent = sending.queue_sending(user=personas["union_staff"], year=2024)
    sent.refresh_from_db()
    assert (sent.state, sent.status) == (SendingState.FAILED, None)
    assert "refused" in sent.answer.lower() or "111" in sent.answer


def test_send_year_command_sends_and_says_what_the_federation_answered(connected, demo):
    out = io.StringIO()
    call_command("send_year", "--org", "hoa-an", "--year", "2024", stdout=out)
    sent = Sending.objects.get()
    assert out.getvalue().strip() == (
        f"Đã gửi gói số liệu năm 2024 của {demo.name} (SHA-256 {sent.package_sha256}): "
        f"Đã nhận gói số liệu năm 2024 của {demo.name}."
    )
    SendingToken.objects.update(fingerprint="ab" * 32)
    with pytest.raises(CommandError, match="Trung ương không nhận gói số liệu năm 2024 \\(403\\)"):
        call_command("send_year", "--org", "hoa-an", "--year", "2024", stdout=io.StringIO())


def reaches(client, url):
    """The screen, or Wagtail's refusal: back to the dashboard (tests/refusals.py)."""
    answer = client.get(url)
    if answer.status_code == 200:
        return True
    assert (answer.status_code, answer["Location"]) == (302, reverse("wagtailadmin_home"))
    return False


@pytest.mark.parametrize(
    ("persona", "tokens", "send"),
    [
        ("federation", True, False),
        ("union_staff", False, True),
        ("leader", False, True),
        ("officer", False, False),
        ("judge", False, False),
        ("editor", False, False),
    ],
)
def test_each_persona_reaches_only_its_end(personas, persona, tokens, send):
    client = Client()
    client.force_login(personas[persona])
    assert reaches(client, reverse("api_sending_tokens")) is tokens
    assert reaches(client, reverse("api_federation_sending")) is send
    request = RequestFactory().get("/admin/")
    request.user = personas[persona]
    items = (
        hooks.register_sending_tokens_menu_item(),
        hooks.register_federation_sending_menu_item(),
    )
    assert tuple(item.is_shown(request) for item in items) == (tokens, send)


def test_revoking_another_unions_token_is_refused_to_union_staff(personas, issued):
    client = Client()
    client.force_login(personas["union_staff"])
    answer = client.post(reverse("api_sending_token_revoke", args=[issued[0].pk]))
    issued[0].refresh_from_db()
    assert (answer.status_code, issued[0].revoked_at) == (404, None)


def test_the_sending_list_reads_the_same_queries_for_one_or_four_sendings(
    personas, connected, demo
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(personas["union_staff"])

    def queries():
        client.get(reverse("api_federation_sending"))  # sessions and caches settled
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("api_federation_sending")).content.decode()
        return len(captured), html.count('<tr class="sending">')

    Sending.objects.create(union=demo, year=2024, requested_by=personas["union_staff"])
    one = queries()
    for year, who in ((2021, "leader"), (2022, "union_staff"), (2023, "leader")):
        Sending.objects.create(union=demo, year=year, requested_by=personas[who])
    assert queries() == (one[0], 4)
    assert one[1] == 1
