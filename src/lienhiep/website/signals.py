from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from lienhiep.core.signals import public_content_changed
from lienhiep.directory.models import AccountScope
from lienhiep.directory.rules import sync_site_groups

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


@receiver(post_save, sender=PageViewRestriction)  # a page and those under it closed or opened:
@receiver(post_delete, sender=PageViewRestriction)  # no visitor may read a copy kept before
def empty_page_cache_for_restriction(sender, instance, **kwargs):
    caching.invalidate()


@receiver(post_save, sender=Site)  # a hosted union's site added, or a host name changed
@receiver(post_delete, sender=Site)
def register_sites(sender, **kwargs):
    caching.register_sites(list(Site.objects.all()))


@receiver(post_save, sender=SiteSettings)  # the name, address and logo show on every page
def empty_page_cache_for_settings(sender, instance, created=False, **kwargs):
    if not created:  # settings made with their defaults on a first visit change nothing shown
        caching.invalidate(instance.site)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def follow_roles_to_site_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """A login's roles changed: their page rights follow, on their own union's site only."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    users = get_user_model().objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    for user in users:
        sync_site_groups(user)


@receiver(post_save, sender=AccountScope)
def follow_scope_to_site_groups(sender, instance, **kwargs):
    """A login now works for another organisation: their page rights move to its union's site."""
    sync_site_groups(instance.user)
