"""Bring a union's existing news into the site: an RSS or Atom feed file, or a WordPress export.

The file is read whole and every item checked before anything is written (all or nothing); a
problem names the item by its number and title. Items already on the site (same title and date)
are skipped, so importing the same file again adds nothing. A ZIP holding the XML file and the
site's uploaded pictures brings the pictures too: each ``<img>`` of an article (and a WordPress
post's featured image) is matched to a file of the ZIP by its path.
"""

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lienhiep.core.formatting import slugify_vi

from . import news_body
from .caching import invalidate
from .models import NewsArticlePage, NewsCategory

MAX_BYTES = 200 * 1024 * 1024
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "wp": "http://wordpress.org/export/1.2/",
}


@dataclass
class Item:
    number: int
    title: str
    day: date | None
    lead: str
    html: str
    author: str = ""
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    featured: str = ""  # the URL of a WordPress post's featured image


@dataclass
class NewsImportResult:
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    missing_pictures: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems


class Pictures:
    """The pictures a ZIP carries, found by the tail of the URL an article gives."""

    def __init__(self, archive=None):
        self.archive = archive
        names = archive.namelist() if archive else []
        self.by_path = {name.lower(): name for name in names if not name.endswith("/")}

    def find(self, url):
        path = unquote(urlparse(url).path).lstrip("/").lower()
        parts = path.split("/")
        for start in range(len(parts)):
            name = self.by_path.get("/".join(parts[start:]))
            if name:
                return name, self.archive.read(name)
        return None


def open_upload(content: bytes):
    """``(xml bytes, Pictures)`` from an XML file or a ZIP of the XML and its pictures."""
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 200 MB."))
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return content, Pictures()
    archive = zipfile.ZipFile(io.BytesIO(content))
    xml_names = [n for n in archive.namelist() if n.lower().endswith(".xml")]
    if not xml_names:
        raise ValidationError(_("The ZIP file holds no XML file (the feed or WordPress export)."))
    return archive.read(xml_names[0]), Pictures(archive)


def parse(xml: bytes):
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise ValidationError(
            _("The file is not a feed or a WordPress export (XML error at line %(line)s).")
            % {"line": error.position[0]}
        ) from error
    if root.tag == f"{{{NS['atom']}}}feed":
        return list(atom_items(root))
    if root.tag == "rss":
        return list(rss_items(root))
    raise ValidationError(_("The file is not an RSS or Atom feed, nor a WordPress export."))


def text(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def rss_day(value):
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return _iso_day(value)


def _iso_day(value):
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except (TypeError, ValueError):
        return None


def rss_items(root):
    """RSS 2.0 items; in a WordPress export only published posts (not pages or attachments)."""
    channel = root.find("channel")
    attachments = {
        text(i, "wp:post_id"): text(i, "wp:attachment_url")
        for i in channel.iterfind("item")
        if text(i, "wp:post_type") == "attachment"
    }
    number = 0
    for element in channel.iterfind("item"):
        kind, status = text(element, "wp:post_type"), text(element, "wp:status")
        if kind not in ("", "post") or status not in ("", "publish"):
            continue
        number += 1
        yield rss_item(element, number, attachments)


def rss_item(element, number, attachments):
    wordpress_day = text(element, "wp:post_date")
    terms = element.findall("category")
    thumbnail = [
        text(meta, "wp:meta_value")
        for meta in element.iterfind("wp:postmeta", NS)
        if text(meta, "wp:meta_key") == "_thumbnail_id"
    ]
    return Item(
        number=number,
        title=text(element, "title"),
        day=_iso_day(wordpress_day.replace(" ", "T"))
        if wordpress_day
        else rss_day(text(element, "pubDate")),
        lead=news_body.plain(text(element, "excerpt:encoded") or text(element, "description")),
        html=text(element, "content:encoded") or text(element, "description"),
        author=text(element, "dc:creator") or text(element, "author"),
        categories=[
            c.text.strip() for c in terms if c.get("domain", "category") == "category" and c.text
        ],
        tags=[c.text.strip() for c in terms if c.get("domain") == "post_tag" and c.text],
        featured=attachments.get(thumbnail[0], "") if thumbnail else "",
    )


def atom_items(root):
    for number, entry in enumerate(root.iterfind("atom:entry", NS), start=1):
        yield Item(
            number=number,
            title=text(entry, "atom:title"),
            day=_iso_day(text(entry, "atom:published") or text(entry, "atom:updated")),
            lead=news_body.plain(text(entry, "atom:summary")),
            html=text(entry, "atom:content") or text(entry, "atom:summary"),
            author=text(entry, "atom:author/atom:name"),
            categories=[
                c.get("term") for c in entry.iterfind("atom:category", NS) if c.get("term")
            ],
        )


def check(item):
    """What is wrong with an item, in words that name it."""
    where = _("Item %(number)s (“%(title)s”)") % {
        "number": item.number,
        "title": item.title[:80] or "—",
    }
    wrong = []
    if not item.title:
        wrong.append(_("it has no title"))
    if item.day is None:
        wrong.append(_("its date is missing or cannot be read"))
    if len(item.title) > 255:
        wrong.append(_("its title is longer than 255 characters"))
    return [f"{where}: {reason}." for reason in wrong]


def read_file(content: bytes):
    """``(items, pictures, problems)``: the file read and every item checked, nothing written;
    a file that is no feed at all raises ``ValidationError``."""
    xml, pictures = open_upload(content)
    items = parse(xml)
    problems = [problem for item in items for problem in check(item)]
    if not items:
        problems.append(_("The file holds no article."))
    return items, pictures, problems


#: how many articles are written between two reports of progress
PROGRESS_EVERY = 10


def import_news(*, index, content: bytes, user, progress=None) -> NewsImportResult:
    """Every item of the file as a published article under ``index``, or nothing.

    ``progress(done, total)``, if given, hears every ``PROGRESS_EVERY`` items how far it is.
    """
    items, pictures, problems = read_file(content)
    result = NewsImportResult(problems=problems)
    if result.problems:
        return result
    existing = set(NewsArticlePage.objects.child_of(index).values_list("title", "date"))
    with transaction.atomic():
        for number, item in enumerate(items, start=1):
            if (item.title, item.day) in existing:
                result.skipped.append(item.title)
            else:
                result.created.append(create_article(index, item, pictures, result, user))
                existing.add((item.title, item.day))
            if progress and number % PROGRESS_EVERY == 0:
                progress(number, len(items))
        transaction.on_commit(invalidate)
    return result


def category_for(names):
    if not names:
        return None
    name = names[0][:100]
    found = NewsCategory.objects.filter(name__iexact=name).first()
    if found:
        return found
    slug = base = slugify_vi(name)[:90] or "chuyen-muc"
    number = 2
    while NewsCategory.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return NewsCategory.objects.create(name=name, slug=slug)


def create_article(index, item, pictures, result, user):
    body = news_body.blocks(item, pictures, result.missing_pictures, user)
    page = NewsArticlePage(
        title=item.title,
        slug=f"{slugify_vi(item.title)[:60] or 'tin'}-{item.day:%Y%m%d}",
        date=item.day,
        lead=item.lead or news_body.first_sentences(item.html) or item.title,
        body=body,
        category=category_for(item.categories),
        author=item.author[:150],
        owner=user,
    )
    page.tags.add(*[tag[:100] for tag in item.tags])
    page.slug = unique_slug(index, page.slug)
    page.first_published_at = page.last_published_at = published_at(item.day)
    index.add_child(instance=page)  # live, as it was on the old site; the cache is emptied once
    log(page, "wagtail.create", user=user, data={"imported": True})
    return page


def published_at(day):
    return timezone.make_aware(datetime.combine(day, time(8, 0)))


def unique_slug(index, slug):
    taken = set(index.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
