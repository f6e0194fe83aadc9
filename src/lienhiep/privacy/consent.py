"""Consent to the processing and the publishing of personal data, and the rules for children.

Luật 91/2025/QH15: consent is explicit (silence or a pre-ticked box is not consent, Điều 9); for
a child under 16 the legal representative acts on the child's behalf, and publishing a child's
information from the age of 7 needs the consent of both the child and the representative
(Điều 24). Consent given on paper (staff entries, imports) is recorded with its date and scan.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import ConsentGiver

CHILD_UNDER = 16
CHILD_OWN_CONSENT_FROM = 7


@dataclass
class ConsentData:
    processing: bool = False
    publishing: bool = False
    representative_name: str = ""
    representative_relation: str = ""
    representative_contact: str = ""
    representative_consent: bool = False
    child_consent: bool = False
    paper_on: date | None = None
    paper_form: object = None  # an uploaded scan of the signed form


def age_on(birth_date, day):
    if birth_date is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def consent_problems(name, birth_date, day, consent: ConsentData):
    """What is missing for the consent of the person ``name`` (born ``birth_date``, age taken on
    ``day``), each message naming the person; empty when the consent is complete."""
    if consent.paper_on:
        return []
    found = []
    if not consent.processing:
        found.append(
            _("%(name)s: the consent to the processing of personal data is missing.")
            % {"name": name}
        )
    age = age_on(birth_date, day)
    if age is None or age >= CHILD_UNDER:
        return found
    representative = (
        consent.representative_name,
        consent.representative_relation,
        consent.representative_contact,
    )
    if not all(part.strip() for part in representative):
        found.append(
            _(
                "%(name)s is %(age)s years old: give the legal representative's name, relation "
                "and contact."
            )
            % {"name": name, "age": age}
        )
    if not consent.representative_consent:
        found.append(
            _("%(name)s is %(age)s years old: the legal representative's consent is missing.")
            % {"name": name, "age": age}
        )
    if age >= CHILD_OWN_CONSENT_FROM and not consent.child_consent:
        found.append(
            _(
                "%(name)s is %(age)s years old: the child's own consent is missing (needed from "
                "the age of 7)."
            )
            % {"name": name, "age": age}
        )
    return found


def giver(birth_date, day, consent: ConsentData):
    if consent.paper_on:
        return ConsentGiver.PAPER
    age = age_on(birth_date, day)
    if age is None or age >= CHILD_UNDER:
        return ConsentGiver.PERSON
    if age >= CHILD_OWN_CONSENT_FROM:
        return ConsentGiver.REPRESENTATIVE_AND_CHILD
    return ConsentGiver.REPRESENTATIVE


def consent_fields(birth_date, day, consent: ConsentData, notice):
    """The consent as the fields a record of a person keeps (``ConsentRecord``)."""
    return {
        "consent_notice": None if consent.paper_on else notice,
        "consented_at": None if consent.paper_on else timezone.now(),
        "consent_by": giver(birth_date, day, consent),
        "publish_consent": consent.publishing,
        "representative_name": consent.representative_name.strip(),
        "representative_relation": consent.representative_relation.strip(),
        "representative_contact": consent.representative_contact.strip(),
        "paper_consent_on": consent.paper_on,
    }
