"""Hòa An's plan 2024 (targets of ``sample/hoa-an-2024.md``), plan 2025, and the 2024 returns."""

import random
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from lienhiep.core.indicators import SUBJECTS
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.models import MemberCount, Organisation

from . import services, sync
from .enums import ItemKind, Method, PlanState, ReturnState
from .models import AnnualPlan, Indicator, PlanItem, Target, YearlyReturn

#: Indicators the later domain apps compute; the plan targets them already.
PLANNED_INDICATORS = [
    (
        "consulting.schemes_critiqued",
        "Đề án được tư vấn, phản biện và giám định xã hội",
        "Schemes critiqued",
        "đề án",
        200,
    ),
    ("activities.workshops", "Hội thảo khoa học", "Scientific workshops", "hội thảo", 210),
    ("activities.training_courses", "Lớp tập huấn", "Training courses", "lớp", 220),
    (
        "activities.club_sessions",
        "Buổi sinh hoạt chuyên đề của Câu lạc bộ trí thức",
        "Thematic sessions of the club",
        "buổi",
        230,
    ),
    (
        "contests.youth_entries",
        "Mô hình, sản phẩm dự thi Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng",
        "Youth contest entries",
        "mô hình",
        240,
    ),
]
# code → (target, assigned by the People's Committee?)
TARGETS_2024 = {
    "consulting.schemes_critiqued": (5, True),
    "activities.workshops": (12, False),
    "activities.training_courses": (6, False),
    "activities.club_sessions": (4, False),
    "contests.youth_entries": (150, False),
}
TASKS_2025 = [
    "Thực hiện tốt công tác tư vấn, phản biện và giám định xã hội các đề án, dự án do UBND tỉnh giao.",
    "Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh lần thứ 9 (2025-2026) và Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng lần thứ 13.",
    "Củng cố, phát triển tổ chức; hướng dẫn các hội thành viên tổ chức Đại hội đúng nhiệm kỳ.",
    "Tổ chức hội thảo khoa học, tập huấn, phổ biến kiến thức phục vụ phát triển kinh tế - xã hội của tỉnh.",
    "Tôn vinh trí thức tiêu biểu và phát huy vai trò của Câu lạc bộ trí thức tỉnh.",
]
SOLUTIONS_2025 = [
    "Tăng cường phối hợp với các sở, ban, ngành và UBND các xã, phường trong triển khai nhiệm vụ.",
    "Nâng cao chất lượng đội ngũ chuyên gia, xây dựng cơ sở dữ liệu trí thức của tỉnh.",
    "Đẩy mạnh chuyển đổi số trong quản lý hội viên và báo cáo của các hội thành viên.",
    "Huy động nguồn lực xã hội hóa cho các hoạt động của Liên hiệp hội.",
    "Thường xuyên kiểm tra, đôn đốc, sơ kết, tổng kết và khen thưởng kịp thời.",
]
NOT_SENT = {"hoi-su-hoc", "hoi-cham-cuu"}  # no return at all
DRAFT_ONLY = {"hoi-xay-dung"}  # started, not submitted
SUBMITTED_ONLY = {"hoi-du-lich", "hoi-tin-hoc", "hoi-do-luong"}  # awaiting the union's acceptance


def seed_indicators():
    for code, name, name_en, unit, order in PLANNED_INDICATORS:
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": unit,
                "method": Method.COMPUTED,
                "order": order,
            },
        )


def seed_plans(union):
    leader = get_user_model().objects.get(username="lanhdao")
    committee = Organisation.objects.get(slug="ubnd-hoa-an")
    plan, _ = AnnualPlan.objects.get_or_create(organisation=union, year=2024)
    for code, (value, assigned) in TARGETS_2024.items():
        Target.objects.update_or_create(
            plan=plan,
            indicator=Indicator.objects.get(code=code),
            defaults={
                "value": value,
                "assigned_by": committee if assigned else None,
                "assignment": "Quyết định số 212/QĐ-UBND ngày 19/01/2024" if assigned else "",
            },
        )
    if plan.state == PlanState.DRAFT:
        services.approve_plan(plan=plan, user=leader)
        AnnualPlan.objects.filter(pk=plan.pk).update(
            approved_at=datetime(2024, 1, 25, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
        )
    next_plan, _ = AnnualPlan.objects.get_or_create(organisation=union, year=2025)
    for kind, texts in ((ItemKind.TASK, TASKS_2025), (ItemKind.SOLUTION, SOLUTIONS_2025)):
        for order, text in enumerate(texts, start=1):
            PlanItem.objects.update_or_create(
                plan=next_plan, kind=kind, sort_order=order, defaults={"text": text}
            )


def seed_returns(union):
    staff = get_user_model().objects.get(username="canbo")
    rng = random.Random(19)
    associations = Organisation.objects.filter(
        parent=union, kind=OrganisationKind.MEMBER_ASSOCIATION
    )
    for organisation in associations.order_by("slug"):
        if organisation.slug in NOT_SENT:
            continue
        count = MemberCount.objects.get(organisation=organisation, year=2024).members
        yearly_return, _created = YearlyReturn.objects.get_or_create(
            organisation=organisation,
            year=2024,
            defaults={
                "deadline": date(2025, 1, 15),
                "members": count,
                "research_projects": rng.randrange(4),
                "technology_transfers": rng.randrange(3),
                "activities": f"{organisation.name} tổ chức {rng.randrange(2, 9)} hoạt động chuyên môn, "
                f"{rng.randrange(1, 5)} lớp bồi dưỡng hội viên trong năm 2024.",
                "charity": rng.randrange(0, 60, 5) * 1_000_000,
            },
        )
        if organisation.slug in DRAFT_ONLY or yearly_return.state != ReturnState.DRAFT:
            continue
        services.submit_return(yearly_return=yearly_return, user=staff)
        if organisation.slug not in SUBMITTED_ONLY:
            services.accept_return(yearly_return=yearly_return, user=staff)


def seed_subject_figures():
    """The demo figures of records that carry their own (community projects' beneficiaries)."""
    staff = get_user_model().objects.get(username="canbo")
    for kind in SUBJECTS.values():
        if kind.ensure_indicators:
            kind.ensure_indicators(Indicator)
        for record, values, source in kind.demo() if kind.demo else ():
            indicators = Indicator.objects.in_bulk(list(values), field_name="code")
            rows = [(indicators[code], value, source) for code, value in values.items()]
            services.report_values(kind=kind, record=record, year=2024, values=rows, user=staff)


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    sync.sync_indicators()
    seed_indicators()
    seed_plans(union)
    seed_returns(union)
    seed_subject_figures()
