"""A staff member walks the main admin screens in Chromium and meets no English UI words."""

import re

import pytest
from django.urls import reverse

from lienhiep.contests.enums import ContestKind
from lienhiep.contests.models import ContestRound
from lienhiep.directory import demo as directory_demo
from lienhiep.directory.models import Organisation, Person
from lienhiep.reports.models import ReportRun

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ENGLISH = [
    "Sign in",
    "Search",
    "Dashboard",
    "Add",
    "Edit",
    "Delete",
    "Save",
    "Filter",
    "Export",
    "Actions",
]


def english_words(page):
    """English UI words visible on the page, or in its title, buttons' labels and placeholders."""
    text = page.evaluate(
        """() => [document.title, document.body.innerText,
                  ...Array.from(document.querySelectorAll('[placeholder],[aria-label],[title]'))
                     .map(e => [e.getAttribute('placeholder'), e.getAttribute('aria-label'),
                                e.getAttribute('title')].filter(Boolean).join(' '))].join('\\n')"""
    )
    return sorted({word for word in ENGLISH if re.search(rf"\b{word}\b", text)})


def test_staff_walk_the_admin_in_vietnamese(live_server, seeded, page):
    url = live_server.url
    page.goto(f"{url}{reverse('wagtailadmin_login')}")
    assert english_words(page) == []
    page.fill("input[name=username]", "demo")
    page.fill("input[name=password]", directory_demo.DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/admin/")
    assert (
        "Danh bạ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An cuối năm 2024"
        in page.inner_text("body")
    )
    assert "12.436" in page.inner_text("body")

    org = Organisation.objects.get(slug="hoi-dieu-duong")
    person = Person.objects.filter(home=org).first()
    twelfth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=12)
    thirteenth = ContestRound.objects.get(contest__kind=ContestKind.YOUTH, number=13)
    run = ReportRun.objects.get(organisation__slug="hoa-an", year=2024)
    screens = [
        reverse("wagtailadmin_home"),
        reverse("directory_organisation:index"),
        reverse("directory_organisation:index") + "?q=dieu+duong",
        reverse("directory_organisation:add"),
        reverse("directory_organisation:edit", args=[org.pk]),
        reverse("directory_organisation:inspect", args=[org.pk]),
        reverse("directory_organisation:history", args=[org.pk]),
        reverse("directory_organisation:delete", args=[org.pk]),
        reverse("directory_person:index"),
        reverse("directory_person:edit", args=[person.pk]),
        reverse("directory_membership:index"),
        reverse("directory_term:index"),
        reverse("directory_membercount:index"),
        reverse("directory_province:index"),
        reverse("directory_import"),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("contests_contest:index"),
        reverse("contests_round:index"),
        reverse("contests_round:add"),
        reverse("contests_round:edit", args=[twelfth.pk]),
        reverse("contests_round_process", args=[twelfth.pk]),
        reverse("contests_round_judging", args=[twelfth.pk]),
        reverse("contests_entry:index"),
        reverse("contests_entry:edit", args=[twelfth.entries.first().pk]),
        reverse("contests_paper_entry", args=[thirteenth.pk]),
        reverse("contests_import", args=[thirteenth.pk]),
        reverse("reports_run:index"),
        reverse("reports_run:add"),
        reverse("reports_run", args=[run.pk]),
        reverse("reports_run:edit", args=[run.pk]),
        reverse("reports_template:index"),
        reverse("reports_template:add"),
        reverse("reports_register:index"),
    ]
    found = {}
    for screen in screens:
        page.goto(f"{url}{screen}")
        assert page.locator("html").get_attribute("lang") == "vi"
        words = english_words(page)
        if words:
            found[screen] = words
    assert found == {}

    page.goto(f"{url}{reverse('directory_organisation:index')}")
    page.fill("form[action*='/admin/directory/organisations/'] input[name=q]", "dieu duong")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=dieu\+duong.*"))
    page.wait_for_selector("text=Hội Điều dưỡng tỉnh Hòa An")
    assert "Hội Luật gia" not in page.inner_text("main")
