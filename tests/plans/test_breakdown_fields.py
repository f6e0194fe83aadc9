"""Breakdowns are written in words on the screens, never as JSON (issue 15, item 8)."""

import pytest
from django.core.exceptions import ValidationError

from lienhiep.plans.forms import BreakdownField, BreakdownsField


def test_an_indicators_breakdowns_are_names_separated_by_commas():
    field = BreakdownsField(required=False)
    assert field.clean("sex, commune, sex") == ["sex", "commune"]
    assert field.clean("") == []
    assert field.prepare_value(["sex", "commune"]) == "sex, commune"
    with pytest.raises(ValidationError) as refused:
        field.clean("giới tính nam")
    assert refused.value.messages == [
        "“giới tính nam” không phải là một tên: chỉ dùng chữ cái, chữ số, “_” hoặc “-”, "
        "không có dấu cách."
    ]


def test_a_values_breakdown_is_one_name_and_value_a_line():
    field = BreakdownField(required=False)
    assert field.clean("sex = female\n\ncommune = Hòa An") == {"sex": "female", "commune": "Hòa An"}
    assert field.clean("") == {}
    assert field.prepare_value({"sex": "female"}) == "sex = female"
    with pytest.raises(ValidationError) as refused:
        field.clean('sex = female\n{"sex": "male"}')
    assert refused.value.messages == ["Dòng 2: hãy ghi “tên = giá trị”, ví dụ sex = female."]
