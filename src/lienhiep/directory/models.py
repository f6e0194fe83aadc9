"""The registry: organisations (a tree), their terms and member counts, people and memberships."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lienhiep.core.collation import collation_key, person_sort_key
from lienhiep.core.formatting import fold, roman, slugify_vi

from .enums import (
    AcademicTitle,
    Degree,
    OrganisationKind,
    OrganisationStatus,
    ProvinceKind,
    Role,
    Sex,
)


class Bloc(models.Model):
    """A bloc (khối) groups member associations by field; editable data."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("code"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("bloc")
        verbose_name_plural = _("blocs")

    def __str__(self):
        return self.name


class Province(models.Model):
    """One of the 34 provincial units in force since 01/07/2025."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("code"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProvinceKind.choices)
    centre = models.CharField(_("administrative centre"), max_length=100, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["slug"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        former = " ".join(self.former.values_list("name", flat=True)) if self.pk else ""
        self.search_text = fold(f"{self.name} {self.centre} {former}")
        super().save(*args, **kwargs)


class FormerProvince(models.Model):
    """A province before the 2025 merger, kept so that older records map to their unit."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("code"), max_length=100, unique=True)
    province = models.ForeignKey(
        Province, models.PROTECT, related_name="former", verbose_name=_("merged into")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("former province")
        verbose_name_plural = _("former provinces")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """An organisation of the tree: federation → union → member associations, units, clubs, partners."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=150, blank=True)
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=30,
        blank=True,
        help_text=_("Used in document symbols, e.g. LHH."),
    )
    slug = models.SlugField(_("code"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    bloc = models.ForeignKey(
        Bloc,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("bloc"),
    )
    province = models.ForeignKey(
        Province,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("province"),
    )
    former_province = models.ForeignKey(
        FormerProvince,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("former province"),
        help_text=_(
            "For records from before the 2025 merger: the province the organisation was in."
        ),
    )
    place_name = models.CharField(
        _("place name"),
        max_length=100,
        blank=True,
        help_text=_("Written in the date line of documents, e.g. Hòa An."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.ACTIVE,
    )
    ended_on = models.DateField(_("dissolved or merged on"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    founding_decision_number = models.CharField(
        _("founding decision number"), max_length=60, blank=True
    )
    founding_decision_date = models.DateField(_("founding decision date"), null=True, blank=True)
    admission_decision_number = models.CharField(
        _("admission decision number"), max_length=60, blank=True
    )
    admission_decision_date = models.DateField(_("admission decision date"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(_("term length (years)"), default=5)
    counted_apart = models.BooleanField(
        _("members counted apart"),
        default=False,
        help_text=_(
            "Leave this organisation's members out of the union's member total; the report "
            "states them apart (for example a learning-promotion association)."
        ),
    )
    signer_name = models.CharField(
        _("signer's name"),
        max_length=100,
        blank=True,
        help_text=_("Who signs the organisation's documents, e.g. its chair."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    is_default = models.BooleanField(
        _("default union"),
        default=False,
        editable=False,
        help_text=_("The union this installation runs; set by the first-run setup."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(editable=False, max_length=700, default="", db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["kind", "parent"])]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_union",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)[:150]
        province = self.province.name if self.province_id else ""
        self.search_text = fold(f"{self.name} {self.short_name} {self.abbreviation} {province}")
        self.sort_key = collation_key(self.name)
        super().save(*args, **kwargs)

    def get_admin_url(self):
        return reverse("directory_organisation:edit", args=[self.pk])


class Term(models.Model):
    """A term of office (nhiệm kỳ), opened by a congress (Đại hội)."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="terms", verbose_name=_("organisation")
    )
    number = models.PositiveSmallIntegerField(_("term number"))
    congress_date = models.DateField(_("congress date"))
    planned_end = models.DateField(_("planned end"))
    extended_until = models.DateField(_("extension granted until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["organisation__sort_key", "-congress_date"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="term_unique_number")
        ]

    def __str__(self):
        return f"{self.organisation} – {self.label}"

    @property
    def label(self):
        return _("term %(number)s (%(start)s-%(end)s)") % {
            "number": roman(self.number),
            "start": self.congress_date.year,
            "end": self.planned_end.year,
        }

    label.fget.short_description = _("term")

    @property
    def effective_end(self) -> date:
        return self.extended_until or self.planned_end


class MemberCount(models.Model):
    """How many individual members an organisation had in a year, with its source."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="member_counts", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    members = models.PositiveIntegerField(_("members"))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("The document or person the figure comes from.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        ordering = ["-year", "organisation__sort_key"]
        verbose_name = _("member count")
        verbose_name_plural = _("member counts")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="member_count_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.year}"


class Person(models.Model):
    """An intellectual, expert or member, named in Vietnamese order (family, middle, given)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    family_name = models.CharField(_("family name"), max_length=50)
    middle_name = models.CharField(_("middle name"), max_length=80, blank=True)
    given_name = models.CharField(_("given name"), max_length=50)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    degree = models.CharField(_("degree"), max_length=10, choices=Degree.choices, blank=True)
    academic_title = models.CharField(
        _("academic title"), max_length=10, choices=AcademicTitle.choices, blank=True
    )
    field_of_expertise = models.CharField(_("field of expertise"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    workplace = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("workplace"),
    )
    home = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="people_records",
        verbose_name=_("record kept by"),
        help_text=_("The organisation that keeps this person's record."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login"),
        help_text=_("The login of this person, for experts, judges and council members."),
    )
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(editable=False, max_length=700, default="", db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.sort_key = person_sort_key(self.family_name, self.middle_name, self.given_name)
        self.search_text = fold(
            f"{self.full_name} {self.field_of_expertise} {self.email} {self.code}"
        )
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return " ".join(filter(None, [self.family_name, self.middle_name, self.given_name]))

    full_name.fget.short_description = _("full name")

    @property
    def honorific(self):
        """``PGS.TS. Nguyễn Văn An``: title and degree before the name, as Vietnamese documents write."""
        prefix = ".".join(
            filter(None, [self.academic_title, self.degree if self.degree != "other" else ""])
        )
        return f"{prefix}. {self.full_name}" if prefix else self.full_name


class Membership(models.Model):
    """A person's membership of, or position in, an organisation, with its dates."""

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__sort_key", "person__sort_key"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role", "start_date"], name="membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.organisation}"


class MembershipConfirmation(models.Model):
    """The club confirms its members year by year."""

    membership = models.ForeignKey(
        Membership, models.CASCADE, related_name="confirmations", verbose_name=_("membership")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    confirmed_on = models.DateField(_("confirmed on"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly confirmation")
        verbose_name_plural = _("yearly confirmations")
        constraints = [
            models.UniqueConstraint(fields=["membership", "year"], name="confirmation_unique_year")
        ]

    def __str__(self):
        return f"{self.membership} – {self.year}"


class AccountScope(models.Model):
    """The organisation a login works for: its subtree bounds what the login sees."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="scope", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="accounts", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("account scope")
        verbose_name_plural = _("account scopes")

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class OutgoingDocument(models.Model):
    """One line of an organisation's register of outgoing documents (sổ văn bản đi): every
    document the organisation sends — the annual report, a critique report, an honours proposal —
    takes the year's next number here, so no number is used twice (``directory.register``)."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="outgoing_documents", verbose_name=_("issuer")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("For example BC-LHH."))
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=400)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["organisation", "-year", "-number"]
        verbose_name = _("outgoing document")
        verbose_name_plural = _("register of outgoing documents")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "number"], name="register_number_once"
            )
        ]

    def __str__(self):
        return f"{self.number:02d}/{self.symbol}"
