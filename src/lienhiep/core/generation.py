"""The records generation: which version of the counted records the shared cache's figures are of.

The indicator registry keeps each figure it adds up in the shared cache under a key holding the
generation (``core.indicators._batched``). Every save or delete of a record whose table a
registered measure reads (``counted_tables()``, found in the measures' own SQL, and the models
staff define kinds with) gives the generation a new, never reused value in the shared cache, so
every process asks the database again on its next figure; nothing needs emptying. A write that
sends no signal (``QuerySet.update()``, ``bulk_create``) calls ``records_changed()`` itself.

A change inside a transaction changes the generation at once (the transaction's own reads see
it) and again when the transaction commits (another process that added the figures up in the
meantime, without the uncommitted record, kept them under the generation in between).

The menus' generation (``menus()``, ``menus_changed()``) works the same way for what a login's
admin menu is drawn from (``core.admin_sidebar``).
"""

import contextlib
import functools
import hashlib
import uuid
from datetime import date

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import get_language

from . import memo

KEY = "lienhiep:records-generation"
#: the menus' generation: what a login's admin menu is drawn from (``core.admin_sidebar``)
MENUS_KEY = "lienhiep:menus-generation"


def current() -> str:
    """The records generation, read once per read-only request; a new one if the cache lost it."""
    return _current(KEY)


def menus() -> str:
    """The menus' generation, as ``current()`` reads the records'."""
    return _current(MENUS_KEY)


def _current(key) -> str:
    found = memo.reading()
    if found is not None:
        if key not in found:
            found[key] = _read(key)
        return found[key]
    return _read(key)


def _read(key) -> str:
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def _bump(key=KEY):
    value = uuid.uuid4().hex
    if not isinstance(caches["default"], DatabaseCache):
        cache.set(key, value, None)
        return
    # a new installation's database cache has no table until ``createcachetable``, which comes
    # after ``migrate`` (whose post-migrate work saves indicators): nothing is kept in it yet, and
    # the caller's transaction goes on (PostgreSQL ends a transaction at its first error)
    with contextlib.suppress(DatabaseError), transaction.atomic():
        cache.set(key, value, None)


def records_changed(using=DEFAULT_DB_ALIAS):
    """Counted records changed: figures are added up again, now and after the commit."""
    _changed(KEY, using)


def menus_changed(using=DEFAULT_DB_ALIAS):
    """What the admin menus are drawn from changed: each is drawn again, now and after the
    commit."""
    _changed(MENUS_KEY, using)


def _changed(key, using):
    """A new generation now (the transaction's own reads see it) and again when the transaction
    commits (another process that worked in the meantime, without the uncommitted change, kept
    its work under the generation in between)."""
    _bump(key)
    connection = connections[using]
    if connection.in_atomic_block and not any(
        getattr(callback, "generation_key", None) == key
        for _, callback, _ in connection.run_on_commit
    ):
        bump = functools.partial(_bump, key)
        bump.generation_key = key
        transaction.on_commit(bump, using=using)


#: How long a figure or a panel stays in the shared cache: a day (today's date is in its key).
KEPT_FOR = 24 * 60 * 60


def kept(name, drawn, work):
    """``work()`` as the shared cache keeps it since the counted records last changed, for what
    it is ``drawn`` from (a tuple of plain values) in today's date and the active language."""
    if not keeping():
        return work()
    digest = hashlib.sha256(repr((get_language(), drawn)).encode()).hexdigest()
    key = f"lienhiep:{name}:{current()}:{date_key()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = work()
        cache.set(key, found, KEPT_FOR)
    return found


def keeping() -> bool:
    """Whether figures are kept: only in a cache every process shares (``LIENHIEP_KEEP_FIGURES``),
    where another process's change of the generation reaches them."""
    return settings.LIENHIEP_KEEP_FIGURES


def counted_tables() -> frozenset:
    """The tables the registered measures' SQL reads (a subquery's too), worked out once per
    process from a year's SQL; those of the families' kinds and of the records their measures
    count (``Family.counts``: a kind defined later counts records no measure read before); and
    those an app shows beside the figures (``also_counts``)."""
    if _counted is None:
        _count()
    return _counted | _also


_counted = None
_also: frozenset = frozenset()


def also_counts(*models):
    """Changes of these models change the generation too: what is kept under it shows them."""
    global _also
    _also = _also | {model._meta.db_table for model in models}


def _count():
    global _counted
    from .indicators import FAMILIES, MEASURES

    sql = " ".join(
        measure.queryset([0], date.today().year).query.sql_with_params()[0]
        for measure in MEASURES.values()
    )
    tables = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    found = {table for table in tables if f'"{table}"' in sql}
    families = [m for family in FAMILIES.values() for m in (family.model, *family.counts)]
    _counted = frozenset(found | {model._meta.db_table for model in families})


def _counts(sender) -> bool:
    """Whether a change of ``sender``'s records is counted; a migration's (its historical
    models) is announced once the migrations ran (``_migrated``)."""
    return sender._meta.apps is apps and sender._meta.db_table in counted_tables()


def _saved(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if _counts(sender):
        records_changed(using)


def _linked(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and _counts(sender):
        records_changed(using)


def _migrated(sender, **kwargs):
    """Migrations may change counted records: figures are added up again."""
    _bump()


def connect():
    """The one receiver of the saves and deletes of counted records (``CoreConfig.ready``)."""
    post_save.connect(_saved, dispatch_uid="lienhiep.generation.saved")
    post_delete.connect(_saved, dispatch_uid="lienhiep.generation.deleted")
    m2m_changed.connect(_linked, dispatch_uid="lienhiep.generation.linked")
    # sent for every app once the migrations ran: the kernel's is enough
    post_migrate.connect(
        _migrated, sender=apps.get_app_config("core"), dispatch_uid="lienhiep.generation.migrated"
    )


def date_key() -> str:
    """Today's date, which some figures depend on (overdue congresses), in the figures' keys."""
    from django.utils import timezone

    return timezone.localdate().isoformat()
