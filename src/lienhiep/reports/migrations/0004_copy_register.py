"""The register of outgoing documents moves to ``directory`` so that critique reports and honours
proposals take their numbers from it too: copy its lines, keeping their ids (the report runs
point at them), before the run's link moves over (0005)."""

from django.core.management.color import no_style
from django.db import migrations


def copy(apps, schema_editor):
    try:
        old = apps.get_model("reports", "OutgoingDocument")
    except LookupError:  # run again on today's models (tests' ``reload_migration_data``)
        return
    new = apps.get_model("directory", "OutgoingDocument")
    new.objects.bulk_create(
        new(
            id=line.id,
            organisation_id=line.organisation_id,
            year=line.year,
            number=line.number,
            symbol=line.symbol,
            date=line.date,
            subject=line.subject,
            created_by_id=line.created_by_id,
        )
        for line in old.objects.all()
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [new]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_outgoing_register"),
        ("reports", "0003_report_progress_at"),
    ]
    run_before = [
        ("consulting", "0006_report_in_register"),
        ("honours", "0004_proposal_in_register"),
    ]

    operations = [migrations.RunPython(copy)]
