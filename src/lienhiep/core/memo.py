"""What one request works out once: a dictionary that lives as long as the request.

``RequestMemoMiddleware`` opens it around each request; ``remembered(key, work)`` runs ``work``
once per request for a key (outside a request, every time). The directory's subtrees use it:
the dashboard's panels ask for the same union's subtree four times in one request.
"""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("lienhiep_request_memo", default=None)


def remembered(key, work):
    memo = _memo.get()
    if memo is None:
        return work()
    if key not in memo:
        memo[key] = work()
    return memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
