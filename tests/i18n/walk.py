"""The admin menu a login sees, and the English and technical text a reader meets on a page
(the walk over every offered page is ``tests/core/test_offered_links.py``)."""

import html
import re

from django.test import RequestFactory

ENGLISH = re.compile(
    r"\b(True|False|None|Full name|Label|Username|Port|Site name|Root page|ID|Search text"
    r"|Member organisations|Page|Search|Editors|Moderators|Please submit at least"
    r"|Can (?:add|change|delete|view)|Lock/unlock pages)\b"
)
APPS = "core|directory|plans|activities|consulting|contests|honours|community|reports|website"
CODE = re.compile(rf"\b(?:{APPS}|wagtail\w*|auth)\.[a-z_]+\b")
#: Words a page may show: an indicator's own screens show its code (and the form's help text an
#: example of one); the account's time zones are named as the world names them
#: ("America/Port-au-Prince").
ALLOWED = {"/admin/plans/indicators/": CODE, "/admin/account/": re.compile(r"Port")}
ENGLISH_AGO = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+trước")
#: Raw JSON on a screen: an object with a quoted key, a list of quoted names, an empty list or
#: object (a JSON field's help text or value shown as data instead of explained in words).
JSON = re.compile(r'\{\s*"[^"]*"\s*:[^}]*\}|\[\s*"[^"]*"(?:\s*,\s*"[^"]*")*\s*\]|\[\s*\]|\{\s*\}')
#: What a button says, in English.
ENGLISH_BUTTON = re.compile(
    r"\b(Search|Save|Delete|Cancel|Add|Edit|Submit|Close|Next|Previous|Back|Filter|Apply|Clear"
    r"|Upload|Download|Export|Import|Send|Publish|Create|Remove|Update|Choose|Select|Reset|Sort"
    r"|More|Actions|Continue|Confirm|Preview|View|Go|Yes|No|OK)\b"
)
BUTTON = re.compile(r"<button\b[^>]*>(.*?)</button>", re.S | re.I)
INPUT_BUTTON = re.compile(r'<input\b[^>]*\btype="(?:submit|button|reset)"[^>]*>', re.I)
VALUE = re.compile(r'\bvalue="([^"]*)"')
HIDDEN = re.compile(r"<(script|style|template|noscript)\b.*?</\1>", re.S | re.I)
ATTRIBUTES = re.compile(r'\b(?:title|placeholder|aria-label)="([^"]*)"')
HIDDEN_ELEMENT = re.compile(r"<(\w+)[^>]*\shidden(?:\s[^>]*)?>[^<]*</\1>")


def menu_urls(user):
    """The addresses of the admin menu, its submenus included, as ``user`` sees them."""
    from django.urls import reverse
    from wagtail.admin.menu import SubmenuMenuItem, admin_menu

    # Loading the URLs registers the viewsets' menu items: the menu is built once, so not before.
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user, request.session = user, {}

    def walk(items):
        for item in items:
            if isinstance(item, SubmenuMenuItem):
                yield from walk(item.menu.menu_items_for_request(request))
            elif item.url.startswith("/admin/"):
                yield item.url

    return list(dict.fromkeys(walk(admin_menu.menu_items_for_request(request))))


def visible_text(page):
    """The page's text as a reader meets it, with titles, placeholders and button values."""
    without_code = HIDDEN_ELEMENT.sub(" ", HIDDEN.sub(" ", page))
    attributes = " ".join(ATTRIBUTES.findall(without_code))
    return html.unescape(re.sub(r"<[^>]+>", " ", without_code) + " " + attributes)


def problems(text):
    found = ENGLISH.findall(text) + CODE.findall(text) + ENGLISH_AGO.findall(text)
    return sorted(set(found + JSON.findall(text)))


def button_problems(page):
    """The English words of the page's buttons (their text and the value of input buttons)."""
    page = HIDDEN.sub(" ", page)
    labels = [re.sub(r"<[^>]+>", " ", text) for text in BUTTON.findall(page)]
    labels += [value for tag in INPUT_BUTTON.findall(page) for value in VALUE.findall(tag)]
    return sorted(
        {word for label in labels for word in ENGLISH_BUTTON.findall(html.unescape(label))}
    )


def page_problems(address, content):
    """The English and technical words a reader meets on the page at ``address``, save those
    the page is allowed (:data:`ALLOWED`)."""
    words = problems(visible_text(content)) + button_problems(content)
    allowed = [pattern for prefix, pattern in ALLOWED.items() if address.startswith(prefix)]
    return sorted({w for w in words if not any(p.fullmatch(w) for p in allowed)})
