import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lienhiep.core.forms import MAX_WORKBOOK_BYTES, ImportForm


def _form(upload):
    return ImportForm(data={}, files={"workbook": upload})


def test_import_form_takes_an_xlsx_workbook():
    upload = SimpleUploadedFile("Danh bạ.XLSX", b"PK")
    form = _form(upload)
    assert form.is_valid()
    assert form.cleaned_data["workbook"] is upload


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("danh-ba.xls", 2, "Hãy chọn tệp có đuôi .xlsx."),
        ("danh-ba.xlsx", MAX_WORKBOOK_BYTES + 1, "Tệp lớn hơn 10 MB."),
    ],
)
def test_import_form_refuses_other_files_in_vietnamese(name, size, message):
    upload = SimpleUploadedFile(name, b"PK")
    upload.size = size
    with translation.override("vi"):
        form = _form(upload)
        assert form.errors == {"workbook": [message]}
