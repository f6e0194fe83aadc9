"""How the admin turns a persona away from a screen that changes records."""

from django.urls import reverse

#: Wagtail's message when a view raises PermissionDenied (it then goes back to the dashboard).
REFUSED = "Bạn không có quyền truy cập vào khu vực này."


def refused(client, url, data=None):
    """Post ``data`` to ``url``: refused with 403/404, or sent to the dashboard saying why."""
    response = client.post(url, data or {}, follow=True)
    if response.status_code in (403, 404):
        return True
    landed = response.redirect_chain[-1][0] if response.redirect_chain else None
    return landed == reverse("wagtailadmin_home") and REFUSED in response.content.decode()
