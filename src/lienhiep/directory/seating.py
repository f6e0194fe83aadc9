"""Seating people on councils and panels: a person acts there through their login.

Judges, critique experts and honours council members are chosen with the one people chooser
(``choosers.person_chooser``); the services refuse a person without a login with ``NoLogin``,
and the screens show that refusal with a link to the invitation on the "Tài khoản" screen.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from . import roles


class NoLogin(ValidationError):
    """The person chosen has no login to act with."""


def require_login(person, message, role=None):
    """Refuse ``person`` without a login (``message`` names them as ``%(name)s``); with ``role``,
    their login joins that group."""
    if person.account_id is None:
        raise NoLogin(message % {"name": person})
    if role:
        person.account.groups.add(roles.group(role))


def refusal(error):
    """The words of a refusal; a missing login links to the invitation on the "Tài khoản" screen."""
    text = " ".join(error.messages)
    if not isinstance(error, NoLogin):
        return text
    link = reverse("directory_account_invite")
    return format_html('{} <a href="{}">{}</a>', text, link, _("Invite a person"))
