"""The user guide (docs/user-guide.vi.md) served inside the admin, instead of Wagtail's own."""

from functools import lru_cache

from django.conf import settings
from django.shortcuts import render

GUIDE = settings.BASE_DIR / "docs" / "user-guide.vi.md"
OUTSIDE_HELP = ("editor-guide", "whats-new-in-wagtail-")


def guide_view(request):
    return render(request, "onboarding/guide.html", {"guide": guide_html(GUIDE.stat().st_mtime)})


@lru_cache(maxsize=1)
def guide_html(_mtime):
    """The guide in HTML (raw HTML in the Markdown is escaped), rendered again when it changes."""
    from markdown_it import MarkdownIt

    return (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .render(GUIDE.read_text(encoding="utf-8"))
    )


def without_outside_help(menu_items):
    """Wagtail's help items that open wagtail.org: the editor guide and "what's new"."""
    return [item for item in menu_items if not item.name.startswith(OUTSIDE_HELP)]
