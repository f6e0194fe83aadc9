from django.db import migrations

from lienhiep.activities.enums import DEFAULT_KINDS


def load(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for order, (slug, name) in enumerate(DEFAULT_KINDS, start=1):
        ActivityKind.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
