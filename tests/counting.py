"""Query counts of list screens: the same for one row as for several; calls of a function counted."""

import functools

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lienhiep.directory import roles
from lienhiep.directory.enums import OrganisationKind
from tests.factories import make_org, make_user


def fresh_union():
    """A union of its own with a staff login, so a test controls how many rows a list shows."""
    union = make_org("Liên hiệp hội đếm truy vấn", kind=OrganisationKind.UNION)
    return union, make_user(roles.UNION_STAFF, union)


def queries_for(client, url, params=None):
    """The queries one request of ``url`` costs (after a first request has warmed the caches)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


def rows(response):
    return list(response.context["object_list"])


def calls(monkeypatch, owner, name):
    """Every call of ``owner.name`` from now on, each as the tuple of its arguments (a method's
    ``self`` first); the real one still runs and answers."""
    made = []
    real = getattr(owner, name)

    @functools.wraps(real)
    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return made
