"""Uploads are checked by their content, not only their name (core/validators.py, FileRule)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lienhiep.core.validators import OLE_MAGIC, WRONG_CONTENT, validate_attachment

HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def zipped(*members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    return buffer.getvalue()


def picture(kind):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, kind)
    return buffer.getvalue()


GOOD = [
    ("bien-ban.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
    ("to-trinh.doc", OLE_MAGIC + b"\x00" * 100),
    ("bang.xls", OLE_MAGIC + b"\x00" * 100),
    ("to-trinh.docx", zipped("[Content_Types].xml", "word/document.xml")),
    ("bang.xlsx", zipped("[Content_Types].xml", "xl/workbook.xml")),
    ("van-ban.odt", zipped("mimetype", "content.xml")),
    ("anh.jpg", picture("JPEG")),
    ("anh.PNG", picture("PNG")),
]
BAD = [
    ("bien-ban.pdf", HTML),
    ("bien-ban.pdf", bytes(range(256)) * 4),
    ("to-trinh.doc", HTML),
    ("to-trinh.docx", zipped("xl/workbook.xml")),
    ("to-trinh.docx", b"PK\x03\x04 not a zip"),
    ("bang.xlsx", HTML),
    ("anh.jpg", picture("PNG")),
    ("anh.png", HTML),
]


@pytest.mark.parametrize(("name", "content"), GOOD)
def test_a_file_whose_content_matches_its_name_passes(name, content):
    upload = SimpleUploadedFile(name, content)
    assert validate_attachment(upload) is None
    assert upload.tell() == 0


@pytest.mark.parametrize(("name", "content"), BAD)
def test_a_file_whose_content_does_not_match_its_name_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile(name, content))
    extension = "." + name.rsplit(".", 1)[1].lower()
    assert error.value.messages == [WRONG_CONTENT % {"ext": extension}]
