"""An entry's files are private: the round's staff and the entry's judges see them; the authors'
signed consent forms only the round's staff and leaders."""

from django.db.models import Q

from lienhiep.core import private

from . import rules
from .models import Author, EntryFile


def entry_files_for(user):
    judged = rules.assignments_for(user).filter(conflict=False).values("entry")
    return EntryFile.objects.filter(Q(entry__in=rules.entries_for(user)) | Q(entry__in=judged))


private.register(EntryFile, "file", visible=entry_files_for, personal=lambda file: file.entry)


def consent_forms_for(user):
    return Author.objects.filter(entry__in=rules.entries_for(user))


private.register(
    Author, "paper_consent_form", visible=consent_forms_for, personal=lambda author: author
)
