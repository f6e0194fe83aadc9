"""The static files' storage, each file's URL worked out once per process.

An admin screen asks for ~67 static URLs (Wagtail's ``versioned_static``, the forms' media, the
``{% static %}`` tag), each the same every time: the storage's base URL is read from
``STATIC_URL`` when the storage is made, and a changed ``STATIC_URL`` or ``STORAGES`` (only in
tests) makes Django build a new storage, with a new memo (``django.test.signals``).
"""

from django.contrib.staticfiles.storage import StaticFilesStorage

#: more names than any installation's static files: a name built from a request never grows it
KEPT = 4096


class StaticStorage(StaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name):
        try:
            return self._urls[name]
        except KeyError:
            url = super().url(name)
        if len(self._urls) < KEPT:
            self._urls[name] = url
        return url
