"""A searchable list of checkboxes: the chooser for many records out of a long list.

Instead of a 150-line multi-select (held Ctrl, one slip loses the choice) the form shows a
search box over checkboxes; typing filters the list by words without diacritics ("dieu duong"
finds "Hội Điều dưỡng"), and the ticked ones come first.
"""

from django import forms

from .formatting import fold


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/searchable_checkboxes.html"

    class Media:
        js = ["core/js/choice-search.js"]
        css = {"all": ["core/css/choice-search.css"]}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["folded"] = fold(str(label))
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [
            option for _group, group, _index in context["widget"]["optgroups"] for option in group
        ]
        context["widget"]["options"] = sorted(options, key=lambda option: not option["selected"])
        return context
