"""The union's logo in the admin's and the login's header, kept in the shared cache.

Every admin screen shows it: drawn from the database (the site, its settings, the image's
rendition) it cost three queries a screen. It is kept like the menu, until the whole site's cache
is emptied (saving the site settings does that: ``website.signals``).
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..caching import kept

register = template.Library()


@register.simple_tag(takes_context=True)
def brand_logo(context, size):
    request = context.get("request")
    if request is None:
        return render_to_string("website/brand_logo.html", {"size": size})
    html = kept(
        f"website:brand:{request.get_host()}:{size}",
        lambda: render_to_string("website/brand_logo.html", {"size": size}, request=request),
        request,
    )
    return mark_safe(html)  # our own template's output, rendered above
