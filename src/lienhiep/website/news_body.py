"""An imported article's HTML as the blocks of a news article: paragraphs, pictures, quotes."""

import io
import re

from bs4 import BeautifulSoup, NavigableString
from django.core.files.images import ImageFile
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.images import get_image_model

FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
DROPPED = ["script", "style", "iframe", "object", "embed", "form", "noscript"]
HEADINGS = ["h1", "h2", "h4", "h5", "h6"]
LEAD_LENGTH = 300


def soup_of(html):
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(DROPPED):
        element.decompose()
    for heading in soup.find_all(HEADINGS):
        heading.name = "h3"
    return soup


BLOCKS = ["p", "div", "br", "li", "h3", "blockquote", "figcaption", "tr"]


def plain(html):
    """The words of some HTML, blocks apart and inline elements joined as written."""
    soup = soup_of(html)
    for element in soup.find_all(BLOCKS):
        element.append(" ")
    return " ".join(soup.get_text().split())


def first_sentences(html):
    words = plain(html)
    if len(words) <= LEAD_LENGTH:
        return words
    cut = words[:LEAD_LENGTH].rsplit(" ", 1)[0]
    return f"{cut}…"


def rich_text(html):
    return EditorHTMLConverter(features=FEATURES).to_database_format(html)


def blocks(item, pictures, missing, user):
    """The article's stream: the featured picture first, then its content in order."""
    stream, pending = [], []
    if item.featured:
        stream += picture_block(item.featured, item.title, "", pictures, missing, user)
    for element in soup_of(item.html).contents:
        stream += element_blocks(element, item, pending, pictures, missing, user)
    return stream + flush(pending)


def element_blocks(element, item, pending, pictures, missing, user):
    """A top-level element: text waits in ``pending``; a quote or a picture ends a paragraph."""
    name = getattr(element, "name", None)
    if name == "blockquote":
        return [*flush(pending), quote_block(element)]
    images = [element] if name == "img" else (element.find_all("img") if name else [])
    if not images:
        pending.append(paragraph_html(element))
        return []
    stream = flush(pending)
    caption = element.find("figcaption") if name != "img" else None
    words = caption.get_text(" ", strip=True) if caption else ""
    for image in images:
        alt = image.get("alt") or item.title
        stream += picture_block(image.get("src", ""), alt, words, pictures, missing, user)
    rest = element.get_text(" ", strip=True) if name != "img" and not caption else ""
    if rest:
        pending.append(f"<p>{rest}</p>")
    return stream


def paragraph_html(element):
    if isinstance(element, NavigableString):
        words = str(element).strip()
        return f"<p>{words}</p>" if words else ""
    return str(element)


def flush(pending):
    html = rich_text("".join(pending))
    pending.clear()
    return [("paragraph", html)] if re.sub(r"<[^>]+>|\s", "", html) else []


def quote_block(element):
    return ("quote", {"text": element.get_text(" ", strip=True), "source": ""})


def picture_block(url, alt, caption, pictures, missing, user):
    found = pictures.find(url) if url else None
    if found is None:
        if url:
            missing.append(url)
        return []
    name, content = found
    image = get_image_model()(
        title=alt[:255], file=ImageFile(io.BytesIO(content), name=name.rsplit("/", 1)[-1])
    )
    image.uploaded_by_user = user
    image.save()
    return [("image", {"image": image, "alt": alt[:250], "caption": caption[:300]})]
