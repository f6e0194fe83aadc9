"""A draft news article about the conference (year-end, or mid-year for a sơ kết), written from
an issued report's structure: the opening sentence of each section of its results part (found
by the part's code, not its heading) and the tasks for the next period."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from lienhiep.core.documents import in_vietnamese
from lienhiep.core.formatting import slugify_vi
from lienhiep.directory.rules import require_staff
from lienhiep.reports import content as report_content
from lienhiep.reports import rules as report_rules
from lienhiep.reports import services as report_services
from lienhiep.reports.enums import ReportKind

from .models import HomePage, NewsArticlePage, NewsIndexPage

RESULTS = "results"


def highlights(content, limit=6):
    """The first paragraph of each section of the report's results part."""
    part = next((p for p in content.get("parts", []) if p.get("code") == RESULTS), None)
    sections = part["sections"] if part else []
    firsts = [s["blocks"][0] for s in sections if s["blocks"]]
    return [block["p"] for block in firsts if "p" in block][:limit]


def _wording(run):
    names = {"organisation": run.organisation.name, "year": run.year, "next": run.year + 1}
    if run.kind == ReportKind.HALF_YEAR:
        return {
            "title": _(
                "Conference reviewing the first six months of %(year)s and setting the tasks for "
                "the last six months"
            )
            % names,
            "lead": _(
                "%(organisation)s reviewed its work in the first six months of %(year)s and set its "
                "tasks for the last six months."
            )
            % names,
            "tasks": _("Tasks for the last six months of %(year)s: %(tasks)s"),
            "slug": f"hoi-nghi-so-ket-6-thang-{run.year}-{run.pk}",
            "names": names,
        }
    if run.kind in (ReportKind.QUARTER, ReportKind.TERM):
        return _period_wording(run)
    return {
        "title": _("Conference reviewing the work of %(year)s and setting the tasks for %(next)s")
        % names,
        "lead": _(
            "%(organisation)s reviewed its work in %(year)s and set its directions and tasks for "
            "%(next)s."
        )
        % names,
        "tasks": _("Tasks for %(next)s: %(tasks)s"),
        "slug": f"hoi-nghi-tong-ket-{run.year}-{run.pk}",
        "names": names,
    }


def _period_wording(run):
    """A quarter's briefing or a term's report: the conference named by the run's period."""
    period = run.period
    names = {
        "organisation": run.organisation.name,
        "period": period.label,
        "next": report_content.next_label(period),
    }
    return {
        "title": (
            _("Conference summing up %(period)s and setting the directions for %(next)s")
            if period.is_term
            else _("Conference reviewing %(period)s and setting the tasks for %(next)s")
        )
        % names,
        "lead": _(
            "%(organisation)s reviewed its work in %(period)s and set its directions and tasks "
            "for %(next)s."
        )
        % names,
        "tasks": _("Directions and tasks for %(next)s: %(tasks)s"),
        "slug": f"hoi-nghi-{period.slug}-{run.pk}",
        "names": names,
    }


def body(run, wording):
    paragraphs = highlights(run.content)
    if run.content.get("tasks"):
        tasks = " ".join(run.content["tasks"])
        paragraphs.append(wording["tasks"] % {**wording["names"], "tasks": tasks})
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def news_index(organisation):
    home = HomePage.objects.filter(organisation=organisation).first()
    index = NewsIndexPage.objects.descendant_of(home).first() if home else None
    if index is None:
        raise ValidationError(_("The organisation has no news section on its site."))
    return index


@in_vietnamese
def draft_news(*, run, user):
    """Add the draft article under the organisation's news and link it to the run."""
    require_staff(user, run, report_rules.runs_for(user))
    if not run.is_issued:
        raise ValidationError(_("Issue the report first."))
    wording = _wording(run)
    with transaction.atomic():
        page = NewsArticlePage(
            title=wording["title"],
            slug=slugify_vi(wording["slug"]),
            date=run.issued_on,
            lead=wording["lead"],
            body=body(run, wording),
            live=False,
            owner=user,
        )
        news_index(run.organisation).add_child(instance=page)
        page.save_revision(user=user)
        report_services.link_news_article(run=run, article=page, user=user)
    return page
