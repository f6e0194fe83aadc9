"""The national round: entries forwarded within the quota, and the national results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import format_count
from lienhiep.core.transitions import step_day

from ..enums import PrizeLevel
from .base import public_changed, require_results, require_round_staff


def _require_quota(entry):
    round = entry.round
    if round.national_quota is None:
        return
    sent = round.entries.filter(forwarded=True).exclude(pk=entry.pk).count()
    if sent >= round.national_quota:
        raise ValidationError(
            _("The national round takes at most %(count)s entries from the province.")
            % {"count": format_count(round.national_quota)}
        )


@transaction.atomic
def forward(*, entry, user, forwarded=True, on=None):
    require_round_staff(user, entry.round)
    require_results(entry.round)
    if forwarded and not entry.eligible:
        raise ValidationError(_("Only eligible entries are forwarded."))
    if forwarded:
        _require_quota(entry)
    if not forwarded and entry.national_prize:
        raise ValidationError(_("The entry already has a national result."))
    day = step_day(on, after=entry.round.results_published_on)
    entry.forwarded, entry.forwarded_on = forwarded, day if forwarded else None
    entry.save(update_fields=["forwarded", "forwarded_on"])
    log(entry, "contests.entry.forwarded", user=user, data={"forwarded": forwarded})
    return entry


@transaction.atomic
def record_national_result(*, entry, level, user):
    require_round_staff(user, entry.round)
    require_results(entry.round)
    if not entry.forwarded:
        raise ValidationError(_("The entry was not forwarded to the national round."))
    if level and level not in PrizeLevel.values:
        raise ValidationError(_("Choose a prize level."))
    entry.national_prize = level or ""
    entry.save(update_fields=["national_prize"])
    log(entry, "contests.entry.national", user=user, data={"prize": entry.national_prize})
    public_changed(entry.round)  # the results page lists the national prizes
    return entry
