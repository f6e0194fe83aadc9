"""The report's sentence on the member associations' yearly returns (a union's report only)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.sections import Section, paragraph, register
from lienhiep.directory.enums import OrganisationKind

from .queries import completeness


def build_returns(context):
    if context.organisation.kind != OrganisationKind.UNION:
        return []
    done = completeness(context.organisation, context.year)
    if not done.expected:
        return []
    text = _("%(received)s/%(expected)s member associations sent their yearly return.")
    return [paragraph(text % {"received": done.received, "expected": done.expected})]


register(
    Section(
        "plans.returns",
        100,
        gettext_lazy("The member associations' yearly returns"),
        build_returns,
    )
)
