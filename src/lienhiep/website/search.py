"""Search across news, journal issues and pages, ignoring diacritics (đ included), with highlights.

The query is folded like the pages' text (``Hội thảo`` → ``hoi thao``) and found as a phrase.
"""

from anyascii import anyascii
from django.utils.html import escape
from django.utils.safestring import mark_safe

from lienhiep.core.formatting import fold

from .models import JournalIssuePage, NewsArticlePage, StandardPage
from .queries import public, within

SEARCHED = (NewsArticlePage, JournalIssuePage, StandardPage)


def search(query, root, limit=50):
    """The public pages of one site (its home page's tree path ``root``) matching ``query``."""
    phrase = fold(query)
    if not phrase:
        return []
    results = []
    for model in SEARCHED:
        found = within(public(model.objects.live()), root).filter(search_text__contains=phrase)
        results += list(found[:limit])
    results.sort(
        key=lambda page: getattr(page, "date", None) or page.first_published_at.date(), reverse=True
    )
    return results[:limit]


def highlight(text, query):
    """``text`` as HTML with the words of ``query`` in ``<mark>``, matched without diacritics."""
    words = [w for w in fold(query).split() if w]
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in anyascii(char).lower():
            folded.append(piece)
            origin.append(index)
    flat = "".join(folded)
    marked = [False] * len(text)
    for word in words:
        start = flat.find(word)
        while start >= 0:
            for position in range(start, start + len(word)):
                marked[origin[position]] = True
            start = flat.find(word, start + len(word))
    for index, char in enumerate(text):  # join "Hội" and "thảo" into one mark
        if char.isspace() and 0 < index < len(text) - 1 and marked[index - 1]:
            end = index
            while end < len(text) and text[end].isspace():
                end += 1
            if end < len(text) and marked[end]:
                for position in range(index, end):
                    marked[position] = True
    html, inside = [], False
    for char, mark in zip(text, marked, strict=True):
        if mark != inside:
            html.append("<mark>" if mark else "</mark>")
            inside = mark
        html.append(escape(char))
    if inside:
        html.append("</mark>")
    return mark_safe("".join(html))
