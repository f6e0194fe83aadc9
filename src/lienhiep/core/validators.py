"""Upload validation shared by every app: a file's type by its extension and by its content,
and its size."""

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = frozenset(
    {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".odt"}
)
MAX_BYTES = 20 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 and Excel 97–2003
WRONG_CONTENT = _("The file is not a real %(ext)s file: its content does not match its name.")


def _head(upload, size):
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    try:
        return upload.read(size)
    finally:
        upload.seek(position)


def _zip_holds(upload, member):
    position = upload.tell()
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(position)


def _picture_of(upload, formats):
    """Whether Pillow reads the file as a picture of one of ``formats``. A picture claiming a
    huge size is still a picture: how large a picture may be is the caller's rule."""
    from PIL import Image, UnidentifiedImageError

    position = upload.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                return image.format in formats
    except Image.DecompressionBombError:
        return True
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False
    finally:
        upload.seek(position)


#: what the content of a file of each extension begins with, or holds
CONTENT = {
    ".pdf": lambda upload: _head(upload, 5) == b"%PDF-",
    ".doc": lambda upload: _head(upload, 8) == OLE_MAGIC,
    ".xls": lambda upload: _head(upload, 8) == OLE_MAGIC,
    ".docx": lambda upload: _zip_holds(upload, "word/document.xml"),
    ".xlsx": lambda upload: _zip_holds(upload, "xl/workbook.xml"),
    ".odt": lambda upload: _zip_holds(upload, "content.xml"),
    ".jpg": lambda upload: _picture_of(upload, {"JPEG"}),
    ".jpeg": lambda upload: _picture_of(upload, {"JPEG"}),
    ".png": lambda upload: _picture_of(upload, {"PNG"}),
}


def content_matches(upload, extension):
    """Whether the file holds what its extension says. A file already stored was checked when it
    was uploaded."""
    if getattr(upload, "_committed", False):
        return True
    check = CONTENT.get(extension)
    return check is None or check(upload)


@dataclass(frozen=True)
class FileRule:
    """The extensions and the size a kind of upload may have, and what to say otherwise. The
    content must match the extension (``CONTENT``): HTML named ``.pdf`` is refused."""

    extensions: frozenset
    max_bytes: int
    wrong_type: str  # given %(ext)s
    too_large: str
    wrong_content: str = WRONG_CONTENT  # given %(ext)s

    def check(self, upload):
        extension = Path(upload.name).suffix.lower()
        if extension not in self.extensions:
            raise ValidationError(self.wrong_type, params={"ext": extension or "?"})
        if upload.size > self.max_bytes:
            raise ValidationError(self.too_large)
        if not content_matches(upload, extension):
            raise ValidationError(self.wrong_content, params={"ext": extension})


ATTACHMENT = FileRule(
    ALLOWED_EXTENSIONS,
    MAX_BYTES,
    _("Files of type %(ext)s are not accepted; use PDF, Word, Excel, JPEG or PNG."),
    _("The file is larger than 20 MB."),
)


def validate_attachment(upload):
    """Attachments are documents or photos of at most 20 MB whose content matches their name."""
    ATTACHMENT.check(upload)
