import re

from django.urls import reverse
from wagtail.admin.icons import get_icons


def sprite_address(client, screen):
    """The sprite's address as an admin screen names it for ``icons.js``."""
    drawn = client.get(screen).content.decode()
    return re.search(r'data-icon-url="([^"]+)"', drawn)[1].replace("&amp;", "&")


def test_the_sprite_an_admin_screen_names_is_kept_a_year(client, personas):
    client.force_login(personas["union_staff"])
    address = sprite_address(client, reverse("wagtailadmin_home"))
    client.logout()  # the sprite is the same for everyone: the login screen names it too
    assert sprite_address(client, reverse("wagtailadmin_login")) == address
    answer = client.get(address)
    assert answer.status_code == 200
    assert answer.content.decode() == get_icons()
    assert answer["Content-Type"].startswith("image/svg+xml")
    kept = set(answer["Cache-Control"].split(", "))
    assert kept == {"public", "max-age=31536000", "immutable"}


def test_the_sprite_under_another_hash_is_kept_by_nobody(client, db):
    answer = client.get(reverse("wagtailadmin_sprite") + "?h=00000000")
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    assert "max-age=0" in answer["Cache-Control"]
