"""Template filters for Vietnamese formatting: ``{% load vi %}{{ total|vi_number }}``."""

from django import template

from lienhiep.core import formatting

register = template.Library()


@register.filter
def vi_number(value, decimals=None):
    return "" if value is None else formatting.format_number(value, decimals)


@register.filter
def vi_figure(value):
    """A figure on a screen: the one way every dashboard block, panel and the national table
    write a number (plain, never padded: ``3``, ``1.250``); ``—`` for none."""
    return formatting.format_figure(value)


@register.filter
def vi_count(value, unit=""):
    """A count as a *report* writes it (``05 đề án``); screens write ``vi_figure``."""
    return "" if value is None else formatting.format_count(value, unit)


@register.filter
def vi_money(value):
    return "" if value is None else formatting.format_money(value)


@register.filter
def vi_money_short(value):
    return "" if value is None else formatting.format_money_short(value)


@register.filter
def vi_date(value):
    return formatting.format_date(value)


@register.filter
def roman(value):
    return formatting.roman(int(value))


@register.filter
def get_item(mapping, key):
    """``{{ values|get_item:code }}``: a dictionary's value in a template."""
    return mapping.get(key) if mapping else None


@register.filter
def vi_date_line(value, place=""):
    """``Hòa An, ngày 20 tháng 12 năm 2024`` (Nghị định 30/2020/NĐ-CP)."""
    return formatting.date_line(place, value) if value else ""
