from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".odt"}
MAX_BYTES = 20 * 1024 * 1024


def validate_attachment(upload):
    """Attachments are documents or photos of at most 20 MB."""
    extension = Path(upload.name).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of type %(ext)s are not accepted; use PDF, Word, Excel, JPEG or PNG."),
            params={"ext": extension or "?"},
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
