"""Signals by which a domain app tells the layers above it what changed, without importing them.

``public_content_changed`` — something the public site shows has changed (a contest's results
were published, a round opened): the website empties its page cache. Send it with the model as
``sender`` and, where known, the public ``paths`` it changed; send it once the transaction
commits, so a rolled-back change empties nothing.
"""

from django.dispatch import Signal

#: sent with ``sender`` (the changed model) and optional ``paths`` (a list of public URLs)
public_content_changed = Signal()
