import pytest
from django.core.management import call_command


@pytest.fixture
def empty_installation(transactional_db):
    """A freshly migrated database: reference data, Wagtail's welcome page, no union, no demo.

    The session's demo is flushed away, so these tests run last with the browser tests, which
    seed the demo again for themselves.
    """
    from wagtail.models import Locale, Page, Site

    from lienhiep.directory.demo import seed_provinces
    from lienhiep.directory.roles import ensure_groups

    call_command("flush", interactive=False, verbosity=0)
    seed_provinces()
    ensure_groups()
    Locale.objects.get_or_create(language_code="vi")
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
