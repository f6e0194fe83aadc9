"""The dashboard panel: plan against achievement, returns, congresses and deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienhiep.core.forms import step_on
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.rules import organisations_for
from lienhiep.directory.views.panels import DashboardPanel, remembered_year, union_for

from .. import figures, queries, rules, services
from ..forms import DashboardChoiceForm
from ..models import Indicator

#: Indicators always shown on the dashboard, beside those the plan sets targets on.
DASHBOARD_CODES = [
    "directory.member_organisations",
    "directory.members",
    "directory.club_members",
    "directory.new_club_members",
    "directory.admitted",
    "directory.congresses",
    "plans.returns_received",
]
#: Shown under "Congresses" with the organisations behind it, as in the registry panel.
OVERDUE_CONGRESSES = "directory.overdue_congresses"


def chosen(request):
    """The organisation and year the dashboard shows, from ``?org=&year=`` within the user's scope."""
    visible = organisations_for(request.user).filter(
        kind__in=[
            OrganisationKind.FEDERATION,
            OrganisationKind.UNION,
            OrganisationKind.MEMBER_ASSOCIATION,
            OrganisationKind.COLLECTIVE_MEMBER,
        ]
    )
    form = DashboardChoiceForm(request.GET or None, organisations=visible)
    organisation = year = None
    if form.is_valid():
        organisation, year = form.cleaned_data["org"], form.cleaned_data["year"]
    organisation = organisation or union_for(request.user)
    if organisation is not None and not visible.filter(pk=organisation.pk).exists():
        organisation = None
    return form, organisation, chosen_year(request, organisation, year)


def chosen_year(request, organisation, year):
    """The year asked for (remembered), else the one last chosen, else the latest with records."""
    if remembered := remembered_year(request, year):
        return remembered
    today = timezone.localdate()
    return queries.latest_year_with_records(organisation, today) if organisation else today.year


class PlanPanel(DashboardPanel):
    name = "plan"
    template_name = "plans/dashboard_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        form, organisation, year = chosen(self.request)
        if organisation is None:
            return {"organisation": None}
        indicators = Indicator.objects.filter(
            targets__plan__organisation=organisation, targets__plan__year=year
        )
        codes = [*indicators.values_list("code", flat=True), *DASHBOARD_CODES, OVERDUE_CONGRESSES]
        ordered = queries.shown_to(
            list(Indicator.objects.filter(Q(code__in=codes) | queries.staff_defined())),
            organisation,
        )
        all_figures = figures.figures(organisation, year, ordered)
        overdue = next(f for f in all_figures if f.indicator.code == OVERDUE_CONGRESSES)
        today = timezone.localdate()
        context = {
            "form": form,
            "organisation": organisation,
            "year": year,
            "csrf_token": get_token(self.request),
            "planned": [f for f in all_figures if f.target],
            "others": [f for f in all_figures if not (f.target or f is overdue)],
        }
        if organisation.kind in (OrganisationKind.UNION,):
            returns_due, terms_due = queries.upcoming_deadlines(organisation, today)
            records = figures.records(overdue.indicator, organisation, year)
            context |= {
                "completeness": queries.completeness(organisation, year),
                "returns_due": returns_due,
                "terms_due": terms_due,
                "overdue": overdue,
                "overdue_records": list(records.order_by("sort_key")),
                "due": queries.congresses_due(organisation, today),
                "can_remind": self.request.user.has_perm("plans.change_yearlyreturn")
                and not rules.is_officer(self.request.user),
            }
        return context


@require_POST
def approve_view(request, pk):
    plan = get_object_or_404(rules.plans_for(request.user), pk=pk)
    try:
        services.approve_plan(plan=plan, user=request.user, on=step_on(request.POST))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("The plan is approved and locked."))
    return redirect(reverse("plans_annualplan:inspect", args=[plan.pk]))
