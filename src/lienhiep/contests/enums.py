from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ContestKind(models.TextChoices):
    TECHNICAL = "technical", _("Technical innovation contest")
    YOUTH = "youth", _("Youth and children's creativity contest")
    OTHER = "other", _("Other contest")


#: kind → prefix of its entry codes ("TN13-0007")
CODE_PREFIX = {ContestKind.TECHNICAL: "KT", ContestKind.YOUTH: "TN", ContestKind.OTHER: "CT"}

#: kind → the default fields of entry (DOMAIN.md §2.3 and §3)
DEFAULT_FIELDS = {
    ContestKind.TECHNICAL: [
        "Công nghệ thông tin, điện tử, viễn thông",
        "Cơ khí tự động hóa, xây dựng, giao thông vận tải",
        "Vật liệu, hóa chất, năng lượng",
        "Nông lâm ngư nghiệp, tài nguyên và môi trường",
        "Y dược",
        "Giáo dục và đào tạo",
    ],
    ContestKind.YOUTH: [
        "Đồ dùng học tập",
        "Phần mềm tin học",
        "Sản phẩm thân thiện với môi trường",
        "Dụng cụ sinh hoạt gia đình và đồ chơi trẻ em",
        "Giải pháp kỹ thuật ứng phó biến đổi khí hậu, bảo vệ môi trường và phát triển kinh tế",
    ],
    ContestKind.OTHER: [],
}

#: the default judging criteria and their maximum points
DEFAULT_CRITERIA = [
    ("Tính mới, tính sáng tạo", 40),
    ("Khả năng áp dụng", 30),
    ("Hiệu quả kinh tế - xã hội", 30),
]


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", pgettext_lazy("contest round", "Open for entries")
    JUDGING = "judging", _("Judging")
    AWARDED = "awarded", _("Prizes approved")
    PUBLISHED = "published", _("Results published")
    CLOSED = "closed", pgettext_lazy("contest round", "Closed")


ROUND_STEPS = list(RoundState)

#: a round takes entries from the public (between its launch and its deadline)
OPEN_FOR_ENTRIES = (RoundState.OPEN,)
#: staff record paper and imported entries and decide eligibility
REVIEWING = (RoundState.OPEN, RoundState.JUDGING)
#: judges are assigned and score, prizes are proposed and set
SCORABLE = (RoundState.JUDGING,)
#: the round's results are out: forwarding to the national round, certificates
RESULT_STATES = (RoundState.PUBLISHED, RoundState.CLOSED)
#: the prizes are approved: the yearbook can be made
AWARDED_STATES = (RoundState.AWARDED, *RESULT_STATES)
#: the round shows on the public site
PUBLIC_STATES = (RoundState.OPEN, RoundState.JUDGING, RoundState.AWARDED, *RESULT_STATES)


class PrizeLevel(models.TextChoices):
    FIRST = "first", _("First prize")
    SECOND = "second", _("Second prize")
    THIRD = "third", _("Third prize")
    CONSOLATION = "consolation", _("Consolation prize")


#: levels from the highest down
LEVELS = list(PrizeLevel)

#: the prize structure a contest's first round starts with (staff change it on the round's form)
DEFAULT_PRIZES = {
    PrizeLevel.FIRST: 1,
    PrizeLevel.SECOND: 2,
    PrizeLevel.THIRD: 3,
    PrizeLevel.CONSOLATION: 5,
}


class Stage(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary judging")
    FINAL = "final", _("Final judging")


class EntrySource(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    IMPORT = "import", _("Imported from Excel")


class FileKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration form")
    NOTE = "note", _("Explanatory note")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other material")


class DossierItem(models.TextChoices):
    REGISTRATION = "registration", _("Registration form")
    NOTE = "note", _("Explanatory note or full text")
    PHOTOS = "photos", _("Photos of the authors and the entry")
    IDENTITY = "identity", _("Birth certificate or identity card")
    CONFIRMATION = "confirmation", _("Confirmation by the workplace or locality")
    MODEL = "model", _("The model or product")
