"""The dashboard panel: plan against achievement, returns, congresses and deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienhiep.core import charts, generation
from lienhiep.core.forms import step_on
from lienhiep.directory.enums import OrganisationKind
from lienhiep.directory.rules import organisation_ids_for, organisations_for
from lienhiep.directory.setup import CHOSEN_YEAR
from lienhiep.directory.views.panels import DashboardPanel, union_for
from lienhiep.directory.years import dashboard_year, remembered_year

from .. import dashboard as drawing
from .. import figures, queries, rules, services
from ..forms import DashboardChoiceForm
from ..models import Indicator, Target

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


#: Where the request's CSRF token goes in the plan panel kept in the shared cache.
CSRF_MARK = "lienhiep-csrf-token-mark"

#: The organisations whose figures the dashboard shows.
DASHBOARD_KINDS = [
    OrganisationKind.FEDERATION,
    OrganisationKind.UNION,
    OrganisationKind.MEMBER_ASSOCIATION,
    OrganisationKind.COLLECTIVE_MEMBER,
]


def chosen(request):
    """The organisation and year the dashboard shows, from ``?org=&year=`` within the user's scope."""
    visible = list(organisations_for(request.user).filter(kind__in=DASHBOARD_KINDS))
    form = DashboardChoiceForm(request.GET or None, organisations=visible)
    organisation = year = None
    if form.is_valid():
        organisation, year = form.cleaned_data["org"], form.cleaned_data["year"]
    organisation = organisation or union_for(request.user)
    if organisation is not None and not shown(request.user, organisation):
        organisation = None
    year = dashboard_year(request, organisation, year)
    if organisation is not None:  # the controls show what is shown, whatever was asked
        form = DashboardChoiceForm({"org": organisation.pk, "year": year}, organisations=visible)
    return form, organisation, year


def shown(user, organisation):
    """Whether the dashboard may show ``organisation`` to ``user`` (what ``visible`` above
    holds, asked of the ids worked out once per request)."""
    ids = organisation_ids_for(user)
    return organisation.kind in DASHBOARD_KINDS and (ids is None or organisation.pk in ids)


def shown_indicators(organisation, year):
    """Every indicator in order, in one query, each marked ``shown`` when the dashboard shows
    its figure: the plan sets it a target, it is one of the fixed ones or staff defined it."""
    planned = Exists(
        Target.objects.filter(
            indicator=OuterRef("pk"), plan__organisation=organisation, plan__year=year
        )
    )
    codes = [*DASHBOARD_CODES, OVERDUE_CONGRESSES, *drawing.card_codes()]
    shown = Q(planned) | Q(code__in=codes) | queries.staff_defined()
    return list(
        Indicator.objects.annotate(
            shown=Case(When(shown, then=Value(True)), default=Value(False))
        ).order_by("order", "code")
    )


class PlanPanel(DashboardPanel):
    name = "plan"
    template_name = "plans/dashboard_panel.html"
    order = 40

    class Media:
        css = {"all": ["plans/dashboard.css"]}

    def render_html(self, parent_context=None):
        """The panel drawn for the same question (``?org=&year=&trend=``, the year remembered in
        the session), login's scope and rights, language and day since the counted records and
        the plans last changed comes from the shared cache (``core.generation.kept``), with the
        year it left in the session; the request's CSRF token is put in afterwards."""
        token = get_token(self.request)
        session = getattr(self.request, "session", {})
        visible = organisation_ids_for(self.request.user)
        union = union_for(self.request.user)
        asked = (
            *(self.request.GET.get(name, "") for name in ("org", "year", "trend")),
            session.get(CHOSEN_YEAR),
            union and union.pk,
            "*" if visible is None else sorted(visible),
            *self.rights(),
        )
        html, year = generation.kept("plan-panel", asked, lambda: self.draw(parent_context))
        if session.get(CHOSEN_YEAR) != year:
            remembered_year(self.request, year)
        return mark_safe(html.replace(CSRF_MARK, token))

    def draw(self, parent_context):
        """The panel, with a mark for the CSRF token, and the year it left in the session."""
        self.csrf_token = CSRF_MARK
        html = super().render_html(parent_context)
        return html, getattr(self.request, "session", {}).get(CHOSEN_YEAR)

    def rights(self):
        """May the login edit organisations (the congress table's links) and send reminders."""
        user = self.request.user
        return (
            user.has_perm("directory.change_organisation"),
            user.has_perm("plans.change_yearlyreturn") and not rules.is_officer(user),
        )

    def get_context_data(self, parent_context):
        form, organisation, year = chosen(self.request)
        if organisation is None:
            return {"organisation": None}
        indicators = queries.shown_to(shown_indicators(organisation, year), organisation)
        ordered = [i for i in indicators if i.shown]
        card_codes = drawing.card_codes()
        trend_choices = drawing.trend_choices(indicators)
        trend = drawing.trend_indicator(self.request.GET.get("trend", ""), trend_choices)
        # the trend's five years read with the cards' two years, in the same queries
        by_year, trend_values = figures.figures_and_series(
            organisation,
            {year: ordered, year - 1: [i for i in ordered if i.code in card_codes]},
            trend,
            drawing.trend_years(year),
        )
        all_figures = by_year[year]
        overdue = next(f for f in all_figures if f.indicator.code == OVERDUE_CONGRESSES)
        today = timezone.localdate()
        planned = [f for f in all_figures if f.target]
        plan_chart = drawing.plan_chart(organisation, year, planned)
        context = {
            "form": form,
            "organisation": organisation,
            "year": year,
            "csrf_token": getattr(self, "csrf_token", None) or get_token(self.request),
            "planned": planned,
            # the fixed figures and those of staff-defined kinds; the cards' own are on the cards
            "others": [
                f
                for f in all_figures
                if not (f.target or f is overdue)
                and (f.indicator.code in DASHBOARD_CODES or f.indicator.code not in card_codes)
            ],
            "cards": drawing.cards(
                organisation,
                year,
                {f.indicator.code: f for f in all_figures},
                {f.indicator.code: f for f in by_year[year - 1]},
            ),
            "trend": trend,
            "trend_choices": trend_choices,
        }
        drawn = {
            "plan-chart": plan_chart,
            "trend-chart": trend and drawing.trend_chart(trend, organisation, year, trend_values),
        }
        if organisation.kind in (OrganisationKind.UNION,):
            may_edit, can_remind = self.rights()
            returns_due, terms_due = queries.upcoming_deadlines(organisation, today)
            records = figures.records(overdue.indicator, organisation, year)
            completeness = queries.completeness(organisation, year)
            if completeness.expected:
                drawn["returns-ring"] = drawing.returns_ring(completeness, year)
            context |= {
                "completeness": completeness,
                "returns_due": returns_due,
                "terms_due": terms_due,
                "overdue": overdue,
                "overdue_records": list(records.order_by("sort_key")),
                "due": queries.congresses_due(organisation, today),
                # the congress table links to the registry's edit screen only for who may edit
                "may_edit_organisations": may_edit,
                "can_remind": can_remind,
            }
        # the charts drawn before (the same figures) come from the shared cache in one look-up
        markup = charts.svgs(drawn)
        context |= {
            "plan_chart": markup["plan-chart"],
            "trend_chart": markup["trend-chart"],
            "ring_chart": markup.get("returns-ring"),
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
