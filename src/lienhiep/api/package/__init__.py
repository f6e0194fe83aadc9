"""Signed year packages: a union's year, sent from its installation to the federation's.

``build`` writes one (``export_year``), ``load`` verifies and loads one (``import_year``);
``docs/federation.md`` describes the format, ``docs/year-package.schema.json`` is its schema.
"""

import json

FORMAT = "lienhiep.year-package"
VERSION = 1


def canonical(body: dict) -> bytes:
    """The bytes a package's signature covers: its body as sorted, compact UTF-8 JSON."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
