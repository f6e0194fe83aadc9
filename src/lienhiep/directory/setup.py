"""The registry's side of a new installation: the union it runs, made the default union."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import slugify_vi
from lienhiep.core.generation import records_changed

from .enums import OrganisationKind
from .models import Organisation, Province

#: The session key of the year a user last chose on the dashboard.
CHOSEN_YEAR = "dashboard_year"


def default_union():
    """The union this installation runs (set by the first-run setup or the demo)."""
    return Organisation.objects.filter(is_default=True).first()


def organisation_for_command(slug):
    """The organisation a management command's ``--org`` names, or the default union."""
    from django.core.management.base import CommandError

    organisation = Organisation.objects.filter(slug=slug).first() if slug else default_union()
    if organisation is None:
        raise CommandError(
            f"Không có tổ chức mã “{slug}”."
            if slug
            else "Chưa có liên hiệp hội: hãy thiết lập (manage.py setup_union) hoặc ghi --org."
        )
    return organisation


def make_default(union):
    """Make ``union`` the installation's default union (the only one)."""
    Organisation.objects.filter(is_default=True).exclude(pk=union.pk).update(is_default=False)
    Organisation.objects.filter(pk=union.pk).update(is_default=True)
    records_changed()  # ``update()`` sends no signal
    union.is_default = True


def has_union() -> bool:
    return Organisation.objects.filter(kind=OrganisationKind.UNION).exists()


def find_province(name):
    """One of the 34 provinces by its name, with or without “Tỉnh”/“Thành phố” and accents."""
    wanted = slugify_vi(name)
    for province in Province.objects.all():
        if wanted in {province.slug, slugify_vi(province.name)}:
            return province
    raise ValidationError(
        {"province": _("“%(name)s” is not one of the 34 provinces.") % {"name": name}}
    )


@transaction.atomic
def create_union(
    *, name, province, slug, abbreviation, place_name, signer_name, signer_title, user, default=True
):
    """The union as an organisation of the registry, made the installation's default union
    (unless ``default`` is false: a union hosted beside the installation's own)."""
    union = Organisation(
        name=name.strip(),
        slug=slug,
        kind=OrganisationKind.UNION,
        province=province,
        abbreviation=abbreviation.strip(),
        place_name=(place_name or province.name).strip(),
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
    )
    union.full_clean()
    union.save()
    if default:
        make_default(union)
    log(union, "wagtail.create", user=user)
    return union
