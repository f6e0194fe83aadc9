from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RoundState(models.TextChoices):
    OPEN = "open", pgettext_lazy("round", "Open for nominations")
    REVIEWED = "reviewed", _("Nominations reviewed")
    VOTED = "voted", _("Council voted")
    PROPOSED = "proposed", _("Proposed to the People's Committee")
    DECIDED = "decided", _("Decided (honoured)")


ROUND_STEPS = list(RoundState)
#: Nominations are made and reviewed while the round is open; the council votes once reviewed.
NOMINATING_STATES = (RoundState.OPEN,)
VOTING_STATES = (RoundState.REVIEWED,)


class Threshold(models.TextChoices):
    MORE_THAN_HALF = "more_than_half", _("More than half of the council")
    TWO_THIRDS = "two_thirds", _("At least two thirds of the council")


#: threshold → (fraction, whether the share must be strictly greater)
THRESHOLDS = {
    Threshold.MORE_THAN_HALF: (Fraction(1, 2), True),
    Threshold.TWO_THIRDS: (Fraction(2, 3), False),
}


class IssuerKind(models.TextChoices):
    FEDERATION = "federation", _("National federation")
    PEOPLES_COMMITTEE = "peoples_committee", _("Provincial People's Committee")
    UNION = "union", _("The union")
    CONTEST_COMMITTEE = "contest_committee", _("Contest organising committee")
    MINISTRY = "ministry", _("Ministry")


class CommendationForm(models.TextChoices):
    CERTIFICATE_OF_MERIT = "bang_khen", _("Certificate of merit (Bằng khen)")
    CERTIFICATE_OF_COMMENDATION = "giay_khen", _("Certificate of commendation (Giấy khen)")
    MEDAL = "ky_niem_chuong", _("Commemorative medal (Kỷ niệm chương)")
    FLAG = "co_thi_dua", _("Emulation flag (Cờ thi đua)")
    CERTIFICATE = "giay_chung_nhan", _("Certificate (Giấy chứng nhận)")


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")
