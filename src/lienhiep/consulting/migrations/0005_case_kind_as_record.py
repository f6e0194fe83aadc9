"""A case's kind becomes a consulting kind (data): the three kinds every union has, and those
staff add."""

import django.db.models.deletion
from django.db import migrations, models

import lienhiep.consulting.models

#: as ``consulting.enums.CASE_KINDS`` when this migration was written
KINDS = [
    ("consultancy", "Tư vấn", 1),
    ("critique", "Phản biện", 2),
    ("social_assessment", "Giám định xã hội", 3),
]


def create_case_kinds(apps, schema_editor):
    ConsultingKind = apps.get_model("consulting", "ConsultingKind")
    for slug, name, order in KINDS:
        ConsultingKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "form": "case", "unit": "đề án", "order": order}
        )


def point_cases_at_their_kind(apps, schema_editor):
    Case = apps.get_model("consulting", "Case")
    if not any(f.name == "kind_code" for f in Case._meta.get_fields()):
        return  # run again on today's models (tests reload migration data): nothing to move
    ConsultingKind = apps.get_model("consulting", "ConsultingKind")
    kinds = {kind.slug: kind for kind in ConsultingKind.objects.filter(form="case")}
    for case in Case.objects.all():
        case.kind = kinds[case.kind_code]
        case.save(update_fields=["kind"])


class Migration(migrations.Migration):
    dependencies = [
        ("consulting", "0004_consulting_kinds"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consultingkind",
            name="form",
            field=models.CharField(
                choices=[
                    ("case", "Case with the full process: panel, opinions, meeting, report"),
                    ("record", "Record: title, date, requester, document number"),
                    ("seat", "Seat on a council or appraisal board, with its sittings"),
                ],
                default="record",
                max_length=10,
                verbose_name="records kept",
            ),
        ),
        migrations.RunPython(create_case_kinds, migrations.RunPython.noop),
        migrations.RenameField(model_name="case", old_name="kind", new_name="kind_code"),
        migrations.AddField(
            model_name="case",
            name="kind",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="cases",
                to="consulting.consultingkind",
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(point_cases_at_their_kind, migrations.RunPython.noop),
        migrations.RemoveField(model_name="case", name="kind_code"),
        migrations.AlterField(
            model_name="case",
            name="kind",
            field=models.ForeignKey(
                default=lienhiep.consulting.models.default_case_kind,
                limit_choices_to={"form": "case"},
                on_delete=django.db.models.deletion.PROTECT,
                related_name="cases",
                to="consulting.consultingkind",
                verbose_name="kind",
            ),
        ),
    ]
