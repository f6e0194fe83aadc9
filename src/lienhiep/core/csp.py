"""The Content-Security-Policy of every response (django-csp, ``CONTENT_SECURITY_POLICY``):
scripts and styles from the site's own files only. Wagtail's admin forms still write inline
scripts (its date and chooser widgets) and its bundled editor injects style and script
elements, so the admin, past its login page, is allowed inline ones
(``LIENHIEP_ADMIN_CSP_ALLOWANCES``); the public site and the login page are not."""

from csp.middleware import CSPMiddleware
from django.conf import settings


def needs_admin_allowances(request):
    path = request.path_info
    return path.startswith("/admin/") and not path.startswith("/admin/login/")


class PolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and needs_admin_allowances(request):
            parts.update = settings.LIENHIEP_ADMIN_CSP_ALLOWANCES
        return parts
