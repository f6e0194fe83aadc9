"""How a login is shown in the admin: its name in Vietnamese order and its initials as avatar.

Wagtail shows a user through ``get_full_name()`` (users list, sidebar, history, locks), so the
Vietnamese order is set there, once, when the app is ready. Avatars are the initials drawn in an
inline SVG: no image is fetched from Gravatar or anywhere outside the site.
"""

from urllib.parse import quote

from django.utils.html import escape

AVATAR_COLOURS = ["#0b5394", "#1d6b44", "#8a3b12", "#5b3a8c", "#7a5c00", "#2f4f4f"]


def vietnamese_full_name(user):
    """Family, middle and given name: the linked person's, else ``last_name first_name``."""
    person = getattr(user, "person", None)
    if person is not None:
        return person.full_name
    return " ".join(filter(None, [user.last_name.strip(), user.first_name.strip()]))


def initials(user):
    """The first letter of the family name and of the given name ("Nguyễn Thị Hạnh" → "NH")."""
    words = (vietnamese_full_name(user) or user.get_username()).split()
    letters = [words[0][0], words[-1][0]] if len(words) > 1 else [words[0][0]] if words else []
    return "".join(letters).upper()


def avatar_data_url(user, size=50):
    """An SVG avatar with the user's initials, as a ``data:`` URL."""
    colour = AVATAR_COLOURS[(user.pk or 0) % len(AVATAR_COLOURS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 50 50"><rect width="50" height="50" fill="{colour}"/>'
        '<text x="25" y="25" dy=".35em" text-anchor="middle" fill="#fff" '
        'font-family="Arial, sans-serif" font-size="20" font-weight="bold">'
        f"{escape(initials(user))}</text></svg>"
    )
    return "data:image/svg+xml;charset=utf-8," + quote(svg)


def install():
    """Make Django's user show its name in Vietnamese order wherever Wagtail shows it."""
    from django.contrib.auth import get_user_model

    get_user_model().get_full_name = vietnamese_full_name
