"""Settings for the site benchmark: the test settings plus a bare Django view to compare with."""

from lienhiep.settings.test import *  # noqa: F403

ROOT_URLCONF = "site_urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The bare view is plain Django: it does not go through the page cache.
LIENHIEP_UNCACHED_PREFIXES = [*LIENHIEP_UNCACHED_PREFIXES, "/bench/"]  # noqa: F405
