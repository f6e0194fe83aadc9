import pytest
from django.test import Client
from wagtail.models import APIToken

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from tests.factories import make_org, make_user


class ApiClient:
    """A client that sends one login's token (or none) with every request."""

    def __init__(self, user=None):
        self.user = user
        self.client = Client(HTTP_HOST="localhost")
        self.headers = {}
        if user is not None:
            _token, plain = APIToken.create_token(user=user, name="thử")
            self.headers["Authorization"] = f"Bearer {plain}"

    def get(self, path, **params):
        return self.client.get(f"/api/v1/{path}", params, headers=self.headers)

    def post(self, path, data):
        return self.client.post(
            f"/api/v1/{path}", data, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api_as(personas):
    """``api_as("union_staff")``: a client with that persona's token; ``None``: anonymous."""
    other = make_org(
        "Liên hiệp hội tỉnh Khác", kind=OrganisationKind.UNION, slug="lien-hiep-hoi-khac"
    )
    make_org("Hội Khác", parent=other, slug="hoi-khac")
    found = {**personas, "other_union_staff": make_user(roles.UNION_STAFF, other)}
    return lambda name=None: ApiClient(found[name] if name else None)
