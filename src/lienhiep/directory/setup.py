"""The registry's side of a new installation: the union it runs, made the default union."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import slugify_vi

from .enums import OrganisationKind
from .models import Organisation, Province


def default_union():
    """The union this installation runs: the one set up first, else ``DEFAULT_UNION``'s slug."""
    marked = Organisation.objects.filter(is_default=True).first()
    return marked or Organisation.objects.filter(slug=settings.LIENHIEP_DEFAULT_UNION).first()


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
    *, name, province, slug, abbreviation, place_name, signer_name, signer_title, user
):
    """The union as an organisation of the registry, made the installation's default union."""
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
    Organisation.objects.filter(is_default=True).update(is_default=False)
    union.is_default = True
    union.save()
    log(union, "wagtail.create", user=user)
    return union
