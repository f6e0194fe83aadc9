import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from . import rules
from .models import ContestRound, Entry


def visible_rounds(request):
    """Only the rounds the user may see are offered (not other unions' rounds, nor their names)."""
    return rules.rounds_for(request.user) if request else ContestRound.objects.none()


class EntryFilterSet(WagtailFilterSet):
    round = django_filters.ModelChoiceFilter(label=_("round"), queryset=visible_rounds)

    class Meta:
        model = Entry
        fields = ["round", "eligible", "prize", "source", "forwarded"]
