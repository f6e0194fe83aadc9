from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lienhiep.activities.validators import validate_attachment

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def validate_photo(upload):
    """Photos of an entry are JPEG or PNG pictures of at most 5 MB that open as pictures."""
    extension = Path(upload.name).suffix.lower()
    if extension not in PHOTO_EXTENSIONS:
        raise ValidationError(
            _("A photo must be a JPEG or PNG picture, not %(ext)s."),
            params={"ext": extension or "?"},
        )
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("A photo is at most 5 MB."))
    from PIL import Image, UnidentifiedImageError

    try:
        position = upload.tell() if hasattr(upload, "tell") else 0
        Image.open(upload).verify()
        upload.seek(position)
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(_("The photo cannot be opened as a picture.")) from None


def validate_entry_file(upload):
    validate_attachment(upload)
