"""The Markdown report shows what staff typed as text: HTML in a title is escaped."""

import pytest
from django.core.management import call_command

from lienhiep.activities.models import Activity

pytestmark = pytest.mark.django_db


def markdown_report(capsysbinary):
    call_command(
        "annual_report", "--org", "hoa-an", "--year", "2024", "--format", "md", "--output", "-"
    )
    return capsysbinary.readouterr().out.decode()


def test_html_in_an_activity_title_is_written_as_text(demo, capsysbinary):
    activity = Activity.objects.filter(
        organiser=demo, start_date__year=2024, kind__slug="hoi-thao", state="held"
    ).first()
    activity.title = 'Hội thảo <img src=x onerror="alert(1)"> & <b>nước sạch</b>'
    activity.save()
    text = markdown_report(capsysbinary)
    assert (
        'Hội thảo &lt;img src=x onerror="alert(1)"&gt; &amp; &lt;b&gt;nước sạch&lt;/b&gt;' in text
    )
    assert "<img" not in text and "<b>" not in text


def test_a_pipe_in_an_annex_row_does_not_split_its_cell(demo, capsysbinary):
    from lienhiep.plans.models import Indicator

    indicator = Indicator.objects.get(code="consulting.schemes_critiqued")
    indicator.name = "Đề án | tư vấn"
    indicator.save()
    text = markdown_report(capsysbinary)
    assert "| Đề án \\| tư vấn |" in text
