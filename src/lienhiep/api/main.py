"""``/api/v1/``: the routers, the OpenAPI document and its Vietnamese docs."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from . import inbox, reading, writing  # noqa: F401  (they add their endpoints to the router)
from .http import TokenRateThrottle, refuse, router

DESCRIPTION = """
API của lienhiep: đọc và ghi số liệu của liên hiệp hội bằng chương trình.

**Mã truy cập.** Mỗi tài khoản tạo mã truy cập của mình trên màn hình “Tài khoản” và gửi kèm mỗi
yêu cầu: `Authorization: Bearer <mã>`. Mã truy cập thấy đúng những gì tài khoản thấy trên màn
hình. Không có mã: chỉ dữ liệu mở (kết quả hội thi đã công bố, các chỉ tiêu được công khai).

**Trang.** Danh sách nhận `limit` (tối đa 500) và `offset`; lọc theo `year` và `organisation`
(mã tổ chức).

**Bộ nhớ đệm.** Mỗi câu trả lời có `ETag`; gửi lại trong `If-None-Match` để nhận 304 khi không có
gì mới.

**Giới hạn.** Số yêu cầu mỗi phút của mỗi mã truy cập có giới hạn (429 khi vượt).

**Ghi.** Mỗi lô được lưu toàn bộ hoặc không mục nào, qua đúng biểu mẫu và quy trình nhập của
màn hình; lỗi ghi rõ mục và trường.

**Gửi số liệu năm lên Trung ương.** `POST /api/v1/packages/` nhận gói số liệu năm đã ký của một
liên hiệp hội tỉnh, kèm mã gửi số liệu do Liên hiệp Hội Việt Nam cấp riêng cho liên hiệp hội đó
(không phải mã truy cập của tài khoản).
"""

api = NinjaAPI(
    title="API Liên hiệp các Hội Khoa học và Kỹ thuật",
    version="1",
    description=DESCRIPTION,
    urls_namespace="lienhiep_api",
    throttle=[TokenRateThrottle()],
    docs_url="/docs",
)
api.add_router("", router)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return refuse(403, _("The login of this access token may not do this."))
