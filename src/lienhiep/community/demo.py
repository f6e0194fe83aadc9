"""The centres' community projects of 2024: 4,2 tỷ đồng of funding and their beneficiaries.

The beneficiary figures are reported values: ``plans`` seeds them from ``beneficiary_figures``
(the ``demo`` of the project subject kind), since only ``plans`` reports values."""

from datetime import date
from decimal import Decimal

from lienhiep.directory.models import Organisation

from .models import Project

# title, centre, funders, amount, places, {indicator: value}
PROJECTS = [
    (
        "Dự án Sinh kế bền vững cho hộ nghèo vùng ven biển",
        "trung-tam-phat-trien-cong-dong",
        ["tam-nhin-the-gioi"],
        Decimal("2000000000"),
        "Xã Hòa Hải, xã Hòa Bình, xã An Phú",
        {
            "households_supported": 700,
            "training_classes": 10,
            "training_participants": 400,
            "charity_houses": 8,
            "stable_jobs": 120,
        },
    ),
    (
        "Dự án Học bổng Ươm mầm tri thức",
        "trung-tam-phat-trien-cong-dong",
        ["quy-ho-tro-cong-dong"],
        Decimal("1500000000"),
        "Các xã miền núi tỉnh Hòa An",
        {
            "scholarships": 400,
            "students_monthly": 85,
            "children_taught": 60,
            "households_supported": 400,
        },
    ),
    (
        "Dự án Ứng dụng khoa học kỹ thuật trong nông nghiệp hộ gia đình",
        "trung-tam-ung-dung-khcn",
        ["tam-nhin-the-gioi", "so-khcn-hoa-an"],
        Decimal("700000000"),
        "Xã Phước Sơn, xã Tân Lập",
        {
            "households_supported": 150,
            "training_classes": 8,
            "training_participants": 320,
            "scholarships": 240,
            "charity_houses": 4,
            "health_classes": 6,
            "health_learners": 210,
        },
    ),
]


def seed(stdout=None):
    for title, centre, funders, amount, places, _figures in PROJECTS:
        project, _ = Project.objects.update_or_create(
            title=title,
            defaults={
                "centre": Organisation.objects.get(slug=centre),
                "amount": amount,
                "places": places,
                "start_date": date(2024, 1, 15),
                "end_date": date(2026, 12, 31),
            },
        )
        project.funders.set(Organisation.objects.filter(slug__in=funders))


def beneficiary_figures():
    """``(project, {indicator code: value}, source)`` of each demo project in 2024."""
    seed()
    figures = []
    for title, _centre, _funders, _amount, _places, values in PROJECTS:
        project = Project.objects.select_related("centre").get(title=title)
        source = f"Báo cáo tổng kết năm 2024 của {project.centre.abbreviation}, dự án “{title}”"
        figures.append((project, {f"community.{k}": v for k, v in values.items()}, source))
    return figures
