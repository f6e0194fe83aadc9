"""How long a union has to carry out each kind of data subject's request, by the law.

Nghị định 13/2023/NĐ-CP gave 72 hours for every request. Since 01/01/2026 it is replaced by
Nghị định 356/2025/NĐ-CP, which details Luật 91/2025/QH15: the controller answers every request
within 02 working days of receiving it (to say how it will be carried out), and then carries it
out within a period that depends on the kind of request:

- withdrawal of consent, restriction of and objection to processing: 15 days (20 days when a
  processor or third party must stop too; once extendable by at most 15 days);
- the other rights (to know, access, correction, erasure): the secondary sources read give
  10 to 20 days by kind; the default here is the shorter 10 days, so that no union is late by
  trusting the software. Staff check the decree's text and change the days in the personal data
  settings ("Thời hạn và thời gian lưu giữ"), where each kind has its own.

Sources read (12/2025–01/2026): Fraser's legal update "The next chapter in data protection"
(frasersvn.com, 19/01/2026) and CDLAF "Rights of personal data subjects … under Decree
356/2025/ND-CP" (cdlaf.vn). ``docs/privacy.md`` carries the same table."""

from django.utils.translation import gettext_lazy as _

from .enums import RequestKind

DECREE = "Nghị định 356/2025/NĐ-CP"

#: working days in which every request is first answered (Nghị định 356/2025/NĐ-CP)
ACKNOWLEDGE_WORKING_DAYS = 2

#: ``{kind: days}`` to carry a request out, counted from the day it is received
DEFAULT_DAYS = {
    RequestKind.KNOW: 10,
    RequestKind.ACCESS: 10,
    RequestKind.CORRECT: 10,
    RequestKind.RESTRICT: 15,
    RequestKind.OBJECT: 15,
    RequestKind.WITHDRAW: 15,
    RequestKind.ERASE: 10,
}


def field_name(kind):
    """The personal data settings' field holding the days of ``kind``."""
    return f"{kind}_days"


def days_for(settings, kind):
    return getattr(settings, field_name(kind))


def table(settings):
    """``[(kind label, days, default days)]`` as the requests screen shows them."""
    return [(kind.label, days_for(settings, kind), DEFAULT_DAYS[kind]) for kind in RequestKind]


HELP = _(
    "Days to carry out the request, from the day it is received. The default is the law's "
    "(Decree 356/2025/NĐ-CP, which replaced the 72 hours of Decree 13/2023/NĐ-CP); every "
    "request is first answered within 2 working days."
)
