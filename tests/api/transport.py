"""The federation's end of a sending, in the same test process: the request a union's
installation would POST over HTTP goes through Django's test client instead (the transport seam
``FEDERATION_TRANSPORT``; in production ``lienhiep.api.sending.post_over_http``)."""

from urllib.parse import urlsplit

from django.test import Client


def through_test_client(url, body, token):
    parts = urlsplit(url)
    answer = Client(HTTP_HOST=parts.hostname).post(
        parts.path,
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    return answer.status_code, answer.content.decode()
