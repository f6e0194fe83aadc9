from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from lienhiep.core.signals import public_content_changed

from . import caching
from .models import SiteSettings


@receiver(page_published)
@receiver(page_unpublished)
def empty_cached_pages(sender, instance, **kwargs):
    """The page, its ancestors and its section (``website.caching``)."""
    caching.forget_page(instance)


@receiver(post_page_move)
@receiver(public_content_changed)  # a domain app changed what the public pages show
def empty_page_cache(sender, **kwargs):
    caching.invalidate()


@receiver(post_save, sender=Site)  # a hosted union's site added, or a host name changed
@receiver(post_delete, sender=Site)
def register_sites(sender, **kwargs):
    caching.register_sites(list(Site.objects.all()))


@receiver(post_save, sender=SiteSettings)  # the name, address and logo show on every page
def empty_page_cache_for_settings(sender, instance, created=False, **kwargs):
    if not created:  # settings made with their defaults on a first visit change nothing shown
        caching.invalidate(instance.site)
