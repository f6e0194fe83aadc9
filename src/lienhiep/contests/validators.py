import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lienhiep.core.validators import FileRule, validate_attachment

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000  # a 7.000 × 5.700 camera picture; more is not a photo of an entry
PHOTO = FileRule(
    PHOTO_EXTENSIONS,
    MAX_PHOTO_BYTES,
    _("A photo must be a JPEG or PNG picture, not %(ext)s."),
    _("A photo is at most 5 MB."),
    _("The photo cannot be opened as a picture."),
)


def validate_photo(upload):
    """Photos of an entry are JPEG or PNG pictures of at most 5 MB that open as pictures."""
    PHOTO.check(upload)
    problem = picture_problem(upload)
    if problem:
        raise ValidationError(problem)


def picture_problem(upload):
    """Why the file is not a usable picture, or None. A picture is one Pillow opens, of at most
    ``MAX_PHOTO_PIXELS`` (a small file that claims a huge size would be decoded in full later)."""
    from PIL import Image, UnidentifiedImageError

    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.width * image.height > MAX_PHOTO_PIXELS:
                return _("A photo is at most 40 million pixels.")
            image.verify()
    except Image.DecompressionBombError:
        return _("A photo is at most 40 million pixels.")
    except (UnidentifiedImageError, OSError, SyntaxError):
        return _("The photo cannot be opened as a picture.")
    finally:
        upload.seek(position)
    return None


def validate_entry_file(upload):
    validate_attachment(upload)
