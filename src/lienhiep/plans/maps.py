"""The choropleth map of the 34 provinces: any indicator's national figures, drawn as SVG.

The boundaries are the project's own file, ``directory/data/provinces.geojson`` (Natural Earth,
public domain, dissolved into the 34 units by ``tools/build_province_map.py``): no tile server,
no outside request. Colours are ColorBrewer's "Blues", a single-hue sequence readable by
colour-blind readers and in grey print; provinces without a figure are hatched grey. Each
province's name and figure is its ``<title>`` (a tooltip on screen, read by screen readers).
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .figures import display_number

BOUNDARIES = Path(__file__).resolve().parents[1] / "directory" / "data" / "provinces.geojson"
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_DATA = "#f0f0f0"
NO_DATA_FILL = "url(#national-map-none)"
#: where the legend starts: west of the south, where the map has no land of its own
LEGEND_LATITUDE = 14.5
#: pixels per degree of latitude; longitudes are shortened by the cosine of the mid latitude
SCALE = 40
WEST, EAST, SOUTH, NORTH = 102.0, 115.0, 8.3, 23.5
#: The two archipelagos, drawn as marks with their names (not among the 34 units' shapes).
ISLANDS = [
    ("Quần đảo Hoàng Sa (Đà Nẵng)", 111.9, 16.5),
    ("Quần đảo Trường Sa (Khánh Hòa)", 114.0, 10.0),
]


def _x(lon):
    return round((lon - WEST) * SCALE * math.cos(math.radians((NORTH + SOUTH) / 2)), 1)


def _y(lat):
    return round((NORTH - lat) * SCALE, 1)


def _ring(ring):
    points = [f"{_x(lon)} {_y(lat)}" for lon, lat in ring]
    return "M" + "L".join(points) + "Z"


def _path(geometry):
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return "".join(_ring(ring) for polygon in polygons for ring in polygon)


@cache
def shapes():
    """``[(slug, name, SVG path)]`` of the 34 units, projected once per process."""
    collection = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    return [
        (f["properties"]["slug"], f["properties"]["name"], _path(f["geometry"]))
        for f in collection["features"]
    ]


@dataclass
class Band:
    colour: str
    label: str
    low: object
    high: object


def bands(values):
    """Up to five classes of the figures, by quantiles (each class a distinct range)."""
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return []
    count = min(len(PALETTE), len(set(ordered)))
    highs = []
    for k in range(1, count + 1):
        high = ordered[math.ceil(k * len(ordered) / count) - 1]
        if high not in highs:
            highs.append(high)
    result, low_index = [], 0
    palette = PALETTE[-len(highs) :] if len(highs) < len(PALETTE) else PALETTE
    for colour, high in zip(palette, highs, strict=True):
        members = [v for v in ordered[low_index:] if v <= high]
        low = members[0]
        low_index += len(members)
        label = (
            display_number(low)
            if low == high
            else f"{display_number(low)} – {display_number(high)}"
        )
        result.append(Band(colour, label, low, high))
    return result


def colour_of(value, classes):
    if value is None:
        return None
    return next(band.colour for band in classes if value <= band.high)


def choropleth(indicator, year, by_province):
    """The SVG (safe markup) of ``{province slug: figure}`` for one indicator and year."""
    classes = bands(by_province.values())
    units = []
    for slug, name, path in shapes():
        value = by_province.get(slug)
        shown = _("no figures sent") if value is None else display_number(value)
        units.append(
            {
                "slug": slug,
                "d": path,
                "fill": colour_of(value, classes) or NO_DATA_FILL,
                "title": f"{name}: {shown}",
            }
        )
    islands = [
        {
            "name": name,
            "x": _n(_x(lon)),
            "y": _n(_y(lat)),
            "x2": _n(_x(lon) + 6),
            "y2": _n(_y(lat) + 4),
            "label_y": _n(_y(lat) - 6),
        }
        for name, lon, lat in ISLANDS
    ]
    rows = [(band.colour, band.label) for band in classes]
    rows.append((NO_DATA_FILL, _("No figures sent")))
    legend = [
        {"fill": fill, "label": label, "y": str(24 + 18 * i), "text_y": str(34 + 18 * i)}
        for i, (fill, label) in enumerate(rows)
    ]
    return render_to_string(
        "plans/national_map.svg",
        {
            "indicator": indicator,
            "title": _("%(name)s by province, %(year)s") % {"name": indicator.name, "year": year},
            "year_label": _("Year %(year)s") % {"year": year},
            "units": units,
            "islands": islands,
            "legend": legend,
            "legend_top": _n(_y(LEGEND_LATITUDE)),
            "no_data": NO_DATA,
            "width": _n(_x(EAST)),
            "height": _n(_y(SOUTH)),
        },
    )


def _n(number):
    """A coordinate as SVG writes it (a point before decimals, whatever the language)."""
    return f"{number:g}"
