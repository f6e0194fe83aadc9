"""The privacy notice on the public site."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Site

from .notices import current_notice, paragraphs


def notice_view(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    notice = current_notice(site)
    return TemplateResponse(
        request,
        "privacy/notice.html",
        {"notice": notice, "paragraphs": paragraphs(notice)},
    )
