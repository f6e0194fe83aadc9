"""The subordinate centres' section of the union's report: community projects and beneficiaries."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.sections import Section, bullets, paragraph, register


def build(context):
    blocks = []
    if context.value("community.funding"):
        projects = context.records("community.funding").prefetch_related("funders")
        funders = sorted({f.name for p in projects for f in p.funders.all()})
        text = _(
            "The union's centres carried out %(projects)s community projects with a funding of "
            "%(funding)s"
        ) % {
            "projects": context.number("community.projects"),
            "funding": context.count("community.funding"),
        }
        if funders:
            text += " " + _("from %(funders)s") % {"funders": ", ".join(funders)}
        blocks.append(paragraph(text + "."))
    beneficiaries = [
        f"{figure.indicator.name}: {figure.display_count}"
        for code, figure in context.figures.items()
        if code.startswith("community.")
        and code not in ("community.funding", "community.projects")
        and figure.value
    ]
    if beneficiaries:
        blocks.append(paragraph(_("The projects reached:")))
        blocks.append(bullets(beneficiaries))
    return blocks


register(Section("community.centres", 90, gettext_lazy("The subordinate centres"), build))
