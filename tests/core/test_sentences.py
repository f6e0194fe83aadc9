"""The sentences staff write for the figures they define: checked on save, filled in report style."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from lienhiep.core.sections import fill_sentence, validate_sentence

VALUES = {"số": "05", "đơn vị": "hồ sơ", "kế hoạch": "04", "tỷ lệ": "125%", "kỳ": "năm 2024"}


def refusal(sentence, extra=()):
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        validate_sentence(sentence, extra)
    return caught.value.messages[0]


def test_an_unknown_placeholder_is_named_with_those_there_are():
    assert refusal("Hỗ trợ {so} hồ sơ trong {nam}.") == (
        "Câu dùng {nam}, {so} nhưng đó không phải chỗ điền; hãy dùng {số}, {đơn vị}, "
        "{kế hoạch}, {tỷ lệ}, {kỳ}."
    )


def test_unmatched_braces_and_brackets_are_refused():
    assert refusal("Hỗ trợ {số hồ sơ.").startswith("Thiếu dấu “{” hoặc “}”")
    assert refusal("Hỗ trợ {số} hồ sơ[, đạt {tỷ lệ}.") == "Thiếu dấu “[” hoặc “]”."


def test_a_kind_offers_its_own_placeholders():
    validate_sentence("Dự {phiên họp} phiên họp.", ("phiên họp",))
    assert "{phiên họp}" in refusal("Dự {phiên họp} phiên họp.")


def test_the_plan_part_is_written_only_with_a_target():
    sentence = "Hỗ trợ {số} {đơn vị}[, đạt {tỷ lệ} kế hoạch]."
    assert fill_sentence(sentence, VALUES, True) == "Hỗ trợ 05 hồ sơ, đạt 125% kế hoạch."
    assert fill_sentence(sentence, VALUES, False) == "Hỗ trợ 05 hồ sơ."


def test_a_sentence_silent_on_the_plan_gets_it_when_there_is_a_target():
    with translation.override("vi"):
        filled = fill_sentence("Hỗ trợ {số} {đơn vị}:", VALUES, True)
    assert filled == "Hỗ trợ 05 hồ sơ (kế hoạch: 04 hồ sơ; đạt 125% kế hoạch):"
    assert fill_sentence("Hỗ trợ {số} {đơn vị}", VALUES, False) == "Hỗ trợ 05 hồ sơ"
