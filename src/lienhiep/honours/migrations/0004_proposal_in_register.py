"""Existing honours proposal numbers become lines of the union's register of outgoing documents
(``directory.OutgoingDocument``), which gives them from now on. A number the register already
holds with the same symbol and date is that document (a demo or hand-kept line) and is linked; a number
that cannot be read, or that another document of the year holds, takes the year's next number
and the subject keeps what was written."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Max


def _parse(text):
    head, _slash, symbol = (text or "").strip().partition("/")
    if head.strip().isdigit() and int(head) > 0 and symbol.strip():
        return int(head), symbol.strip()
    return None, None


def link(apps, schema_editor):
    Model = apps.get_model("honours", "HonourRound")
    if not any(f.name == "proposal_number" for f in Model._meta.get_fields()):
        return  # run again on today's models (tests' ``reload_migration_data``)
    Line = apps.get_model("directory", "OutgoingDocument")
    # Numbers that are free are kept first, so a renumbered one never takes a kept one's number.
    records = list(Model.objects.exclude(proposal_number="").select_related("union"))
    later = [r for r in records if not _place(Line, r, renumber=False)]
    for record in later:
        _place(Line, record, renumber=True)


def _place(Line, record, renumber):
    union = record.union
    day = record.proposal_date or record.opens_on
    number, symbol = _parse(record.proposal_number)
    lines = Line.objects.filter(organisation=union, year=day.year)
    subject = f"Tờ trình đề nghị tôn vinh trí thức tiêu biểu lần thứ {record.number} năm {record.year}"
    taken = lines.filter(number=number).first() if number else None
    if taken and (taken.symbol, taken.date) == (symbol, day) and not hasattr(taken, 'honour_round'):
        document = taken
    else:
        if number is None or taken:
            if not renumber:
                return False
            subject = f"{subject} (đã ghi số {record.proposal_number})"
            number = (lines.aggregate(n=Max("number"))["n"] or 0) + 1
            symbol = symbol or f"TTr-{union.abbreviation or 'LHH'}"
        document = Line.objects.create(
            organisation=union,
            year=day.year,
            number=number,
            symbol=symbol,
            date=day,
            subject=subject[:400],
        )
    record.proposal_document = document
    record.save(update_fields=["proposal_document"])
    return True


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_outgoing_register"),
        ("honours", "0003_step_dates_and_council_chair"),
    ]

    operations = [
        migrations.AddField(
            model_name="honourround",
            name="proposal_document",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="honour_round",
                to="directory.outgoingdocument",
                verbose_name="proposal number",
            ),
        ),
        migrations.RunPython(link, migrations.RunPython.noop),
    ]
