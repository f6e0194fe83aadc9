"""The register of outgoing documents (sổ văn bản đi): the one place a document sent by an
organisation gets its number. Numbers run from 01 each year per organisation, across every kind
of document (Nghị định 30/2020/NĐ-CP), so a critique report, an honours proposal and the annual
report never share one."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .models import Organisation, OutgoingDocument

#: The kinds of document and the first part of their symbol ("BC-LHH", "TTr-LHH").
REPORT = "BC"
PROPOSAL = "TTr"


def symbol_for(organisation, kind):
    """``kind`` followed by the organisation's abbreviation: ``BC-LHH``."""
    return f"{kind}-{organisation.abbreviation or 'LHH'}"


def parse_number(text):
    """``"12/BC-LHH"`` → ``(12, "BC-LHH")``; a Vietnamese error names what is wrong."""
    head, _slash, symbol = (text or "").strip().partition("/")
    if not head.strip().isdigit() or int(head) < 1 or not symbol.strip():
        raise ValidationError(
            _(
                "“%(text)s” is not a document number: write the number, a slash and the symbol, "
                "for example 12/BC-LHH."
            )
            % {"text": text}
        )
    return int(head), symbol.strip()


def _next_number(organisation, year):
    last = OutgoingDocument.objects.filter(organisation=organisation, year=year).aggregate(
        n=Max("number")
    )["n"]
    return (last or 0) + 1


def register_document(*, organisation, day, kind, subject, user, number=None):
    """Write a document sent by ``organisation`` on ``day`` into its register and return it.

    Without ``number`` the document takes the year's next number. A ``number`` such as
    ``"12/BC-LHH"`` (a document sent before it was recorded here) is kept as written, and refused
    when the year's register already holds that number."""
    given = parse_number(number) if number else None
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _register(organisation, day, kind, subject, user, given)
        except IntegrityError:
            # Only a writer that bypassed the lock gets here; the constraint holds, so take the
            # next number again (a given number is refused below, on the next attempt).
            continue
    raise ValidationError(_("The register is busy; try again."))


def _register(organisation, day, kind, subject, user, given):
    # One allocation at a time per organisation: the row lock holds even for the year's first
    # number, when there is no register line yet to lock (SQLite serialises writers anyway).
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if given:
        value, symbol = given
        taken = OutgoingDocument.objects.filter(
            organisation=organisation, year=day.year, number=value
        ).first()
        if taken:
            raise ValidationError(
                _("Number %(number)s of %(year)s is already used by %(document)s (%(subject)s).")
                % {"number": value, "year": day.year, "document": taken, "subject": taken.subject}
            )
    else:
        value, symbol = _next_number(organisation, day.year), symbol_for(organisation, kind)
    return OutgoingDocument.objects.create(
        organisation=organisation,
        year=day.year,
        number=value,
        symbol=symbol,
        date=day,
        subject=subject[:400],
        created_by=user,
    )
