from django.db import migrations

from lienhiep.community.beneficiaries import ensure_beneficiary_indicators


def load(apps, schema_editor):
    ensure_beneficiary_indicators(apps.get_model("plans", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial"), ("plans", "0003_reportedvalue_subject")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
