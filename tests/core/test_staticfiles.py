"""The static files' storage keeps each file's URL per process (``core/staticfiles.py``)."""

from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from django.templatetags.static import static
from django.test import override_settings
from wagtail.admin.staticfiles import versioned_static

from lienhiep.core.staticfiles import StaticStorage
from tests.counting import calls

NAMES = ["wagtailadmin/js/sidebar.js", "core/Tiếng Việt.css", "/lienhiep/logo.svg", "a?b#c.js"]


def test_static_url_is_djangos_worked_out_once(monkeypatch):
    storage = StaticStorage()
    worked_out = calls(monkeypatch, StaticFilesStorage, "url")
    first = [storage.url(name) for name in NAMES]
    again = [storage.url(name) for name in NAMES]
    assert first == again == [StaticFilesStorage().url(name) for name in NAMES]
    assert first[1] == "/static/core/Ti%E1%BA%BFng%20Vi%E1%BB%87t.css"
    # ours once each, then the plain storage's
    assert [name for _storage, name in worked_out] == [*NAMES, *NAMES]


def test_static_url_follows_a_changed_static_url():
    assert static("lienhiep/logo.svg") == "/static/lienhiep/logo.svg"
    assert versioned_static("lienhiep/logo.svg").startswith("/static/lienhiep/logo.svg?v=")
    with override_settings(STATIC_URL="/tinh/"):
        assert static("lienhiep/logo.svg") == "/tinh/lienhiep/logo.svg"
    assert static("lienhiep/logo.svg") == "/static/lienhiep/logo.svg"
    assert type(staticfiles_storage._wrapped) is StaticStorage
