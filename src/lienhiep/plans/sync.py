"""Keep one computed ``Indicator`` row per measure of the kernel's indicator registry."""

from lienhiep.core.indicators import MEASURES

from .enums import Method


def sync_indicators():
    """Create or refresh one computed ``Indicator`` per registered measure."""
    from django.utils import translation

    from .models import Indicator

    for measure in MEASURES.values():
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
