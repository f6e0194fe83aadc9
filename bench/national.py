"""The national table from 34 signed year packages × 5 years (issue 17).

The Hòa An demo's package of each year is built by the real export code (``build``), made into
the package of one union per province (its codes, name and province changed, signed again with
the installation's key) and loaded by the real import code (``load``); then the national table
and the national view are timed. ``bench/run.sh`` runs it on SQLite and PostgreSQL.
"""

import copy
import os
import sys
import tempfile
from io import StringIO
from pathlib import Path

YEARS = range(2020, 2025)


def package_as(package, *, slug, name, province):
    """``package`` as if union ``slug`` (``name``, in ``province``) had sent it, signed again."""
    from lienhiep.api import keys
    from lienhiep.api.package import canonical

    content = copy.deepcopy({k: v for k, v in package.items() if k != "signature"})
    old = content["union"]["slug"]

    def renamed(code):
        return None if code is None else f"{slug}-{code}" if code != old else slug

    content["union"].update(slug=slug, name=name, province=province)
    content["sender"]["name"] = name
    registry = content["registry"]
    for organisation in registry["organisations"]:
        organisation["slug"] = renamed(organisation["slug"])
        organisation["parent"] = renamed(organisation["parent"])
    registry["organisations"][0].update(name=name, province=province)
    for row in registry["member_counts"] + registry["returns"]:
        row["organisation"] = renamed(row["organisation"])
    return {**content, "signature": keys.sign(canonical(content))}


def load_federation(years=YEARS):
    """One union per province, each with a loaded package of every year; returns the unions."""
    from lienhiep.api.package.build import build
    from lienhiep.api.package.load import load
    from lienhiep.directory.models import Organisation, Province

    demo = Organisation.objects.get(slug="hoa-an")
    packages = {year: build(union=demo, year=year) for year in years}
    unions = []
    for province in Province.objects.all():
        slug, name = f"lhh-{province.slug}", f"Liên hiệp hội {province.name}"
        for year in years:
            package = package_as(packages[year], slug=slug, name=name, province=province.slug)
            union, _print, _new = load(package=package, trust=True)
        unions.append(union)
    return unions


def main():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from run import timed

    from lienhiep.plans import figures, national

    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--force", stdout=StringIO())
    load_federation()
    indicators = national.national_indicators()
    federation = Client()
    federation.force_login(get_user_model().objects.get(username="lhhvn"))
    print("| database | benchmark | median | best | runs |\n|---|---|---|---|---|")
    timed(
        f"national table, {len(indicators)} indicators, 34 packages × 5 years loaded",
        lambda: figures.national_table(2024, indicators),
    )
    timed(
        "national view page with its map (federation staff)",
        lambda: federation.get("/admin/plans/national/?year=2024"),
    )


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    scratch = tempfile.mkdtemp(prefix="lienhiep-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.test")
    import django

    django.setup()
    main()
