"""How the public sees a person who did not consent to publishing (or withdrew the consent):
without a photo, and with the name as the union's rule says — initials, or not at all."""

from .enums import NameRule
from .models import PrivacySettings


def initials(name):
    """``Nguyễn Minh Khoa`` → ``N. M. K.``"""
    return " ".join(f"{word[0]}." for word in name.split())


def shown_name(person, rule):
    """The name of ``person`` (a ``ConsentRecord``) as the public may read it ("" for none)."""
    if person.may_publish:
        return person.name
    return initials(person.name) if rule == NameRule.INITIALS else ""


def name_rule(site):
    if site is None:
        return NameRule.INITIALS
    return PrivacySettings.for_site(site).unconsented_names
