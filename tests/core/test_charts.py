"""One charting path: the same chart as SVG for a screen and PNG for a document."""

import re
from io import BytesIO

from PIL import Image

from lienhiep.core import charts

PLAN = charts.plan_chart(
    "Kế hoạch và kết quả năm 2024",
    [
        charts.Point("Hội thảo khoa học", 92, "11", "/admin/plans/figures/a/?year=2024", "12"),
        charts.Point("Đề án được tư vấn, phản biện", 120, "1.206", "/b?x=1&y=2", "1.005"),
    ],
)
TREND = charts.trend_chart(
    "Hội viên, 2020–2024",
    [
        charts.Point(str(y), v, f"{v:,}".replace(",", "."), f"/r/{y}")
        for y, v in [(2020, 0), (2021, 9800), (2022, 11000), (2023, 12022), (2024, 12436)]
    ],
    "hội viên",
)


def texts(markup):
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", markup)]


def test_the_svg_keeps_the_figures_as_text_with_their_table_and_links():
    markup = charts.svg(PLAN, "plan-chart")
    assert markup.startswith('<svg id="plan-chart" class="chart chart--plan" role="img" ')
    assert 'aria-labelledby="plan-chart-title plan-chart-desc"' in markup
    assert '<title id="plan-chart-title">Kế hoạch và kết quả năm 2024</title>' in markup
    assert (
        '<desc id="plan-chart-desc">Hội thảo khoa học: 11 trên 12: 92%; '
        "Đề án được tư vấn, phản biện: 1.206 trên 1.005: 120%</desc>"
    ) in markup
    words = texts(markup)
    assert "92% (11/12)" in words and "120% (1.206/1.005)" in words
    assert {"0%", "100%", "chỉ tiêu kế hoạch"} <= set(words)
    assert markup.count('xlink:href="/admin/plans/figures/a/?year=2024"') == 2  # bar and figure
    assert 'xlink:href="/b?x=1&amp;y=2"' in markup
    assert " width=" not in markup.split(">", 1)[0]  # it scales to its box
    assert "<metadata>" not in markup and "<?xml" not in markup


def test_axes_are_written_the_vietnamese_way():
    words = texts(charts.svg(TREND, "trend"))
    assert words[5:13] == ["0", "2.000", "4.000", "6.000", "8.000", "10.000", "12.000", "14.000"]
    assert words[-5:] == ["0", "9.800", "11.000", "12.022", "12.436"]


def test_the_png_is_drawn_in_the_bundled_font_without_a_missing_letter():
    # A missing Vietnamese glyph is a warning, and the suite turns warnings into errors.
    for chart in (
        PLAN,
        TREND,
        charts.ring_chart(
            "Báo cáo năm", [charts.Point("Đã gửi", 19, "19"), charts.Point("Chưa gửi", 3, "03")]
        ),
    ):
        image = Image.open(BytesIO(charts.png(chart)))
        assert image.format == "PNG" and image.width >= 600
        # opaque: an alpha channel would be split and encoded again in every PDF
        assert image.mode == "RGB" and [round(d) for d in image.info["dpi"]] == [200, 200]


def test_a_chart_comes_back_the_same_from_its_stored_data():
    trends = charts.trends_chart("Các chỉ tiêu chính", [TREND, TREND])
    assert charts.from_data(charts.to_data(PLAN)) == PLAN
    assert charts.from_data(charts.to_data(trends)) == trends
    assert trends.rows[0] == ("Hội viên, 2020–2024, 2020", "0")


def test_two_charts_on_a_page_share_no_id_and_links_stay_in_the_tab():
    first, second = charts.svg(PLAN, "plan"), charts.svg(TREND, "trend")
    ids = re.findall(r' id="([^"]+)"', first) + re.findall(r' id="([^"]+)"', second)
    assert len(ids) == len(set(ids)) and all(i.startswith(("plan", "trend")) for i in ids)
    clips = re.findall(r"url\(#([^)]+)\)", first)
    assert clips and all(f' id="{clip}"' in first for clip in clips)
    assert "_blank" not in first + second


def test_a_chart_drawn_once_comes_from_the_shared_cache_until_its_data_changes(monkeypatch):
    """Drawing is the slow part: the same chart (data, language, id) is drawn once; another
    figure, another language or another id draws it again."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    charts._drawn.clear()
    drawn = []
    draw = charts.draw_svg
    monkeypatch.setattr(charts, "draw_svg", lambda c, i: drawn.append(i) or draw(c, i))
    first = charts.svgs({"trend-chart": TREND, "plan-chart": PLAN, "ring": None})
    again = charts.svgs({"trend-chart": TREND, "plan-chart": PLAN, "ring": None})
    assert again == first
    assert first["ring"] is None
    assert sorted(drawn) == ["plan-chart", "trend-chart"]
    changed = charts.trend_chart(TREND.title, [*TREND.points[:-1], charts.Point("2024", 1, "1")])
    assert charts.svg(changed, "trend-chart") != first["trend-chart"]
    with translation.override("en"):
        charts.svg(PLAN, "plan-chart")
    charts.svg(PLAN, "other-chart")
    assert len(drawn) == 5
    assert charts.png(TREND) == charts.png(TREND) == charts.draw_png(TREND)


def test_a_chart_another_process_drew_comes_from_the_shared_cache_and_stays_in_this_one(
    monkeypatch,
):
    """A process keeps the charts it drew or fetched: neither an emptied shared cache nor another
    process (here: this one's charts forgotten) draws them again."""
    from django.core.cache import cache

    cache.clear()
    charts._drawn.clear()
    drawn = []
    draw = charts.draw_svg
    monkeypatch.setattr(charts, "draw_svg", lambda c, i: drawn.append(i) or draw(c, i))
    first = charts.svg(PLAN, "plan-chart")
    charts._drawn.clear()  # another process: only the shared cache has it
    assert charts.svg(PLAN, "plan-chart") == first
    cache.clear()  # the shared cache emptied: this process still has it
    assert charts.svg(PLAN, "plan-chart") == first
    assert drawn == ["plan-chart"]
    charts._drawn.clear()
    assert charts.svg(PLAN, "plan-chart") == first  # both forgot it: drawn again, the same
    assert drawn == ["plan-chart", "plan-chart"]
