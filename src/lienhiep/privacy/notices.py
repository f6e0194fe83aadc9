"""The privacy notice a site shows: its latest version, or a first version written from a default
text naming the union, so that every consent points at the words the person read."""

from django.template.loader import render_to_string
from django.utils import translation

from lienhiep.core.sites import union_id_of

from .models import NoticeVersion, PrivacySettings


def default_text(union_name):
    with translation.override("vi"):
        return render_to_string("privacy/default_notice.txt", {"union": union_name}).strip()


def union_of(site):
    """The name of the union whose site this is (its home page names the union)."""
    from lienhiep.directory.models import Organisation

    pk = union_id_of(site)
    name = Organisation.objects.filter(pk=pk).values_list("name", flat=True).first()
    return name or ""


def current_notice(site):
    """The notice ``site`` shows now (version 1 from the default text if staff wrote none)."""
    latest = NoticeVersion.objects.filter(site=site).first()
    if latest is not None:
        return latest
    settings = PrivacySettings.for_site(site)
    text = settings.notice.strip() or default_text(union_of(site))
    return NoticeVersion.objects.get_or_create(site=site, number=1, defaults={"text": text})[0]


def paragraphs(notice):
    return [p.strip() for p in notice.text.split("\n\n") if p.strip()]
