"""Keep one computed ``Indicator`` row per measure of the kernel's indicator registry."""

from lienhiep.core.indicators import FAMILIES, all_measures

from .enums import Method


def sync_indicators():
    """Create or refresh one computed ``Indicator`` per measure, the staff-defined kinds' too."""
    for measure in all_measures():
        save_indicator(measure)


def save_indicator(measure):
    from django.utils import translation

    from .models import Indicator

    with translation.override("vi"):
        name_vi, unit_vi = str(measure.name), str(measure.unit)
    with translation.override("en"):
        name_en = str(measure.name)
    Indicator.objects.update_or_create(
        code=measure.code,
        defaults={
            "name": name_vi,
            "name_en": name_en,
            "unit": unit_vi,
            "method": Method.COMPUTED,
            "rollup": measure.rollup,
            "order": measure.order,
        },
    )


def sync_after_migrate(sender, **kwargs):
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        sync_indicators()


def sync_family_record(sender, instance, **kwargs):
    """A staff-defined kind saved: its indicators exist at once, with its name and unit."""
    for family in FAMILIES.values():
        if isinstance(instance, family.model):
            for measure in family.measures(instance):
                save_indicator(measure)


def drop_family_record(sender, instance, **kwargs):
    """A staff-defined kind deleted: its indicators go too, unless a target or value names them."""
    from .models import Indicator

    for family in FAMILIES.values():
        if isinstance(instance, family.model):
            codes = [measure.code for measure in family.measures(instance)]
            unused = Indicator.objects.filter(
                code__in=codes, targets__isnull=True, reported_values__isnull=True
            )
            unused.delete()


def connect_families():
    from django.db.models.signals import post_delete, post_save

    for family in FAMILIES.values():
        post_save.connect(sync_family_record, sender=family.model, dispatch_uid=family.prefix)
        post_delete.connect(drop_family_record, sender=family.model, dispatch_uid=family.prefix)
