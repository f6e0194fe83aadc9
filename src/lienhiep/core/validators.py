"""Upload validation shared by every app: a file's type by its extension, and its size."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".odt"}
MAX_BYTES = 20 * 1024 * 1024


def check_file(upload, *, extensions, max_bytes, wrong_type, too_large):
    """Refuse ``upload`` with ``wrong_type`` (given ``%(ext)s``) or ``too_large``."""
    extension = Path(upload.name).suffix.lower()
    if extension not in extensions:
        raise ValidationError(wrong_type, params={"ext": extension or "?"})
    if upload.size > max_bytes:
        raise ValidationError(too_large)


def validate_attachment(upload):
    """Attachments are documents or photos of at most 20 MB."""
    check_file(
        upload,
        extensions=ALLOWED_EXTENSIONS,
        max_bytes=MAX_BYTES,
        wrong_type=_("Files of type %(ext)s are not accepted; use PDF, Word, Excel, JPEG or PNG."),
        too_large=_("The file is larger than 20 MB."),
    )
