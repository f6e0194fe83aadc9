"""The host names this installation answers: the operator's list and every site's host name.

A union hosted on the installation is added from the screens with its host name (a Wagtail
``Site``); it must be served at once, without editing ``ALLOWED_HOSTS`` and restarting. Django's
own check therefore lets every host through (``ALLOWED_HOSTS = ["*"]``) and ``HostsMiddleware``,
the first middleware, checks the host against the operator's list (``SERVED_HOSTS``, read from
the ``ALLOWED_HOSTS`` variable) and then against the sites' host names, which Wagtail keeps in
the shared cache (``Site.get_site_root_paths``) and renews whenever a site is saved or deleted.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port, validate_host


def site_hostnames():
    from wagtail.models import Site

    return {urlsplit(root.root_url).hostname for root in Site.get_site_root_paths()}


def is_served(domain) -> bool:
    listed = settings.SERVED_HOSTS or (
        [".localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else []
    )
    return validate_host(domain, listed) or domain in site_hostnames()


class HostsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host()
        domain, _port = split_domain_port(host)
        if not domain or not is_served(domain):
            raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}.")
        return self.get_response(request)


def site_organisation_id(request):
    """The organisation whose site ``request`` is on (its home page's ``organisation``), or
    ``None`` when the site's root names none: what a public list of records is narrowed to on
    an installation hosting several unions. Worked out once per request."""
    if not hasattr(request, "_lienhiep_site_organisation"):
        from wagtail.models import Site

        site = Site.find_for_request(request)
        root = site.root_page.specific if site else None
        request._lienhiep_site_organisation = getattr(root, "organisation_id", None)
    return request._lienhiep_site_organisation


def of_site(queryset, field, request):
    """The records of ``queryset`` whose union (``field``) is the one of ``request``'s site."""
    union = site_organisation_id(request)
    return queryset if union is None else queryset.filter(**{field: union})
