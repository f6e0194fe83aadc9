"""Edits that would overwrite another person's: a record's ``version`` goes up with every save,
its edit form carries the version it was opened at, and a save from a stale form is refused
naming who changed the record, and when (from the record's log)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formatting import format_date

STALE = _("This record was changed by %(who)s at %(when)s; reload the page.")
STALE_UNKNOWN = _("This record was changed by someone else; reload the page.")


class Versioned(models.Model):
    """A record edited by several people: ``version`` counts its saves."""

    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


def is_versioned(instance) -> bool:
    return isinstance(instance, Versioned)


def current_version(instance) -> int:
    row = type(instance)._default_manager.filter(pk=instance.pk).values_list("version", flat=True)
    return row.first() or 0


def stale_message(instance) -> str:
    """Who changed ``instance`` last and when, from its log, as the refusal's words."""
    from wagtail.log_actions import registry

    entry = registry.get_logs_for_instance(instance).order_by("-timestamp", "-pk").first()
    if entry is None:
        return str(STALE_UNKNOWN)
    when = timezone.localtime(entry.timestamp)
    stamp = f"{when:%H:%M} {format_date(when.date())}"
    return str(STALE % {"who": entry.user_display_name, "when": stamp})
