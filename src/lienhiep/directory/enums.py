from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    FEDERATION = "federation", _("National federation")
    UNION = "union", _("Provincial union")
    MEMBER_ASSOCIATION = "member_association", _("Member association")
    COLLECTIVE_MEMBER = "collective_member", _("Collective member")
    SUBORDINATE_UNIT = "subordinate_unit", _("Subordinate unit")
    CLUB = "club", _("Club")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Department or agency")
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER_PARTNER = "other_partner", _("Other partner")


MEMBER_KINDS = (OrganisationKind.MEMBER_ASSOCIATION, OrganisationKind.COLLECTIVE_MEMBER)
#: the union and what belongs to it: who organises an activity or nominates a candidate
UNION_FAMILY_KINDS = (
    OrganisationKind.UNION,
    OrganisationKind.MEMBER_ASSOCIATION,
    OrganisationKind.COLLECTIVE_MEMBER,
    OrganisationKind.SUBORDINATE_UNIT,
    OrganisationKind.CLUB,
)
PARTNER_KINDS = (
    OrganisationKind.PEOPLES_COMMITTEE,
    OrganisationKind.DEPARTMENT,
    OrganisationKind.MASS_ORGANISATION,
    OrganisationKind.NGO,
    OrganisationKind.OTHER_PARTNER,
)


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    DISSOLVED = "dissolved", _("Dissolved")
    MERGED = "merged", _("Merged into another")


ENDED_STATUSES = (OrganisationStatus.DISSOLVED, OrganisationStatus.MERGED)


class ProvinceKind(models.TextChoices):
    PROVINCE = "province", pgettext_lazy("administrative unit", "Province")
    CITY = "city", _("Centrally-run city")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Degree(models.TextChoices):
    DOCTOR = "TS", _("Doctor (PhD)")
    SCIENCE_DOCTOR = "TSKH", _("Doctor of Science")
    MASTER = "ThS", _("Master")
    SPECIALIST_2 = "CKII", _("Specialist level II")
    SPECIALIST_1 = "CKI", _("Specialist level I")
    ENGINEER = "KS", _("Engineer")
    BACHELOR = "CN", _("Bachelor")
    PHYSICIAN = "BS", _("Physician")
    OTHER = "other", _("Other")


class AcademicTitle(models.TextChoices):
    PROFESSOR = "GS", _("Professor")
    ASSOCIATE_PROFESSOR = "PGS", _("Associate professor")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    SECRETARY_GENERAL = "secretary_general", _("Secretary general")
    STANDING_COMMITTEE = "standing_committee", _("Standing committee member")
    EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee member")
    INSPECTION_BOARD = "inspection_board", _("Inspection board member")


POSITION_ROLES = tuple(role for role in Role if role != Role.MEMBER)
