"""A community project carries its beneficiary figures: reported values about the project."""

from django.utils.translation import gettext as _

from lienhiep.core.formatting import format_money
from lienhiep.core.indicators import SubjectKind, register_subject

from . import demo
from .beneficiaries import ensure_beneficiary_indicators
from .models import BENEFICIARY_PREFIX, Project
from .rules import may_change, projects_for


def describe(project):
    return _("%(centre)s · %(amount)s · %(places)s") % {
        "centre": project.centre.name,
        "amount": format_money(project.amount),
        "places": project.places,
    }


register_subject(
    SubjectKind(
        kind="community.project",
        model=Project,
        prefix=BENEFICIARY_PREFIX,
        visible=projects_for,
        may_report=may_change,
        organisation=lambda project: project.centre,
        path="community/projects",
        url_name="community_project_figures",
        describe=describe,
        ensure_indicators=ensure_beneficiary_indicators,
        demo=demo.beneficiary_figures,
    )
)
