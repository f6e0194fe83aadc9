import pytest
from hypothesis import given
from hypothesis import strategies as st

from lienhiep.core.collation import collation_key, person_sort_key
from lienhiep.directory.models import Person
from tests.factories import make_org, make_person


def test_alphabet_order_d_before_dd_and_vowels_with_marks():
    words = ["Đào", "Dung", "Ân", "Ăn", "An", "Ơn", "Ông", "Oanh", "Ưng", "Uyên"]
    assert sorted(words, key=collation_key) == [
        "An",
        "Ăn",
        "Ân",
        "Dung",
        "Đào",
        "Oanh",
        "Ông",
        "Ơn",
        "Uyên",
        "Ưng",
    ]


def test_tones_order_after_letters():
    words = ["Má", "Mạ", "Mả", "Ma", "Mã", "Mà", "Mai"]
    assert sorted(words, key=collation_key) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ", "Mai"]


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạấầ ", max_size=12))
def test_collation_key_is_digits(text):
    primary, _, secondary = collation_key(text).partition("|")
    assert primary.isdigit() or primary == ""
    assert secondary.isdigit() or secondary == ""


def test_person_key_orders_given_name_then_family_name():
    assert person_sort_key("Trần", "Thị", "Ánh") < person_sort_key("Lê", "Văn", "Bình")
    assert person_sort_key("Lê", "Văn", "An") < person_sort_key("Nguyễn", "Văn", "An")


@pytest.mark.django_db
def test_people_sort_in_vietnamese_order_on_this_database():
    home = make_org()
    names = [
        ("Phạm", "Văn", "Đức"),
        ("Nguyễn", "Văn", "An"),
        ("Đỗ", "Mạnh", "Dũng"),
        ("Trần", "Thị", "Ánh"),
        ("Lê", "Văn", "Bình"),
        ("Bùi", "Thị", "Anh"),
        ("Lê", "Thị", "Anh"),
    ]
    for family, middle, given_name in names:
        make_person(home, family, middle, given_name)
    ordered = [p.full_name for p in Person.objects.filter(home=home)]
    assert ordered == [
        "Nguyễn Văn An",
        "Bùi Thị Anh",
        "Lê Thị Anh",
        "Trần Thị Ánh",
        "Lê Văn Bình",
        "Đỗ Mạnh Dũng",
        "Phạm Văn Đức",
    ]
