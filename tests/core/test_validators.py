import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lienhiep.core.validators import MAX_BYTES, validate_attachment


def test_attachment_of_an_accepted_type_passes():
    assert validate_attachment(SimpleUploadedFile("Biên bản.PDF", b"%PDF-1.4")) is None


def test_attachment_of_another_type_is_refused_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("virus.exe", b"MZ"))
    assert error.value.messages == [
        "Không nhận tệp loại .exe; hãy dùng PDF, Word, Excel, JPEG hoặc PNG."
    ]


def test_attachment_over_20_mb_is_refused():
    upload = SimpleUploadedFile("anh.jpg", b"x")
    upload.size = MAX_BYTES + 1
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_attachment(upload)
    assert error.value.messages == ["Tệp lớn hơn 20 MB."]
