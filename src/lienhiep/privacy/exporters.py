"""The answer to an access request: everything lienhiep holds about the person, in one file."""

import io
import json
import zipfile

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lienhiep.core.exporters import Exporter, Rendered, register

from . import access
from .models import DataRequest

ZIP = "application/zip"


@register
class PersonData(Exporter):
    identifier = "privacy.person_data"
    verbose_name = _("Everything held about a person (access request)")
    options = {
        "request": forms.ModelChoiceField(DataRequest.objects.all(), label=_("request")),
        "by": forms.ModelChoiceField(get_user_model().objects.all(), label=_("exported by")),
    }
    command_line = False  # the file names the member of staff who made it

    def render(self, *, request, by):
        found = access.person_data(request, by, timezone.now())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "du-lieu-ca-nhan.json", json.dumps(found.summary, ensure_ascii=False, indent=2)
            )
            for name, handle in found.files:
                with handle.open("rb") as opened:
                    archive.writestr(f"tep/{name}", opened.read())
        return Rendered(f"du-lieu-ca-nhan-{request.pk}.zip", ZIP, buffer.getvalue())
