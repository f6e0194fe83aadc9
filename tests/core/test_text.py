"""Invisible characters: stripped from what people type and import, refused when nothing else
was written (core/text.py, the one definition the exports use too)."""

import pytest
from django import forms

from lienhiep.core.exporters import tables
from lienhiep.core.forms import VisibleTextMixin
from lienhiep.core.importing import BaseReader, Column
from lienhiep.core.text import INVISIBLE_ONLY, InvisibleOnly, strip_invisible, visible_text

HIDDEN = "\x00\x07\x1b\x7f\u200b\u200d\u202e\u2066\ufeff"


def test_controls_bidi_and_zero_width_characters_are_stripped_but_tab_and_lines_kept():
    assert strip_invisible(f"Bình{HIDDEN}\tAn\nHòa\r\n") == "Bình\tAn\nHòa\r\n"


def test_a_value_of_only_invisible_characters_is_refused():
    with pytest.raises(InvisibleOnly):
        visible_text("\u200b \u202e\u200d")
    assert visible_text("") == "" and visible_text("  ") == "  "


def test_the_exports_use_the_same_characters():
    assert tables.text(f"=1+1{HIDDEN}") == "'=1+1"


class Sample(VisibleTextMixin, forms.Form):
    title = forms.CharField()
    note = forms.CharField(required=False, widget=forms.Textarea)
    count = forms.IntegerField(required=False)


def test_a_form_strips_invisible_characters_from_every_text_field():
    form = Sample({"title": "Chậu\u202e cây\x01", "note": "dòng 1\n\u200bdòng 2", "count": "3"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "Chậu cây", "note": "dòng 1\ndòng 2", "count": 3}


def test_a_form_refuses_a_field_of_only_invisible_characters():
    form = Sample({"title": "\u200b\u200b", "note": "\u202e"})
    assert not form.is_valid()
    assert form.errors == {"title": [str(INVISIBLE_ONLY)], "note": [str(INVISIBLE_ONLY)]}


def test_an_imported_cell_is_cleaned_and_one_of_only_invisible_characters_refused():
    reader = BaseReader()
    column = Column("Tên", "name", required=True)
    assert reader.parse(column, "Hội\x0b thảo\u200b") == "Hội thảo"
    with pytest.raises(ValueError, match=str(INVISIBLE_ONLY)):
        reader.parse(column, "\u200b\ufeff")
