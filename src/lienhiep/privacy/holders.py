"""Where lienhiep keeps personal data: each domain app registers the kinds of record it holds
about a person, so that one access request finds them all and one erasure request treats each
as the law allows.

A holder says how to ``find`` the records of a request's person in the request's union, how to
``describe`` one (its fields, as the person may read them), which private ``files`` it holds, and
how to ``erase`` it: remove or anonymise it, or keep it and say why (issued reports, decisions
and commendations are legal records)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from lienhiep.core.formatting import fold


@dataclass(frozen=True)
class Outcome:
    record: str
    done: str  # "anonymised", "removed" or "kept"
    reason: str

    def as_dict(self):
        return {"record": self.record, "done": self.done, "reason": self.reason}


@dataclass(frozen=True)
class Holder:
    label: str
    find: Callable  # (DataRequest) -> list of records
    describe: Callable  # (record) -> {label: value}
    erase: Callable  # (record, user) -> Outcome
    files: Callable = field(default=lambda record: [])  # (record) -> [FieldFile]
    #: the records whose retention period has passed on a day: (date) -> list of records
    expired: Callable = field(default=lambda today: [])
    #: the models whose log entries record staff viewing or changing this personal data (the entry
    #: of an author: its authors are edited on its screen), each with the path to its union, by
    #: which the processing log shows a union's readers only their union's entries
    logged: dict = field(default_factory=dict)
    #: erasure treats holders in this order: the people records come after the records that
    #: name them, so a person named in a kept record keeps their name
    order: int = 0


HOLDERS: list[Holder] = []


def register(holder: Holder):
    if all(h.label != holder.label for h in HOLDERS):
        HOLDERS.append(holder)
    return holder


def records_of(request):
    """[(holder, record)] for every record held about the person of ``request``, in the order
    erasure treats them."""
    ordered = sorted(HOLDERS, key=lambda holder: holder.order)
    return [(holder, record) for holder in ordered for record in holder.find(request)]


def same_name(name, wanted):
    """Whether ``name`` is the request's name, ignoring case, accents and spacing."""
    return fold(name) == fold(wanted)


def field_values(record, names):
    """``[(label, value)]`` of ``record``'s fields ``names`` as the person reads them: choices by
    their label, dates as dd/mm/yyyy, yes or no, related records by their name."""
    from django.utils.translation import gettext as _

    from lienhiep.core.formatting import format_date

    found = []
    for name in names:
        model_field = record._meta.get_field(name)
        value = getattr(record, name)
        if model_field.choices:
            value = getattr(record, f"get_{name}_display")()
        elif hasattr(value, "strftime"):
            value = format_date(value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif hasattr(value, "url") or (hasattr(value, "name") and hasattr(value, "storage")):
            value = value.name.rsplit("/", 1)[-1] if value else ""
        found.append((str(model_field.verbose_name).capitalize(), "" if value is None else value))
    return found
