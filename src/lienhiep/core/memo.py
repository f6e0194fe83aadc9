"""What one request works out once: a dictionary that lives as long as the request.

``RequestMemoMiddleware`` opens it around each request; ``remembered(key, work)`` runs ``work``
once per request for a key (outside a request, every time). The directory's subtrees use it:
the dashboard's panels ask for the same union's subtree four times in one request.
``reading()`` gives the memo itself to who keeps several entries at once, only while a request
that changes nothing (GET, HEAD) runs: the indicator registry keeps each figure it added up
(the plan panel's figures are the registry panel's too).

``Kept`` is what a process keeps from one request to the next (the packed admin sidebars, the
logins with their rights, the subtrees, Wagtail's client configuration), under a key that says
everything the value depends on.
"""

import weakref
from collections import OrderedDict
from contextvars import ContextVar
from threading import Lock

from django.core.signals import setting_changed

_memo: ContextVar[dict | None] = ContextVar("lienhiep_request_memo", default=None)


def remembered(key, work):
    memo = _memo.get()
    if memo is None:
        return work()
    if key not in memo:
        memo[key] = work()
    return memo[key]


_READ_ONLY = "lienhiep.memo.read_only"


def reading():
    """The request's memo while a GET or HEAD request runs, else ``None``: what is kept there
    cannot go stale by a change made later in the same request."""
    memo = _memo.get()
    return memo if memo is not None and memo.get(_READ_ONLY) else None


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        read_only = getattr(request, "method", None) in ("GET", "HEAD")
        token = _memo.set({_READ_ONLY: read_only})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


class Kept:
    """What a process keeps between requests: the last ``size`` values worked out, by key (the
    least recently used dropped first). A key must say everything its value depends on — a
    generation of the shared cache (``core.generation``) where another process's change must
    reach it — since nothing is ever emptied but by ``clear()``, and by a changed setting
    (tests' ``override_settings``), which empties every store."""

    def __init__(self, size):
        self.size = size
        self._values: OrderedDict = OrderedDict()
        self._lock = Lock()
        _stores.add(self)

    def get(self, key, work, keep=None):
        """The value kept under ``key``, else ``work()`` kept there (unless ``keep(value)`` says
        not to)."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
                return value
        value = work()
        if keep is not None and not keep(value):
            return value
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self):
        with self._lock:
            self._values.clear()

    def __len__(self):
        return len(self._values)


#: every store a process keeps (``Kept``), emptied together when a setting changes
_stores: weakref.WeakSet = weakref.WeakSet()


def _settings_changed(**kwargs):
    for store in list(_stores):
        store.clear()


setting_changed.connect(_settings_changed, dispatch_uid="lienhiep.memo.settings")
