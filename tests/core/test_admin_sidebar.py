"""Wagtail's sidebar kept per process (``core/admin_sidebar.py``): the same JSON as
upstream's ``sidebar_props`` for every login, right, name and language, packed once for each."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.utils import translation
from wagtail.admin.telepath import JSContext, register
from wagtail.admin.templatetags import wagtailadmin_tags as upstream
from wagtail.admin.ui import sidebar

from lienhiep.contests.models import ContestField, Judge
from lienhiep.core import admin_sidebar, generation
from lienhiep.core.memo import Kept
from lienhiep.directory import roles, rules
from tests.counting import calls
from tests.factories import make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    """No sidebar kept by an earlier test, and every pack counted."""
    monkeypatch.setattr(admin_sidebar, "_packed", Kept(admin_sidebar.KEPT))
    monkeypatch.setattr(admin_sidebar, "_by_login", Kept(admin_sidebar.KEPT))
    return calls(monkeypatch, JSContext, "pack")


def request_of(user):
    """A request of ``user`` read again from the database, as each request reads its login."""
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(pk=user.pk)
    return request


def kept_and_upstream(user):
    request = request_of(user)
    return admin_sidebar.sidebar_props({"request": request}), upstream.sidebar_props(
        {"request": request}
    )


def menu(html):
    data = json.loads(re.search(r">(.*)</script>", html, re.S).group(1))
    main = data["modules"][-1]["_args"]
    return [item["_args"][0]["name"] for item in main[0]], main[2]["name"]


def test_sidebar_kept_equals_upstream_and_is_packed_once(personas, nothing_kept):
    first, upstream_first = kept_and_upstream(personas["union_staff"])
    assert first == upstream_first
    assert len(nothing_kept) == 2  # the kept one, then upstream's
    second, upstream_second = kept_and_upstream(personas["union_staff"])
    assert second == upstream_second == first
    assert len(nothing_kept) == 3  # upstream's alone: the kept one was not packed again
    assert "danh-ba" in menu(first)[0]


def test_sidebar_of_another_right_is_never_a_stale_one(personas, nothing_kept):
    judge = personas["judge"]
    before, _ = kept_and_upstream(judge)
    assert menu(before)[0] == ["ma-truy-cap-api-cua-toi", "help"]
    judge.user_permissions.add(
        Permission.objects.get(content_type__app_label="directory", codename="view_organisation")
    )
    after, upstream_after = kept_and_upstream(judge)
    assert after == upstream_after
    assert menu(after)[0] == ["danh-ba", "ma-truy-cap-api-cua-toi", "help"]
    assert kept_and_upstream(personas["union_staff"])[0] != after


def test_sidebar_of_another_name_or_language_is_its_own(personas):
    user = personas["union_staff"]
    user.first_name = "Lan"
    user.save()
    lan, _ = kept_and_upstream(user)
    user.first_name = "Huệ"
    user.save()
    hue, upstream_hue = kept_and_upstream(user)
    assert (menu(lan)[1], menu(hue)[1]) == ("Lan", "Huệ")
    assert hue == upstream_hue
    with translation.override("en"):
        english, upstream_english = kept_and_upstream(user)
    assert english == upstream_english
    assert "Log out" in english
    assert "Log out" not in hue
    with translation.override("vi"):
        assert kept_and_upstream(user)[0] == hue


def test_sidebar_writes_a_repeated_object_as_telepath_does(nothing_kept):
    item = sidebar.LinkMenuItem("tin-tuc", "Tin tức của Liên hiệp hội", "/admin/tin-tuc/")
    twin = sidebar.LinkMenuItem("tin-tuc", "Tin tức của Liên hiệp hội", "/admin/tin-tuc/")
    shared = [sidebar.MainMenuModule([item, item], [], get_user_model()(username="a"))]
    apart = [sidebar.MainMenuModule([item, twin], [], get_user_model()(username="a"))]
    assert admin_sidebar.packed(shared) == admin_sidebar.pack(shared)
    assert admin_sidebar.packed(apart) == admin_sidebar.pack(apart)
    assert admin_sidebar.pack(shared) != admin_sidebar.pack(apart)  # the item, then a reference


@register
class Packing:
    """A component that packs itself (telepath's ``AutoAdapter``): nothing ``Drawing`` can read."""

    count = 0

    def telepath_pack(self, context):
        Packing.count += 1
        return ("lienhiep.test.Packing", [Packing.count])


def test_sidebar_unkeyable_is_packed_for_each_request(nothing_kept):
    modules = [sidebar.WagtailBrandingModule(), Packing()]
    assert '"_args": [1]' in admin_sidebar.packed(modules)
    assert '"_args": [2]' in admin_sidebar.packed(modules)
    assert len(nothing_kept) == 2
    assert len(admin_sidebar._packed) == 0


def test_admin_screens_load_the_kept_sidebar(client, personas, nothing_kept):
    client.force_login(personas["union_staff"])
    first = client.get("/admin/directory/organisations/")
    packs = len(nothing_kept)
    second = client.get("/admin/directory/organisations/")
    assert (first.status_code, second.status_code) == (200, 200)
    sidebar_of = re.compile(r'<script id="wagtail-sidebar-props"[^>]*>.*?</script>', re.S)
    assert sidebar_of.search(second.text).group() == sidebar_of.search(first.text).group()
    assert len(nothing_kept) == packs  # packed by the first screen, kept for the second


def test_a_logins_next_screens_keep_its_menu_until_what_it_is_drawn_from_changes(
    personas, demo, monkeypatch
):
    worked_out = calls(monkeypatch, admin_sidebar, "sidebar_modules")
    judge = personas["judge"]
    first, _ = kept_and_upstream(judge)
    assert kept_and_upstream(judge)[0] == first
    assert len(worked_out) == 1  # the second screen: the menu not worked out again
    # a seat on a panel (contests' judging screen, ``Judge``) shows at once
    field = ContestField.objects.select_related("round").first()
    person = make_person(demo, given="Giám khảo", account=judge)
    Judge.objects.create(round=field.round, field=field, person=person)
    seated, upstream_seated = kept_and_upstream(judge)
    assert seated == upstream_seated
    assert menu(seated)[0] != menu(first)[0]
    assert len(worked_out) == 2
    # a role given (a group: ``m2m_changed``) shows at once too
    judge.groups.add(roles.group(roles.UNION_STAFF))
    staff, upstream_staff = kept_and_upstream(judge)
    assert staff == upstream_staff
    assert "danh-ba" in menu(staff)[0] and "danh-ba" not in menu(seated)[0]
    assert len(worked_out) == 3


def test_site_groups_written_without_signals_change_the_menus(demo):
    editor = make_user(roles.EDITOR, demo)
    site_groups = editor.groups.through.objects.filter(user=editor, group__in=roles.site_groups())
    assert site_groups.exists()
    site_groups.delete()
    without, upstream_without = kept_and_upstream(editor)
    assert without == upstream_without
    before = generation.menus()
    rules.sync_site_groups(editor)  # the groups written back with ``bulk_create``
    assert generation.menus() != before
    back, upstream_back = kept_and_upstream(editor)
    assert back == upstream_back != without


def test_without_a_shared_cache_each_screen_works_its_menu_out(personas, settings, monkeypatch):
    """A cache of one process cannot tell another process's change of rights: no menu is kept by
    login, only its packing (by what it draws)."""
    settings.LIENHIEP_KEEP_FIGURES = False
    worked_out = calls(monkeypatch, admin_sidebar, "sidebar_modules")
    first, _ = kept_and_upstream(personas["union_staff"])
    assert kept_and_upstream(personas["union_staff"])[0] == first
    assert len(worked_out) == 2
    assert len(admin_sidebar._by_login) == 0


def test_wagtail_config_kept_equals_upstream_with_each_requests_own_token(personas, monkeypatch):
    from django.middleware.csrf import _unmask_cipher_token
    from wagtail.models import Locale

    def without_token(config, request):
        # a token is masked afresh each time it is asked for: it must unmask to the request's own
        assert _unmask_cipher_token(config["CSRF_TOKEN"]) == request.META["CSRF_COOKIE"]
        return {key: value for key, value in config.items() if key != "CSRF_TOKEN"}

    def both(context):
        request = context["request"]
        kept = without_token(admin_sidebar.wagtail_config(context), request)
        return kept, without_token(upstream.wagtail_config(context), request)

    monkeypatch.setattr(admin_sidebar, "_configs", Kept(8))
    worked_out = calls(monkeypatch, upstream, "wagtail_config")
    first = {"request": request_of(personas["union_staff"])}
    kept, upstream_first = both(first)
    assert kept == upstream_first
    second = {"request": request_of(personas["union_staff"])}
    again, upstream_second = both(second)
    assert again == upstream_second == kept
    assert len(worked_out) == 3  # the kept one worked out once, upstream's each time
    assert second["request"].META["CSRF_COOKIE"] != first["request"].META["CSRF_COOKIE"]
    # a new locale is listed at once (the menus' generation), and another language is its own
    Locale.objects.create(language_code="en")
    listed, upstream_listed = both(second)
    assert listed == upstream_listed
    assert "en" in [locale["code"] for locale in listed["LOCALES"]]
    with translation.override("en"):
        english, upstream_english = both(second)
    assert english == upstream_english
    assert english["STRINGS"] != kept["STRINGS"]


def test_wagtail_config_of_a_login_without_keyboard_shortcuts_is_its_own(personas, monkeypatch):
    from wagtail.users.models import UserProfile

    monkeypatch.setattr(admin_sidebar, "_configs", Kept(8))
    quiet, usual = personas["leader"], personas["union_staff"]
    profile = UserProfile.get_for_user(quiet)
    profile.keyboard_shortcuts = False
    profile.save()
    UserProfile.get_for_user(usual)
    shortcuts = [
        admin_sidebar.wagtail_config({"request": request_of(user)})["KEYBOARD_SHORTCUTS_ENABLED"]
        for user in (quiet, usual, quiet)
    ]
    assert shortcuts == [False, True, False]
