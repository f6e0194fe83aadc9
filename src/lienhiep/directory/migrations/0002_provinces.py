from django.db import migrations

from lienhiep.core.formatting import fold, slugify_vi
from lienhiep.directory.data.provinces import PROVINCES


def load(apps, schema_editor):
    Province = apps.get_model("directory", "Province")
    FormerProvince = apps.get_model("directory", "FormerProvince")
    for name, kind, centre, former in PROVINCES:
        province, _ = Province.objects.update_or_create(
            slug=slugify_vi(name),
            defaults={"name": name, "kind": kind, "centre": centre,
                      "search_text": fold(" ".join([name, centre, *former]))},
        )
        for old in former:
            FormerProvince.objects.update_or_create(
                slug=slugify_vi(old), defaults={"name": old, "province": province}
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
