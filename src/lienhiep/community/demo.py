"""The centres' community projects of 2024: 4,2 tỷ đồng of funding and their beneficiaries."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from lienhiep.directory.models import Organisation
from lienhiep.plans import services as plan_services
from lienhiep.plans.models import Indicator

from .beneficiaries import ensure_beneficiary_indicators
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
    ensure_beneficiary_indicators()
    staff = get_user_model().objects.get(username="canbo")
    for title, centre, funders, amount, places, figures in PROJECTS:
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
        for code, value in figures.items():
            plan_services.report_value(
                indicator=Indicator.objects.get(code=f"community.{code}"),
                organisation=project.centre,
                year=2024,
                value=value,
                user=staff,
                subject=project.subject,
                source=f"Báo cáo tổng kết năm 2024 của {project.centre.abbreviation}, dự án “{title}”",
            )
