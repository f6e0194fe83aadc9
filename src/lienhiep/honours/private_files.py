"""A nomination's dossier is private: its staff, the nominating officer and, once it is found
eligible, the members of its round's council see it."""

from lienhiep.core import private

from . import rules
from .models import Nomination

private.register(
    Nomination,
    "letter",
    "achievements",
    "evidence",
    visible=rules.dossiers_for,
    personal=lambda nomination: nomination,
)
