"""Union staff read the 2024 dashboard as cards and charts, on a desktop and on a phone."""

import re
from pathlib import Path

import pytest

from lienhiep.directory.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SIZES = ((1366, 768, "desktop"), (390, 844, "phone"))
#: what sticks out past the window's right edge (nothing may, on a phone)
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll('main *, .plan-panel *')) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !element.closest('.w-sr-only, details:not([open]), [hidden]')
        && getComputedStyle(element).visibility !== 'hidden') {
      let scroller = element.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (!scroller || scroller === document.documentElement || scroller === document.body) wide.push(element.tagName + '.' + element.className);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def svg_texts(svg):
    """The words a screen reader finds in a chart (SVG text has no ``innerText``)."""
    return svg.evaluate("s => [...s.querySelectorAll('text')].map(t => t.textContent.trim())")


#: two frames drawn: what the admin's scripts change when the window is resized (the sidebar
#: hidden on a phone) is laid out
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

#: the height of the page's content (the admin scrolls an inner element, not the document)
CONTENT_HEIGHT = "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"


def shoot(page, name):
    """The window at each size, then the whole page at that width (``-full``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height, size in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate(SETTLED)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"))
        if size == "phone":
            assert page.evaluate(OVERFLOW) == {"scroll": 390, "width": 390, "wide": []}
        page.set_viewport_size({"width": width, "height": min(page.evaluate(CONTENT_HEIGHT), 6000)})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}-full.png"))


def test_union_staff_read_the_year_in_cards_and_charts(live_server, seeded, page):
    url = live_server.url
    log_in(page, url, "demo", DEMO_PASSWORD, then="/admin/?year=2024")

    chosen = page.locator("#id_org option:checked").inner_text()
    assert chosen == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa An"  # the one shown
    cards = page.locator(".dash-card")
    assert cards.nth(0).inner_text().split("\n") == ["Hội viên", "12.436", "+414 so với 2023"]
    plan = page.locator("svg#plan-chart")
    assert plan.get_attribute("role") == "img"
    words = svg_texts(plan)
    percents = [w for w in words if re.fullmatch(r"\d+% \(.+/.+\)", w)]
    assert percents == ["112% (168/150)", "100% (4/4)", "150% (9/6)", "92% (11/12)", "120% (6/5)"]
    assert "Hội thảo khoa học: 11 trên 12: 92%" in plan.locator("desc").text_content()
    ring = page.locator("svg#returns-ring")
    assert svg_texts(ring) == ["19/22"]
    trend = page.locator("svg#trend-chart")
    assert trend.locator("title").text_content() == "Hội viên, 2020–2024"
    assert svg_texts(trend)[-2:] == ["12.022", "12.436"]
    shoot(page, "dashboard")

    page.set_viewport_size({"width": 1366, "height": 768})
    page.select_option("#id_trend", label="Hội thảo khoa học")
    page.get_by_role("button", name="Vẽ").click()
    trend = page.locator("svg#trend-chart")
    assert trend.locator("title").text_content() == "Hội thảo khoa học, 2020–2024"
    assert trend.locator("desc").text_content().endswith("2024: 11")

    page.locator("svg#plan-chart a").first.click()  # a bar opens the records behind it
    page.wait_for_url(re.compile(r"/plans/figures/contests\.youth_entries/\?org=\d+&year=2024$"))
    assert page.locator("h1").inner_text().startswith("Mô hình, sản phẩm dự thi")
