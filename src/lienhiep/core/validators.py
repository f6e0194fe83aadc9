"""Upload validation shared by every app: a file's type by its extension, and its size."""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = frozenset(
    {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".odt"}
)
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileRule:
    """The extensions and the size a kind of upload may have, and what to say otherwise."""

    extensions: frozenset
    max_bytes: int
    wrong_type: str  # given %(ext)s
    too_large: str

    def check(self, upload):
        extension = Path(upload.name).suffix.lower()
        if extension not in self.extensions:
            raise ValidationError(self.wrong_type, params={"ext": extension or "?"})
        if upload.size > self.max_bytes:
            raise ValidationError(self.too_large)


ATTACHMENT = FileRule(
    ALLOWED_EXTENSIONS,
    MAX_BYTES,
    _("Files of type %(ext)s are not accepted; use PDF, Word, Excel, JPEG or PNG."),
    _("The file is larger than 20 MB."),
)


def validate_attachment(upload):
    """Attachments are documents or photos of at most 20 MB."""
    ATTACHMENT.check(upload)
