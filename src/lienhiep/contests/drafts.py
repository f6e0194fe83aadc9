"""The files of a public entry sent with a mistake, kept so the visitor need not send them again.

When the entry form comes back with errors, the files it received and accepted are saved in a
folder of their own under ``settings.ENTRY_DRAFTS_ROOT`` (private: never served), and the form
carries a signed token naming that folder. The next submission reads them back for every file
field the visitor leaves empty. ``manage.py purge_entry_drafts`` removes folders older than
``MAX_AGE``; a successful entry removes its own at once.
"""

import json
import mimetypes
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

SALT = "contests.entry-draft"
MAX_AGE = 24 * 60 * 60
FIELDS = ("registration", "note", "photos")
MANIFEST = "manifest.json"


@dataclass
class Draft:
    key: str
    names: dict = field(default_factory=dict)  # field -> [original file names]

    @property
    def folder(self):
        return Path(settings.ENTRY_DRAFTS_ROOT) / self.key

    @property
    def token(self):
        return signing.dumps(self.key, salt=SALT)


def load(token):
    """The draft a token names, or a new empty one (a bad, old or unknown token gives a new one)."""
    try:
        key = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
        uuid.UUID(key)
        draft = Draft(key)
        draft.names = json.loads((draft.folder / MANIFEST).read_text())
    except (signing.BadSignature, ValueError, TypeError, OSError):
        return Draft(uuid.uuid4().hex)
    return draft


def merged_files(draft, uploaded):
    """The uploads, with the draft's files for each file field the visitor left empty."""
    files = MultiValueDict({name: uploaded.getlist(name) for name in uploaded})
    for name, originals in draft.names.items():
        if not uploaded.getlist(name):
            files.setlist(name, [reopen(draft, name, i, o) for i, o in enumerate(originals)])
    return files


def reopen(draft, name, index, original):
    content = (draft.folder / f"{name}-{index}").read_bytes()
    kind = mimetypes.guess_type(original)[0] or "application/octet-stream"
    return SimpleUploadedFile(original, content, kind)


def keep(draft, cleaned_data):
    """Save the accepted files of a submission that came back with errors; the draft names them.

    A field that failed is sent again; a submission without accepted files keeps no folder.
    """
    accepted = {name: uploads(cleaned_data.get(name)) for name in FIELDS}
    accepted = {name: files for name, files in accepted.items() if files}
    if not accepted:
        discard(draft)
        draft.names = {}
        return draft
    draft.folder.mkdir(parents=True, exist_ok=True)
    draft.names = {
        name: [save(draft, name, i, upload) for i, upload in enumerate(files)]
        for name, files in accepted.items()
    }
    (draft.folder / MANIFEST).write_text(json.dumps(draft.names))
    return draft


def uploads(value):
    return value if isinstance(value, list) else [value] if value else []


def save(draft, name, index, upload):
    upload.seek(0)
    with open(draft.folder / f"{name}-{index}", "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    upload.seek(0)
    return Path(upload.name).name


def discard(draft):
    shutil.rmtree(draft.folder, ignore_errors=True)


def purge(now=None):
    """Remove the drafts older than ``MAX_AGE``; the number removed."""
    root = Path(settings.ENTRY_DRAFTS_ROOT)
    if not root.exists():
        return 0
    limit = (now or time.time()) - MAX_AGE
    old = [f for f in root.iterdir() if f.is_dir() and f.stat().st_mtime < limit]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return len(old)
