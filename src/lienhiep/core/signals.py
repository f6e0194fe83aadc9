"""Signals by which a domain app tells the layers above it what changed, without importing them.

``public_content_changed`` — something the public site shows has changed (a contest's results
were published, a round opened): the website empties its page cache. Send it with the model as
``sender`` and, where known, the public ``paths`` it changed; send it once the transaction
commits, so a rolled-back change empties nothing.

``personal_data_processed`` — a member of staff viewed a record's screen (``action="viewed"``),
downloaded a private file (``"downloaded"``) or exported a list (``"exported"``): sent with the
model as ``sender``, the ``record`` (``None`` for a list), the ``user`` and a small ``data``
dict. The privacy app writes it in the processing log when the model holds personal data (its
holders say which); nothing else listens.
"""

from django.dispatch import Signal

#: sent with ``sender`` (the changed model) and optional ``paths`` (a list of public URLs)
public_content_changed = Signal()

#: sent with ``sender`` (the model), ``record`` (or ``None``), ``user``, ``action`` and ``data``
personal_data_processed = Signal()
