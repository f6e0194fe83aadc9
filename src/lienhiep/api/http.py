"""What every endpoint shares: who is asking, pages, ETags and the rate limit."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from ninja import Router, Schema
from ninja.throttling import SimpleRateThrottle
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.models import APIToken

#: A token's login, or an anonymous visitor who reads open data only.
TOKEN = [BearerTokenAuth()]
TOKEN_OR_ANONYMOUS = [BearerTokenAuth(), AllowAnonymous()]

MAX_LIMIT = 500

#: Every endpoint, reading and writing (a path's GET and POST must share one router).
router = Router()


class Page(Schema):
    """A page of a list: ``limit`` items from ``offset``, of ``count`` in all."""

    count: int
    limit: int
    offset: int


def page(queryset, limit, offset, item):
    """One page of ``queryset``, each record turned into a dict by ``item``."""
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": [item(o) for o in queryset[offset : offset + limit]],
    }


def respond(request, data, status=200):
    """``data`` as JSON with its ETag; 304 when the client already holds this version."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    tag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if status == 200 and tag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, status=status, content_type="application/json")
    response["ETag"] = tag
    response["Vary"] = "Authorization"
    return response


def refuse(status, message):
    return JsonResponse({"detail": message}, status=status)


class TokenRateThrottle(SimpleRateThrottle):
    """Requests per token (anonymous visitors: per address), counted in the shared cache."""

    scope = "api"

    def __init__(self):
        super().__init__(self.setting())

    @staticmethod
    def setting():
        return getattr(settings, "API_RATE", "600/m")

    def allow_request(self, request):
        self.rate = self.setting()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request):
        auth = getattr(request, "auth", None)
        ident = f"token-{auth.pk}" if isinstance(auth, APIToken) else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
