"""Sections of the union's report on its activities: workshops, training and information;
participation in the national federation's events."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienhiep.core.sections import Section, bullets, paragraph, register


def _held(context, code, sentence_with_plan, sentence):
    if not context.value(code):
        return []
    values = {"count": context.count(code)}
    if context.target(code):
        text = sentence_with_plan % {
            **values,
            "target": context.target(code),
            "achievement": context.achievement(code),
        }
    else:
        text = sentence % values
    records = context.records(code).order_by("start_date", "pk")
    return [
        paragraph(text),
        bullets(
            _("%(title)s (%(day)s)") % {"title": a.title, "day": a.start_date.strftime("%d/%m/%Y")}
            for a in records
        ),
    ]


def journal_issues(context):
    """``phát hành 04 số tập san điện tử``, or the issues under the journal's own name."""
    issue = context.records("website.journal_issues").order_by("year", "number").first()
    values = {"count": context.count("website.journal_issues"), "journal": issue.journal_name}
    if values["journal"]:
        return _("issued %(count)s of %(journal)s") % values
    return _("issued %(count)s of the e-journal") % values


def build_work(context):
    blocks = _held(
        context,
        "activities.workshops",
        _("The union held %(count)s (the plan: %(target)s; %(achievement)s):"),
        _("The union held %(count)s:"),
    )
    blocks += _held(
        context,
        "activities.training_courses",
        _(
            "It organised %(count)s for members and the public (the plan: %(target)s; "
            "%(achievement)s):"
        ),
        _("It organised %(count)s for members and the public:"),
    )
    if context.value("activities.training_participants"):
        blocks.append(
            paragraph(
                _("The training courses were attended by %(count)s.")
                % {"count": context.count("activities.training_participants")}
            )
        )
    information = []
    if context.value("website.news"):
        information.append(
            _("published %(count)s on the union's website")
            % {"count": context.count("website.news")}
        )
    if context.value("website.journal_issues"):
        information.append(journal_issues(context))
    if information:
        blocks.append(
            paragraph(
                _("In science information the union %(what)s.") % {"what": "; ".join(information)}
            )
        )
    return blocks


def build_federation(context):
    return _held(
        context,
        "activities.federation_events",
        _(
            "The union took part in %(count)s of the national federation (the plan: %(target)s; %(achievement)s):"
        ),
        _("The union took part in %(count)s of the national federation:"),
    )


register(
    Section(
        "activities.work",
        40,
        gettext_lazy("Workshops, training courses and science information"),
        build_work,
    )
)
register(
    Section(
        "activities.federation",
        70,
        gettext_lazy("Participation in the national federation's events"),
        build_federation,
    )
)
