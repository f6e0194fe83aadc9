"""The consultancy and critique section of the union's report."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.sections import Section, bullets, paragraph, register

CODE = "consulting.schemes_critiqued"


def build(context):
    records = context.records(CODE)
    if not context.value(CODE):
        return []
    values = {"period": context.period_label, "count": context.count(CODE)}
    if context.target(CODE):
        text = _(
            "In %(period)s the union gave consultancy, critique and social assessment on "
            "%(count)s requested by the provincial People's Committee and its departments (the "
            "plan assigned %(target)s; %(achievement)s):"
        ) % {**values, "target": context.target(CODE), "achievement": context.achievement(CODE)}
    else:
        text = (
            _(
                "In %(period)s the union gave consultancy, critique and social assessment on "
                "%(count)s requested by the provincial People's Committee and its departments:"
            )
            % values
        )
    cases = records.select_related("requester", "report_document").order_by("report_date", "pk")
    return [
        paragraph(text),
        bullets(
            _("%(title)s (requested by %(requester)s, report no. %(number)s)")
            % {"title": c.title, "requester": c.requester.name, "number": c.report_number}
            if c.report_number
            else c.title
            for c in cases
        ),
    ]


register(
    Section("consulting", 10, gettext_lazy("Consultancy, critique and social assessment"), build)
)
