"""Wagtail's icon sprite, kept by the browser for as long as its address names it.

Every admin screen fetches the sprite (``wagtailadmin/js/icons.js`` asks for
``{% icon_sprite_url %}``: the sprite's address with the hash of its content), and upstream answers
it, like every admin view, with ``never_cache``: one more request to the application for each
screen, through every middleware and the login's look-up. The address changes with the icons, so
the answer is kept a year; asked under another hash (a screen drawn before an upgrade), it is kept
by nobody, as upstream's.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.admin.icons import get_icon_sprite_hash
from wagtail.admin.views.home import sprite as upstream

#: how long an answer under the current hash is kept: a year, the longest HTTP caches keep
KEPT_FOR = 365 * 24 * 60 * 60


@require_safe
def icon_sprite(request):
    response = upstream(request)
    if request.GET.get("h") == get_icon_sprite_hash():
        patch_cache_control(response, public=True, max_age=KEPT_FOR, immutable=True)
    else:
        add_never_cache_headers(response)
    return response
