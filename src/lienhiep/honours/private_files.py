"""A nomination's dossier is private: its staff and the nominating officer see it."""

from lienhiep.core import private

from . import rules
from .models import Nomination

private.register(Nomination, "letter", "achievements", "evidence", visible=rules.nominations_for)
