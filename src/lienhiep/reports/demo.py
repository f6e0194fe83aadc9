"""Hòa An's register of outgoing documents for 2024 (from the demo's records) and the draft of
the 2024 annual report with the staff's text, ready to be generated."""

from django.contrib.auth import get_user_model

from lienhiep.directory.models import Organisation, OutgoingDocument
from lienhiep.honours.models import CommendationDecision

from . import services
from .enums import ReportKind
from .models import ReportRun

SHORTCOMINGS = (
    "Một số hội thành viên chưa gửi báo cáo năm đúng hạn; ba hội đã quá nhiệm kỳ nhưng chưa tổ "
    "chức đại hội.\n\n"
    "Số hội thảo khoa học chưa đạt kế hoạch; kinh phí cho hoạt động tư vấn, phản biện còn hạn chế."
)
CAUSES = (
    "Phần lớn cán bộ hội thành viên làm việc kiêm nhiệm; nguồn lực tài chính của Liên hiệp hội "
    "chủ yếu từ ngân sách, chưa huy động được nhiều nguồn xã hội hóa."
)
PROPOSALS = (
    "Đề nghị UBND tỉnh tiếp tục giao nhiệm vụ tư vấn, phản biện và bố trí kinh phí theo Quyết "
    "định số 14/2014/QĐ-TTg; đề nghị Liên hiệp Hội Việt Nam hỗ trợ tập huấn nghiệp vụ cho cán bộ "
    "các hội thành viên."
)
RECIPIENTS = "Liên hiệp Hội Việt Nam\nThường trực Tỉnh ủy, UBND tỉnh\nBan Tuyên giáo và Dân vận Tỉnh ủy\nCác hội thành viên"


def _number(text):
    head = (text or "").split("/", 1)[0]
    return int(head) if head.isdigit() else None


def seed_register(union):
    """The union's own 2024 commendation decisions, in the register (critique reports and honours
    proposals take their lines when they are sent)."""
    found = [
        (decision.number, decision.date, decision.reason)
        for decision in CommendationDecision.objects.filter(issuer=union, date__year=2024)
    ]
    for text, day, subject in found:
        number = _number(text)
        if number is None:
            continue
        OutgoingDocument.objects.get_or_create(
            organisation=union,
            year=2024,
            number=number,
            defaults={
                "symbol": text.split("/", 1)[1],
                "date": day,
                "subject": subject[:400],
            },
        )


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    seed_register(union)
    if not ReportRun.objects.filter(organisation=union, year=2024, kind=ReportKind.ANNUAL).exists():
        services.create_run(
            organisation=union,
            year=2024,
            kind=ReportKind.ANNUAL,
            user=get_user_model().objects.get(username="canbo"),
            shortcomings=SHORTCOMINGS,
            causes=CAUSES,
            proposals=PROPOSALS,
            place="Hòa An",
            signer_name="Lê Quang Vinh",
            recipients=RECIPIENTS,
        )
