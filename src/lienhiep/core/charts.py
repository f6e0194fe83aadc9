"""Charts: one path (matplotlib) draws every chart, as SVG for the screens and PNG for documents.

A chart is data — its title and its points, each with the figure as a reader writes it and the
address of the records behind it — and is drawn the same way everywhere:

* :func:`svg` gives markup for a screen: the figures stay text (a screen reader reads them, the
  browser draws them in a font with every Vietnamese letter), each bar or slice links to its
  records, and ``<title>``/``<desc>`` carry the table behind the chart;
* :func:`png` gives the image a Word or PDF document embeds, drawn in the bundled Liberation
  Serif (every Vietnamese letter), without any outside request.

Drawing is the slow part (about a third of a second a chart), so a drawn chart is kept in the
shared cache under a digest of what it shows: its data, the language, the markup's id and this
module's own source (a change to the drawing draws every chart again). A chart whose figures
change has another key; nothing needs emptying. Each process also keeps the last charts it drew
or fetched (:data:`KEPT_HERE` of them): what a key names never changes, so they cannot go stale.

Colours are the Okabe–Ito set (told apart by colour-blind readers) and the bars below their
target are hatched, so a black-and-white print tells them apart too. Numbers are Vietnamese
(``1.234,5``; ``92%``). matplotlib is imported inside the drawing functions (STYLE.md §15).
"""

import hashlib
import io
import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .formatting import format_number

FONTS = Path(__file__).parent / "fonts"
FONT = "Liberation Serif"
BLUE, ORANGE, VERMILION, GREY, INK = "#0072B2", "#E69F00", "#D55E00", "#BBBBBB", "#222222"
#: the achievement (percent) at which a bar reaches its target line
TARGET = 100
#: how the drawing is done: part of each drawn chart's cache key
DRAWING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
#: how long a drawn chart stays in the shared cache (its key changes with its data)
KEPT_FOR = 60 * 60 * 24 * 7
#: how many drawn charts a process keeps beside the shared cache (a few hundred kB)
KEPT_HERE = 64


@dataclass(frozen=True)
class Point:
    """One bar, year or slice: its label, its value, the figure as written and its records."""

    label: str
    value: float
    text: str
    url: str = ""
    #: for a plan bar: the target as written (``12``); its value is the achievement in percent
    target: str = ""


@dataclass(frozen=True)
class Chart:
    """``kind`` is ``plan`` (achievement against target), ``trend`` (years) or ``ring``."""

    kind: str
    title: str
    points: tuple = field(default_factory=tuple)
    #: the unit of a trend's figures, for the text alternative
    unit: str = ""
    #: the trends drawn side by side (kind ``trends``), each a ``trend`` chart
    series: tuple = field(default_factory=tuple)

    @property
    def rows(self):
        """The table behind the chart: ``[(label, figure as written)]``."""
        if self.kind == "plan":
            return [
                (
                    p.label,
                    _("%(actual)s of %(target)s: %(percent)s%%")
                    % {"actual": p.text, "target": p.target, "percent": format_number(p.value)},
                )
                for p in self.points
            ]
        if self.kind == "trends":
            return [(f"{s.title}, {label}", text) for s in self.series for label, text in s.rows]
        return [(p.label, p.text) for p in self.points]

    @property
    def description(self):
        return "; ".join(f"{label}: {text}" for label, text in self.rows)


def plan_chart(title, points):
    return Chart("plan", title, tuple(points))


def trend_chart(title, points, unit=""):
    return Chart("trend", title, tuple(points), unit)


def ring_chart(title, points):
    return Chart("ring", title, tuple(points))


def trends_chart(title, series):
    """Several five-year trends side by side, each on its own scale (the main indicators)."""
    return Chart("trends", title, series=tuple(series))


def to_data(chart):
    """The chart as JSON-ready data (a report's content is stored so)."""
    return {
        "kind": chart.kind,
        "title": chart.title,
        "unit": chart.unit,
        "points": [[p.label, p.value, p.text, p.url, p.target] for p in chart.points],
        "series": [to_data(s) for s in chart.series],
    }


def from_data(data):
    return Chart(
        data["kind"],
        data["title"],
        tuple(Point(*point) for point in data.get("points", [])),
        data.get("unit", ""),
        tuple(from_data(s) for s in data.get("series", [])),
    )


def _figure(chart):
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    _use_bundled_font(font_manager.fontManager)
    if chart.kind == "trends":
        rows = (len(chart.series) + 1) // 2
        figure = Figure(figsize=(7.0, 2.6 * rows), layout="constrained")
        for index, series in enumerate(chart.series):
            axes = figure.add_subplot(rows, 2, index + 1)
            _draw_trend(axes, series)
            axes.set_title(_wrap(series.title, 40), fontsize=10, color=INK)
        return figure
    draw = {"plan": _draw_plan, "trend": _draw_trend, "ring": _draw_ring}[chart.kind]
    height = {"plan": 0.55 * max(len(chart.points), 1) + 0.9, "trend": 3.0, "ring": 3.0}
    width = {"plan": 7.0, "trend": 5.0, "ring": 3.2}[chart.kind]
    figure = Figure(figsize=(width, height[chart.kind]), layout="constrained")
    draw(figure.add_subplot(), chart)
    return figure


def _use_bundled_font(manager):
    """Draw in the bundled Liberation Serif: a system's older one lacks Vietnamese letters."""
    bundled = {str(path) for path in FONTS.glob("LiberationSerif-*.ttf")}
    if {f.fname for f in manager.ttflist if f.name == FONT} == bundled:
        return
    manager.ttflist = [f for f in manager.ttflist if f.name != FONT]
    for path in sorted(bundled):
        manager.addfont(path)
    manager._findfont_cached.cache_clear()


def _style(axes):
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(colors=INK, labelsize=10)


def _vi_ticks(axes, axis, suffix=""):
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _pos: f"{format_number(round(value, 1))}{suffix}")
    getattr(axes, f"{axis}axis").set_major_formatter(formatter)


def _draw_plan(axes, chart):
    points = list(reversed(chart.points))  # the first indicator on top
    labels = [_wrap(p.label) for p in points]
    values = [p.value for p in points]
    bars = axes.barh(labels, values, height=0.6, color=BLUE, edgecolor=INK, linewidth=0.6)
    for bar, point in zip(bars, points, strict=True):
        if point.value < TARGET:
            bar.set_facecolor(ORANGE)
            bar.set_hatch("///")
        bar.set_url(point.url or None)
        text = axes.text(
            max(bar.get_width(), TARGET) + 2,
            bar.get_y() + bar.get_height() / 2,
            f"{format_number(point.value)}% ({point.text}/{point.target})",
            va="center",
            fontsize=10,
            color=INK,
        )
        text.set_url(point.url or None)
    axes.axvline(TARGET, color=INK, linestyle="--", linewidth=1.2)
    axes.text(TARGET, len(points) - 0.4, _("target"), ha="center", fontsize=9, color=INK)
    axes.set_xlim(0, max([TARGET, *values]) * 1.35)
    _vi_ticks(axes, "x", "%")
    _style(axes)


def _draw_trend(axes, chart):
    points = list(chart.points)
    labels = [p.label for p in points]
    bars = axes.bar(labels, [p.value for p in points], color=BLUE, edgecolor=INK, linewidth=0.6)
    for index, (bar, point) in enumerate(zip(bars, points, strict=True)):
        if index < len(points) - 1:
            bar.set_facecolor(GREY)
            bar.set_hatch("..")
        bar.set_url(point.url or None)
        axes.annotate(
            point.text,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=10,
            color=INK,
            xytext=(0, 2),
            textcoords="offset points",
        ).set_url(point.url or None)
    top = max([p.value for p in points] or [0]) or 1
    axes.set_ylim(0, top * 1.2)
    _vi_ticks(axes, "y")
    _style(axes)


def _draw_ring(axes, chart):
    points = [p for p in chart.points if p.value] or list(chart.points[:1])
    colours = [BLUE, GREY, ORANGE]
    wedges, _texts = axes.pie(
        [p.value or 1 for p in points],
        colors=colours[: len(points)],
        startangle=90,
        counterclock=False,
        wedgeprops={"width": 0.35, "edgecolor": "white", "linewidth": 1.5},
    )
    for index, (wedge, point) in enumerate(zip(wedges, points, strict=True)):
        wedge.set_url(point.url or None)
        if index:
            wedge.set_hatch("//")
    total = sum(p.value for p in chart.points)
    done = chart.points[0].value if chart.points else 0
    axes.text(
        0,
        0,
        f"{format_number(done)}/{format_number(total)}",
        ha="center",
        va="center",
        fontsize=18,
        fontweight="bold",
        color=INK,
    )
    axes.set_aspect("equal")


def _wrap(label, width=28):
    words, lines, line = str(label).split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def cache_key(chart, form):
    """The shared cache's key of ``chart`` drawn as ``form`` (``svg:<id>``, ``png:<dpi>``)."""
    data = json.dumps([to_data(chart), form, get_language(), DRAWING], ensure_ascii=False)
    return "lienhiep:chart:" + hashlib.sha256(data.encode()).hexdigest()


class _Drawn:
    """The charts this process drew or fetched last, by cache key (bounded, thread-safe)."""

    def __init__(self, size):
        self.size, self.charts, self.lock = size, OrderedDict(), threading.Lock()

    def get_many(self, keys):
        with self.lock:
            found = {key: self.charts[key] for key in keys if key in self.charts}
            for key in found:
                self.charts.move_to_end(key)
        return found

    def set_many(self, charts):
        with self.lock:
            self.charts.update(charts)
            while len(self.charts) > self.size:
                self.charts.popitem(last=False)

    def clear(self):
        with self.lock:
            self.charts.clear()


_drawn = _Drawn(KEPT_HERE)


def _kept(keys):
    """``{key: chart}`` of the charts drawn before: this process's first, then the shared cache."""
    found = _drawn.get_many(keys)
    if rest := [key for key in keys if key not in found]:
        fetched = cache.get_many(rest)
        _drawn.set_many(fetched)
        found.update(fetched)
    return found


def _keep(charts):
    _drawn.set_many(charts)
    cache.set_many(charts, KEPT_FOR)


def svgs(drawn):
    """``{element id: markup}`` of the charts ``{element id: chart}`` (``None`` stays ``None``),
    the ones drawn before read in one look-up, the others drawn and kept."""
    asked = {element_id: chart for element_id, chart in drawn.items() if chart}
    keys = {
        element_id: cache_key(chart, f"svg:{element_id}") for element_id, chart in asked.items()
    }
    found = _kept(list(keys.values()))
    result = dict.fromkeys(drawn)
    missing = {}
    for element_id, chart in asked.items():
        markup = found.get(keys[element_id])
        if markup is None:
            markup = missing[keys[element_id]] = draw_svg(chart, element_id)
        result[element_id] = markup
    if missing:
        _keep(missing)
    return result


def svg(chart, element_id):
    """Markup for a screen (kept in the shared cache): see :func:`draw_svg`."""
    return svgs({element_id: chart})[element_id]


def draw_svg(chart, element_id):
    """Markup for a screen: text figures, linked elements, ``<title>`` and ``<desc>``."""
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none", "font.family": FONT, "svg.hashsalt": element_id}):
        buffer = io.StringIO()
        _figure(chart).savefig(buffer, format="svg", metadata={"Date": None})
    markup = buffer.getvalue()
    markup = markup[markup.index("<svg") :]
    markup = re.sub(r"<metadata>.*?</metadata>", "", markup, flags=re.S)
    markup = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', r"\1", markup, count=1)
    markup = markup.replace(' target="_blank"', "")  # a link opens in the same tab
    # The ids (and what refers to them) made unique on a page of several charts.
    markup = re.sub(r' id="([^"]+)"', rf' id="{element_id}-\1"', markup)
    markup = markup.replace("url(#", f"url(#{element_id}-")
    markup = markup.replace('xlink:href="#', f'xlink:href="#{element_id}-')
    title, desc = f"{element_id}-title", f"{element_id}-desc"
    head = (
        f'<svg id="{element_id}" class="chart chart--{chart.kind}" role="img" '
        f'aria-labelledby="{title} {desc}" '
    )
    markup = markup.replace("<svg ", head, 1)
    opening = markup.index(">") + 1
    text = (
        f'<title id="{title}">{escape(chart.title)}</title>'
        f'<desc id="{desc}">{escape(chart.description)}</desc>'
    )
    return markup[:opening] + text + markup[opening:]


def data_uri(chart):
    """The PNG as a ``data:`` address, for an ``<img>`` of an HTML document."""
    import base64

    return "data:image/png;base64," + base64.b64encode(png(chart)).decode()


def png(chart, dpi=200):
    """The chart as a PNG image for a document (kept in the shared cache): the Word file and the
    PDF of a report draw it once."""
    key = cache_key(chart, f"png:{dpi}")
    image = _kept([key]).get(key)
    if image is None:
        image = draw_png(chart, dpi)
        _keep({key: image})
    return image


def draw_png(chart, dpi=200):
    """The chart as a PNG image for a document, in the bundled font.

    Opaque RGB, not matplotlib's RGBA (whose alpha is everywhere opaque): WeasyPrint splits an
    alpha channel into a mask of its own and encodes it again in every PDF (bench/RESULTS.md,
    fourth round); the picture is the same.
    """
    from matplotlib import rc_context
    from PIL import Image

    with rc_context({"font.family": FONT}):
        buffer = io.BytesIO()
        _figure(chart).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    image, opaque = Image.open(buffer), io.BytesIO()
    image.convert("RGB").save(opaque, format="PNG", dpi=(dpi, dpi))
    return opaque.getvalue()
