"""Contest commands: each is keyword-only, authorised, atomic and logged.

``rounds`` (launch, open, judge, close), ``entries`` (checks, online and staff entries,
eligibility), ``judging`` (panels, assignments, conflicts, scores, finalists), ``prizes``
(proposal, approval, publication) and ``national`` (forwarding and national results). The read
side (rankings, winners, figures) is ``contests.queries``.
"""

from .entries import (
    AuthorData,
    EntryData,
    age_problem,
    applied_problem,
    earlier_problem,
    record_entry,
    refusals,
    review_entries,
    review_entry,
    send_receipt,
    submit_entry,
)
from .judging import (
    add_judge,
    assign,
    assign_automatically,
    choose_finalists,
    declare_conflict,
    score,
    unassign,
)
from .national import forward, record_national_result
from .prizes import approve_prizes, propose_prizes, publish_results, set_prize
from .rounds import (
    SETTINGS,
    SettingsChange,
    close_round,
    launch_round,
    open_round,
    settings_problems,
    start_judging,
)

__all__ = [
    "SETTINGS",
    "AuthorData",
    "EntryData",
    "SettingsChange",
    "add_judge",
    "age_problem",
    "applied_problem",
    "approve_prizes",
    "assign",
    "assign_automatically",
    "choose_finalists",
    "close_round",
    "declare_conflict",
    "earlier_problem",
    "forward",
    "launch_round",
    "open_round",
    "propose_prizes",
    "publish_results",
    "record_entry",
    "record_national_result",
    "refusals",
    "review_entries",
    "review_entry",
    "score",
    "send_receipt",
    "set_prize",
    "settings_problems",
    "start_judging",
    "submit_entry",
    "unassign",
]
