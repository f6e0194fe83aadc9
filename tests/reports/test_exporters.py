"""The report run's files, through the exporter registry: same names, same types."""

from io import BytesIO

import pytest
from django.urls import reverse

from lienhiep.directory import roles
from lienhiep.reports import services
from lienhiep.reports.enums import ReportKind
from lienhiep.reports.models import ReportRun
from tests.factories import make_user

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_run_file_answers_its_stored_file(client, demo):
    from docx import Document

    run = ReportRun.objects.get(organisation=demo, year=2024, kind=ReportKind.ANNUAL)
    staff = make_user(roles.UNION_STAFF, demo)
    client.force_login(staff)
    assert client.get(reverse("reports_file", args=[run.pk, "pdf"])).status_code == 404
    services.generate(run=run, user=staff)
    run.refresh_from_db()
    for kind, content_type in (("docx", DOCX), ("pdf", "application/pdf"), ("md", "text/markdown")):
        response = client.get(reverse("reports_file", args=[run.pk, kind]))
        name = getattr(run, {"md": "markdown"}.get(kind, kind)).name.rsplit("/", 1)[-1]
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    word = Document(BytesIO(client.get(reverse("reports_file", args=[run.pk, "docx"])).content))
    assert any("Hòa An" in p.text for p in word.paragraphs)
    assert client.get(reverse("reports_file", args=[run.pk, "exe"])).status_code == 404
