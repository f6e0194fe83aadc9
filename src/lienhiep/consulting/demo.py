"""Hòa An's critique cases of 2024: 06 reports sent, 01 case still open; and the demo expert."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from lienhiep.directory import roles
from lienhiep.directory.demo import DEMO_PASSWORD
from lienhiep.directory.models import Organisation, Person

from . import services
from .enums import CASE_KINDS, CaseKind, CaseState, KindForm, PanelRole
from .models import Case, ConsultingKind

# title, requester, request number, request date, field, report number
CASES = [
    (
        "Đề án phát triển du lịch tỉnh Hòa An giai đoạn 2024-2030, tầm nhìn đến năm 2045",
        "ubnd-hoa-an",
        "315/UBND-KGVX",
        date(2024, 2, 26),
        "Du lịch",
        "05/BC-LHH",
    ),
    (
        "Đề án chuyển đổi số tỉnh Hòa An đến năm 2025, định hướng đến năm 2030",
        "ubnd-hoa-an",
        "702/UBND-KT",
        date(2024, 4, 8),
        "Công nghệ thông tin",
        "09/BC-LHH",
    ),
    (
        "Đề án phát triển vùng nguyên liệu dược liệu tập trung tỉnh Hòa An",
        "so-nn-mt-hoa-an",
        "188/SNNMT-TT",
        date(2024, 5, 13),
        "Dược học",
        "12/BC-LHH",
    ),
    (
        "Dự thảo Quy định chính sách hỗ trợ khởi nghiệp đổi mới sáng tạo tỉnh Hòa An",
        "so-khcn-hoa-an",
        "96/SKHCN-QLKH",
        date(2024, 6, 17),
        "Kinh tế",
        "15/BC-LHH",
    ),
    (
        "Đề án nâng cao chất lượng giáo dục mũi nhọn giai đoạn 2024-2030",
        "so-gddt-hoa-an",
        "1120/SGDĐT-GDTrH",
        date(2024, 8, 5),
        "Giáo dục",
        "19/BC-LHH",
    ),
    (
        "Đề án bảo vệ và phát triển rừng ven biển tỉnh Hòa An giai đoạn 2025-2030",
        "ubnd-hoa-an",
        "1604/UBND-KT",
        date(2024, 9, 23),
        "Lâm nghiệp",
        "23/BC-LHH",
    ),
]
OPEN_CASE = (
    "Đề án xây dựng đô thị thông minh thành phố Hòa An",
    "ubnd-hoa-an",
    "1985/UBND-XD",
    date(2024, 11, 25),
    "Xây dựng",
)


def expert_account(person):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="chuyengia",
        defaults={
            "first_name": person.given_name,
            "last_name": f"{person.family_name} {person.middle_name}".strip(),
            "email": "chuyengia@hoaan.example.vn",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.set([roles.group(roles.EXPERT)])
    Person.objects.filter(account=user).exclude(pk=person.pk).update(account=None)
    person.account = user
    person.save()
    return user


def panel_accounts(people):
    """Logins (no password: invited) for the demo's panel experts, who act through them."""
    User = get_user_model()
    for person in people:
        if person.account_id is None:
            user = User(username=f"chuyengia-{person.code.lower()}", email="")
            user.set_unusable_password()
            user.save()
            user.groups.add(roles.group(roles.EXPERT))
            person.account = user
            person.save()


def case_kinds():
    """The case kinds every union has (the migration makes them; a flushed database lacks them)."""
    for slug, name, order in CASE_KINDS:
        ConsultingKind.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "form": KindForm.CASE, "unit": "đề án", "order": order},
        )
    return ConsultingKind.objects.get(slug=CaseKind.CRITIQUE)


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    critique = case_kinds()
    staff = get_user_model().objects.get(username="canbo")
    experts = list(Person.objects.filter(code__startswith="HA-CLB-").order_by("code")[:21])
    expert_account(experts[0])
    panel_accounts(experts[1:])
    if stdout:
        stdout.write(
            f"  {'chuyengia':15} {roles.GROUP_NAMES[roles.EXPERT]} – {experts[0].full_name}"
        )
    for index, (title, requester, number, received, field, report) in enumerate(CASES):
        if Case.objects.filter(title=title).exists():
            continue
        case = services.open_case(
            user=staff,
            title=title,
            kind=critique,
            field_of_expertise=field,
            union=union,
            requester=Organisation.objects.get(slug=requester),
            request_number=number,
            request_date=received,
            in_plan=requester == "ubnd-hoa-an" or index % 2 == 0,
            deadline=received + timedelta(days=45),
        )
        panel = (
            experts[index * 3 : index * 3 + 3] if index else [experts[0], experts[1], experts[2]]
        )
        for person, role in zip(
            panel, [PanelRole.CHAIR, PanelRole.MEMBER, PanelRole.SECRETARY], strict=True
        ):
            services.add_panel_member(case=case, person=person, role=role, user=staff)
        services.form_panel(case=case, user=staff, on=received + timedelta(days=5))
        case.opinions.create(
            expert=panel[0],
            text=f"Đề án cơ bản phù hợp; đề nghị bổ sung phân tích về {field.lower()}.",
        )
        case.opinions.create(
            expert=panel[1], text="Cần làm rõ nguồn lực thực hiện và lộ trình từng giai đoạn."
        )
        services.collect_opinions(case=case, user=staff, on=received + timedelta(days=20))
        services.hold_meeting(case=case, user=staff, on=received + timedelta(days=27))
        services.draft_report(case=case, user=staff, on=received + timedelta(days=33))
        services.send_report(
            case=case,
            user=staff,
            number=report,
            on=received + timedelta(days=40),
            sent_to=Organisation.objects.get(slug=requester).name,
        )
    title, requester, number, received, field = OPEN_CASE
    if not Case.objects.filter(title=title).exists():
        case = services.open_case(
            user=staff,
            title=title,
            kind=critique,
            field_of_expertise=field,
            union=union,
            requester=Organisation.objects.get(slug=requester),
            request_number=number,
            request_date=received,
            in_plan=False,
            deadline=date(2025, 1, 20),
        )
        for person, role in ((experts[0], PanelRole.CHAIR), (experts[19], PanelRole.MEMBER)):
            services.add_panel_member(case=case, person=person, role=role, user=staff)
        services.form_panel(case=case, user=staff, on=date(2024, 12, 2))
    assert Case.objects.filter(union=union, state=CaseState.REPORT_SENT).count() >= 6
