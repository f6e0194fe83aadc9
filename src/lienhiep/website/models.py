"""The union's public site: home, news, e-journal and information pages."""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from lienhiep.core.formatting import fold
from lienhiep.core.private import private_storage

from .blocks import ArticleBody
from .enums import RUNNING_STATES, NewsImportState

NEWS_PER_PAGE = 12
#: an import still "importing" after this long was left by a worker that stopped
NEWS_IMPORT_STALE_AFTER = timedelta(minutes=30)


@register_snippet
class NewsCategory(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("code"), max_length=100, unique=True)
    picture = models.ForeignKey(
        "wagtailimages.Image",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_("Shown on the news cards of articles without a picture of their own."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("picture")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name


class SearchablePage(Page):
    """A page with a folded copy of its text, for search that ignores diacritics (đ included).

    Pages are cached whole for anonymous visitors; publishing anything empties the cache
    (``website.caching``).
    """

    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        from .caching import cached_serve

        return cached_serve(
            request, lambda: super(SearchablePage, self).serve(request, *args, **kwargs)
        )

    def get_view_restrictions(self):
        """The restrictions read with the page when a visitor asked for it (``website.routing``),
        else Wagtail's two queries."""
        kept = self.__dict__.get("route_view_restrictions")
        return super().get_view_restrictions() if kept is None else kept

    @property
    def description(self):
        """What search engines and shares show of the page: its search description, else its
        lead or summary (the pages that have one). A missing attribute looked up by a template
        costs a ``dir()`` of the whole model, so the template asks this instead."""
        return self.search_description or getattr(self, "lead", "") or getattr(self, "summary", "")

    def text_for_search(self):
        return f"{self.title} {self.search_description}"

    def save(self, *args, **kwargs):
        self.search_text = fold(self.text_for_search())
        if hasattr(self, "publisher_id") and self.publisher_id is None and self.depth:
            home = HomePage.objects.ancestor_of(self).first() if self.pk or self.path else None
            self.publisher_id = home.organisation_id if home else None
        return super().save(*args, **kwargs)


class HomePage(SearchablePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    organisation = models.ForeignKey(
        "directory.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The union whose site this is; its news count for it."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("organisation")]
    subpage_types = [
        "website.NewsIndexPage",
        "website.JournalIndexPage",
        "website.StandardPage",
        "website.ContestIndexPage",
        "website.HonoursIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]  # one per hosted union, each its site's root

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Its blocks are read only when the home's fragment is not in the cache (it is kept
        for the day: the upcoming activities and the open call follow the date)."""
        from django.utils.functional import SimpleLazyObject

        context = super().get_context(request, *args, **kwargs)
        context["home"] = SimpleLazyObject(lambda: self.blocks(request))
        context["today"] = timezone.localdate()
        return context

    def blocks(self, request):
        from . import queries

        featured, latest = queries.home_articles(SiteSettings.for_request(request), self.path)
        queries.with_pictures([*([featured] if featured else []), *latest])
        return {
            "featured": featured,
            "latest": latest,
            "upcoming": queries.upcoming_activities(self.organisation_id)[:5],
            "open_call": queries.open_call(self.organisation_id),
            "journal_issue": queries.latest_journal_issue(self.path),
            "info_pages": queries.public(StandardPage.objects.child_of(self).live()),
        }


class NewsIndexPage(SearchablePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["website.NewsArticlePage"]
    parent_page_types = ["website.HomePage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        """Its listing is read only when its fragment is not in the cache."""
        from django.utils.functional import SimpleLazyObject

        context = super().get_context(request, *args, **kwargs)
        context["choice"] = [request.GET.get(name) or "" for name in ("page", "category", "tag")]
        context["index"] = SimpleLazyObject(lambda: self.listing(*context["choice"]))
        return context

    def listing(self, number, slug, tag_slug):
        """Its articles (a page of them, of a category or tag) with its categories."""
        from .queries import with_pictures

        articles = (
            NewsArticlePage.objects.live()
            .child_of(self)
            .select_related("category")
            .order_by("-date", "-pk")
        )
        category = NewsCategory.objects.filter(slug=slug).first() if slug else None
        if category:
            articles = articles.filter(category=category)
        tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
        if tag:
            articles = articles.filter(tags=tag)
        page = Paginator(articles, NEWS_PER_PAGE).get_page(number)
        page.object_list = with_pictures(list(page.object_list))
        categories = NewsCategory.objects.all()
        return {"category": category, "tag": tag, "categories": categories, "articles": page}


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "website.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(SearchablePage):
    date = models.DateField(_("date"))
    lead = models.TextField(
        _("lead"), help_text=_("One or two sentences shown in lists and at the top.")
    )
    body = StreamField(ArticleBody(), verbose_name=_("body"), blank=True)
    category = models.ForeignKey(
        NewsCategory,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("category"),
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    author = models.CharField(_("author"), max_length=150, blank=True)
    publisher = models.ForeignKey(
        "directory.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("publisher"),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags")], heading=_("Category and tags")
        ),
    ]
    parent_page_types = ["website.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [models.Index(fields=["date"])]

    def text_for_search(self):
        paragraphs = " ".join(
            str(block.value) for block in self.body if block.block_type == "paragraph"
        )
        from django.utils.html import strip_tags

        return f"{self.title} {self.lead} {strip_tags(paragraphs)}"

    @property
    def first_image_id(self):
        """The id of the body's first image, read from the stored data (no query)."""
        for block in self.body.raw_data:
            if block["type"] == "image" and block["value"].get("image"):
                return block["value"]["image"]
        return None

    #: Read with the article when a visitor asks for it (``website.routing``).
    route_related = ("category",)

    def get_context(self, request, *args, **kwargs):
        """Its tags and lists are read only when their fragments are not in the cache."""
        from django.utils.functional import SimpleLazyObject

        context = super().get_context(request, *args, **kwargs)
        context["tags"] = SimpleLazyObject(lambda: list(self.tags.all()))
        context["lists"] = SimpleLazyObject(lambda: self.lists(context["tags"]))
        context["index_url"] = self.get_url(request).rstrip("/").rsplit("/", 1)[0] + "/"
        return context

    def lists(self, tags):
        """The latest and related articles (two queries) and its neighbours (one)."""
        from .queries import latest_news, neighbours, related_news

        home = self.path[: 2 * self.steplen]  # its site's home page, right under the tree root
        latest = [page for page in latest_news(home)[:6] if page.pk != self.pk][:5]
        related = related_news(self, [tag.pk for tag in tags], home)
        previous, next_ = neighbours(self, self.path[: -self.steplen])
        return {
            "latest": latest,
            "related": list(related.exclude(pk__in=[a.pk for a in latest])[:5]),
            "previous": previous,
            "next": next_,
        }


class JournalIndexPage(SearchablePage):
    journal_name = models.CharField(
        _("name of the journal or bulletin"),
        max_length=200,
        blank=True,
        help_text=_(
            "Its own name, for example Bản tin Khoa học và Công nghệ Hòa An; the report calls "
            "its issues by it. Left empty, the report says “tập san điện tử”."
        ),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("journal_name"), FieldPanel("intro")]
    subpage_types = ["website.JournalIssuePage"]
    parent_page_types = ["website.HomePage"]

    class Meta:
        verbose_name = _("e-journal index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = JournalIssuePage.objects.live().child_of(self).order_by("-year", "-number")
        years = {}
        for issue in issues:
            years.setdefault(issue.year, []).append(issue)
        context["years"] = sorted(years.items(), reverse=True)
        return context


class JournalIssuePage(SearchablePage):
    number = models.PositiveSmallIntegerField(_("issue number"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=[(q, q) for q in range(1, 5)])
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover"),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("PDF"),
    )
    publisher = models.ForeignKey(
        "directory.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("publisher"),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("quarter"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("cover"),
        FieldPanel("pdf"),
    ]
    parent_page_types = ["website.JournalIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("e-journal issue")
        verbose_name_plural = _("e-journal issues")

    def text_for_search(self):
        return f"{self.title} {self.summary}"

    @property
    def journal_name(self):
        """The own name of the journal this issue belongs to ("" when it has none), one query."""
        journals = JournalIndexPage.objects.ancestor_of(self).exclude(journal_name="")
        return journals.values_list("journal_name", flat=True).first() or ""


class StandardPage(SearchablePage):
    """An information page (about the union, contests, honours) that later apps can link into."""

    body = StreamField(ArticleBody(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["website.HomePage", "website.StandardPage"]

    class Meta:
        verbose_name = _("information page")

    def text_for_search(self):
        from django.utils.html import strip_tags

        return f"{self.title} " + strip_tags(
            " ".join(str(b.value) for b in self.body if b.block_type == "paragraph")
        )


class SectionPage(SearchablePage):
    """A section of the union's site listing records of a domain app, one under each home page
    (each hosted union has its own)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    #: the context name and the ``website.queries`` function that lists the section's records
    listing = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        name, function = self.listing
        home = self.path[: 2 * self.steplen]  # its site's home page: its union's records only
        context[name] = getattr(queries, function)(queries.union_of_home(home))
        return context


class ContestIndexPage(SectionPage):
    """The contests with their public rounds: calls open, judging, results with winners."""

    listing = ("contests", "public_contests")

    class Meta:
        verbose_name = _("contests page")


class HonoursIndexPage(SectionPage):
    """The decided honouring rounds with the intellectuals they honoured."""

    listing = ("rounds", "honoured_rounds")

    class Meta:
        verbose_name = _("honours page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    union_name = models.CharField(_("union name"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    featured_article = models.ForeignKey(
        "website.NewsArticlePage",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured article"),
        help_text=_("Shown large at the top of the home page; without one, the latest article."),
    )
    federation_name = models.CharField(_("federation's name"), max_length=200, blank=True)
    federation_url = models.URLField(_("federation's site"), blank=True)
    province_name = models.CharField(_("province's portal name"), max_length=200, blank=True)
    province_url = models.URLField(_("province's portal"), blank=True)

    panels = [
        FieldPanel("union_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("logo"),
        FieldPanel("featured_article"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("federation_name"), FieldPanel("federation_url")]),
                FieldRowPanel([FieldPanel("province_name"), FieldPanel("province_url")]),
            ],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


class NewsImport(models.Model):
    """A news file handed to the task worker: its state, and what the import did when done."""

    index = models.ForeignKey(
        NewsIndexPage, models.CASCADE, related_name="imports", verbose_name=_("news section")
    )
    file = models.FileField(
        _("file"), upload_to="news-imports/%Y/", storage=private_storage, blank=True
    )
    filename = models.CharField(_("file name"), max_length=255)
    items = models.PositiveIntegerField(_("articles in the file"), default=0)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=NewsImportState.choices,
        default=NewsImportState.QUEUED,
    )
    created = models.PositiveIntegerField(_("articles created"), default=0)
    skipped = models.PositiveIntegerField(_("articles already on the site"), default=0)
    missing_pictures = models.PositiveIntegerField(_("pictures not in the file"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-queued_at", "-pk"]
        verbose_name = _("news import")
        verbose_name_plural = _("news imports")

    def __str__(self):
        return self.filename

    @property
    def is_stale(self):
        """Importing for longer than any import takes: the worker stopped under it (nothing of
        the file was saved, the import being one transaction)."""
        started = self.started_at
        return (
            self.state == NewsImportState.IMPORTING
            and started is not None
            and timezone.now() - started > NEWS_IMPORT_STALE_AFTER
        )

    @property
    def is_running(self):
        return self.state in RUNNING_STATES and not self.is_stale
