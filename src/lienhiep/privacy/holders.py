"""Where lienhiep keeps personal data: each domain app registers the kinds of record it holds
about a person, so that one access request finds them all and one erasure request treats each
as the law allows.

A holder says how to ``find`` the records of a request's person in the request's union, how to
``describe`` one (its fields, as the person may read them), which private ``files`` it holds, and
how to ``erase`` it: remove or anonymise it, or keep it and say why (issued reports, decisions
and commendations are legal records)."""

from collections.abc import Callable
from dataclasses import dataclass, field


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


HOLDERS: list[Holder] = []


def register(holder: Holder):
    if all(h.label != holder.label for h in HOLDERS):
        HOLDERS.append(holder)
    return holder


def records_of(request):
    """[(holder, record)] for every record held about the person of ``request``."""
    return [(holder, record) for holder in HOLDERS for record in holder.find(request)]
