"""Permission names in the language of the site, as the group editor shows them.

Django stores a permission's name once, in English ("Can add activity"), when it creates it;
Wagtail's custom ones are English too ("Lock/unlock pages you've locked"). After ``migrate``
the names are written again in ``LANGUAGE_CODE``: the action and the model's verbose name for
the four standard permissions, the catalogue's translation for the others.
"""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

STANDARD = {
    "add": gettext_noop("Can add %(name)s"),
    "change": gettext_noop("Can change %(name)s"),
    "delete": gettext_noop("Can delete %(name)s"),
    "view": gettext_noop("Can view %(name)s"),
}


def name_permissions():
    """Rename every permission in the site's language (idempotent)."""
    with translation.override(settings.LANGUAGE_CODE):
        for permission in Permission.objects.select_related("content_type"):
            name = translated_name(permission)[:255]
            if name != permission.name:
                Permission.objects.filter(pk=permission.pk).update(name=name)


def translated_name(permission):
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in STANDARD and model_name == model._meta.model_name:
        return gettext(STANDARD[action]) % {"name": model._meta.verbose_name}
    return gettext(permission.name)
