from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseKind(models.TextChoices):
    """The codes of the three case kinds every union has (the kinds themselves are data)."""

    CONSULTANCY = "consultancy", _("Consultancy")
    CRITIQUE = "critique", _("Critique")
    SOCIAL_ASSESSMENT = "social_assessment", _("Social assessment")


#: The case kinds every union has: (code, Vietnamese name, order); the migration creates them.
CASE_KINDS = [
    (CaseKind.CONSULTANCY, "Tư vấn", 1),
    (CaseKind.CRITIQUE, "Phản biện", 2),
    (CaseKind.SOCIAL_ASSESSMENT, "Giám định xã hội", 3),
]


class KindForm(models.TextChoices):
    """What a consulting kind's records are, beside the critique case with its full process."""

    CASE = "case", _("Case with the full process: panel, opinions, meeting, report")
    RECORD = "record", _("Record: title, date, requester, document number")
    SEAT = "seat", _("Seat on a council or appraisal board, with its sittings")


class CaseState(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("case", "Received")
    PANEL_FORMED = "panel_formed", _("Panel formed")
    OPINIONS_COLLECTED = "opinions_collected", _("Opinions collected")
    MEETING_HELD = "meeting_held", _("Meeting held")
    REPORT_DRAFTED = "report_drafted", _("Report drafted")
    REPORT_SENT = "report_sent", _("Report sent")
    CLOSED = "closed", pgettext_lazy("case", "Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: The steps in order; each one is dated when reached.
STEPS = [
    CaseState.RECEIVED,
    CaseState.PANEL_FORMED,
    CaseState.OPINIONS_COLLECTED,
    CaseState.MEETING_HELD,
    CaseState.REPORT_DRAFTED,
    CaseState.REPORT_SENT,
    CaseState.CLOSED,
]
#: Days after the request by which each step is due (the last due date is the case's deadline).
STEP_DAYS = {
    CaseState.PANEL_FORMED: 7,
    CaseState.OPINIONS_COLLECTED: 21,
    CaseState.MEETING_HELD: 28,
    CaseState.REPORT_DRAFTED: 35,
}
OPEN_STATES = tuple(STEPS[:5])
#: The steps during which the panel's experts give their opinions.
OPINION_STATES = (CaseState.PANEL_FORMED, CaseState.OPINIONS_COLLECTED)
#: From this step on, panel members read each other's opinions.
OPINIONS_SHARED_FROM = CaseState.MEETING_HELD
SHARED_STATES = tuple(STEPS[STEPS.index(OPINIONS_SHARED_FROM) :])
SENT_STATES = (CaseState.REPORT_SENT, CaseState.CLOSED)


class PanelRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", pgettext_lazy("panel", "Member")
    SECRETARY = "secretary", _("Secretary")
