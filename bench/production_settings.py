"""Production settings plus the bare Django view of ``site_urls`` (bench/production.sh)."""

from lienhiep.settings.base import *  # noqa: F403

ROOT_URLCONF = "site_urls"
# The bare view is plain Django: it does not go through the page cache.
LIENHIEP_UNCACHED_PREFIXES = [*LIENHIEP_UNCACHED_PREFIXES, "/bench/"]  # noqa: F405
