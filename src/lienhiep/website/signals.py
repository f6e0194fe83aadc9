from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import caching


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def empty_page_cache(sender, **kwargs):
    caching.invalidate()
