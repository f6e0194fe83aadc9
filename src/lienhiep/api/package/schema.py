"""Check a year package against ``docs/year-package.schema.json``.

A small validator of the JSON Schema subset the document uses (type, enum, required,
properties, additionalProperties, items, $ref to $defs): enough to refuse a malformed package
with the path of what is wrong, without another dependency.
"""

import json
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "null": type(None),
    "boolean": bool,
}


@cache
def document():
    path = settings.BASE_DIR / "docs" / "year-package.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _is(value, name):
    if name == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, TYPES[name])


def _resolve(rule):
    while "$ref" in rule:
        rule = document()["$defs"][rule["$ref"].rsplit("/", 1)[-1]]
    return rule


def problems(value, rule, path="$"):
    """Every way ``value`` breaks ``rule``, as ``path: what`` strings."""
    rule = _resolve(rule)
    types = rule.get("type")
    if types and not any(_is(value, t) for t in ([types] if isinstance(types, str) else types)):
        return [f"{path}: {_('expected %(type)s') % {'type': types}}"]
    if "enum" in rule and value not in rule["enum"]:
        return [f"{path}: {_('not one of %(values)s') % {'values': rule['enum']}}"]
    if isinstance(value, dict):
        return _object(value, rule, path)
    if isinstance(value, list) and "items" in rule:
        return [
            p for i, item in enumerate(value) for p in problems(item, rule["items"], f"{path}[{i}]")
        ]
    return []


def _object(value, rule, path):
    found = [f"{path}.{k}: {_('missing')}" for k in rule.get("required", ()) if k not in value]
    known = rule.get("properties", {})
    extra = rule.get("additionalProperties", True)
    for key, item in value.items():
        if key in known:
            found += problems(item, known[key], f"{path}.{key}")
        elif extra is False:
            found.append(f"{path}.{key}: {_('not expected')}")
        elif isinstance(extra, dict):
            found += problems(item, extra, f"{path}.{key}")
    return found


def check(package):
    """Refuse a package that does not follow the schema, naming every place that is wrong."""
    found = problems(package, document())
    if found:
        raise ValidationError(
            _("The year package does not follow its schema: %(problems)s")
            % {"problems": "; ".join(found[:10])}
        )
