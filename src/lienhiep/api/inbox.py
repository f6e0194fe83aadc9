"""``POST /api/v1/packages/``: a provincial union's installation sends its signed year package
with the sending token the federation issued to it (``receiving``)."""

import json

from django.utils import translation
from django.utils.translation import gettext as _

from .http import refuse, respond, router
from .package.load import PackageRefused
from .receiving import receive_package, token_for

DOCUMENTATION = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object"}}},
        "description": "Gói số liệu năm đã ký (docs/year-package.schema.json).",
    },
}


def _bearer(request):
    kind, _space, plain = request.headers.get("Authorization", "").partition(" ")
    return plain.strip() if kind.lower() == "bearer" else ""


@router.post(
    "/packages/",
    auth=None,
    summary="Gửi gói số liệu năm lên Trung ương",
    tags=["Liên hiệp Hội Việt Nam"],
    openapi_extra=DOCUMENTATION,
    response={200: dict, 400: dict, 401: dict, 403: dict, 422: dict},
)
def receive(request):
    """Liên hiệp hội tỉnh gửi gói số liệu năm đã ký, kèm **mã gửi số liệu** mà Liên hiệp Hội
    Việt Nam cấp cho liên hiệp hội đó (`Authorization: Bearer <mã>`). Gói được kiểm tra như
    `import_year` (định dạng, phiên bản, chữ ký) và phải là của đúng liên hiệp hội, ký bằng đúng
    khóa mà mã chấp nhận; gửi lại cùng năm thì thay số liệu đã nhận.

    Mã trả lời: 200 đã nhận; 400 nội dung không phải JSON; 401 thiếu mã, mã sai hoặc đã thu
    hồi; 403 gói của liên hiệp hội khác hoặc ký bằng khóa khác; 422 gói sai định dạng, phiên bản
    lạ hoặc chữ ký không hợp lệ."""
    with translation.override("vi"):
        token = token_for(_bearer(request))
        if token is None:
            return refuse(401, _("No sending token, a wrong one, or one revoked."))
        try:
            package = json.loads(request.body)
        except ValueError:
            return refuse(400, _("What was sent is not JSON."))
        try:
            union, print_ = receive_package(token=token, package=package)
        except PackageRefused as refusal:
            return refuse(refusal.status, " ".join(refusal.messages))
        detail = _("Received the year package of %(year)s of %(union)s.") % {
            "year": package["year"],
            "union": union.name,
        }
        return respond(
            request,
            {"detail": detail, "union": union.slug, "year": package["year"], "fingerprint": print_},
        )
