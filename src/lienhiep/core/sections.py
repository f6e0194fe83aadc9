"""The report-section registry: each domain app contributes its sections from ``report.py``.

The registry lives in the kernel; ``core`` discovers every app's ``report.py``.

A section has a code, an order (the order unions write them in), a title and ``build(context)``,
which returns its blocks: paragraphs (``{"p": text}``) and lists (``{"list": [items]}``). The
text comes from translatable sentence templates filled with figures of the indicator registry
(``context.count(code)``) and lists read from the app's records. The reports app only assembles
the sections and renders them::

    register(Section("consulting", 10, _("Consultancy, critique and social assessment"), build))
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from string import Formatter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SECTIONS: dict = {}


@dataclass(frozen=True)
class Section:
    code: str
    order: int
    title: str
    build: Callable


def register(section: Section) -> Section:
    if section.code in SECTIONS and SECTIONS[section.code] != section:
        raise ValueError(f"Report section {section.code} is registered twice.")
    SECTIONS[section.code] = section
    return section


def sections():
    return sorted(SECTIONS.values(), key=lambda s: (s.order, s.code))


def paragraph(text):
    return {"p": str(text)}


def paragraphs(text):
    """Staff's text split at blank lines, whatever line endings the browser sent (``\\r\\n``)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def bullets(items):
    items = [str(item) for item in items if item]
    return {"list": items} if items else None


def section_choices():
    """The registered sections as choices, for the section a staff-defined figure is bound to."""
    return [(s.code, str(s.title)) for s in sections()]


# -- Sentences staff write for the figures they define -------------------------------------------

#: The placeholders every sentence may use, and what each is filled with.
PLACEHOLDERS = {
    "số": _("the figure, as reports write it (05)"),
    "đơn vị": _("the unit"),
    "kế hoạch": _("the plan's target"),
    "tỷ lệ": _("the achievement (120%)"),
    "kỳ": _("the period (năm 2024)"),
}
#: The plan's placeholders: a sentence without a target leaves out the ``[…]`` part holding them.
PLAN_PLACEHOLDERS = ("kế hoạch", "tỷ lệ")
OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Binding:
    """Where a staff-defined figure goes in the report, in which words, with its records or not.

    ``extra`` names further placeholders a kind offers (``{"phiên họp": code}``: the figure of
    another indicator); ``describe(record)`` is a line of the records' list.
    """

    section: str
    sentence: str
    lists_records: bool = False
    extra: tuple = ()
    describe: Callable | None = None


def placeholders_in(sentence):
    """The placeholder names a sentence uses; ``ValueError`` when its braces do not match."""
    return {name for _text, name, _spec, _conv in Formatter().parse(sentence) if name is not None}


def validate_sentence(sentence, extra=()):
    """A Vietnamese ``ValidationError`` naming what is wrong with a sentence template."""
    allowed = [*PLACEHOLDERS, *extra]
    listed = ", ".join(f"{{{name}}}" for name in allowed)
    try:
        unknown = sorted(placeholders_in(OPTIONAL.sub(r"\1", sentence)) - set(allowed))
    except ValueError:
        raise ValidationError(
            _("A “{” or “}” is unmatched; write the placeholders as %(allowed)s.")
            % {"allowed": listed}
        ) from None
    if unknown:
        raise ValidationError(
            _("The sentence uses %(unknown)s, which is not a placeholder; use %(allowed)s.")
            % {"unknown": ", ".join(f"{{{name}}}" for name in unknown), "allowed": listed}
        )
    if "[" in OPTIONAL.sub("", sentence) or "]" in OPTIONAL.sub("", sentence):
        raise ValidationError(_("A “[” or “]” is unmatched."))


def fill_sentence(sentence, values, has_target):
    """The sentence with its placeholders filled; the ``[…]`` parts only when there is a target.

    A sentence that says nothing of the plan gets “(kế hoạch …, đạt …)” when there is a target.
    """
    if has_target:
        mentions_plan = any(f"{{{name}}}" in sentence for name in PLAN_PLACEHOLDERS)
        text = OPTIONAL.sub(r"\1", sentence)
        if not mentions_plan:
            text = _with_plan(text)
    else:
        text = OPTIONAL.sub("", sentence)
    return " ".join(text.format_map(values).split())


def _with_plan(text):
    stripped = text.rstrip()
    end = stripped[-1] if stripped and stripped[-1] in ".:;" else ""
    body = stripped[: len(stripped) - len(end)]
    plan = _("(the plan: {kế hoạch} {đơn vị}; {tỷ lệ})")
    return f"{body} {plan}{end}"


class BoundToSection(models.Model):
    """The fields that bind a staff-defined figure to a report section with its sentence."""

    report_section = models.CharField(
        _("report section"),
        max_length=60,
        blank=True,
        choices=section_choices,
        help_text=_("The section of the report whose text states this figure."),
    )
    sentence = models.CharField(
        _("sentence in the report"),
        max_length=500,
        blank=True,
        help_text=_(
            "For example: Hỗ trợ {số} hồ sơ đăng ký sở hữu trí tuệ[, đạt {tỷ lệ} kế hoạch]. "
            "Placeholders: {số}, {đơn vị}, {kế hoạch}, {tỷ lệ}, {kỳ}; a part in […] is written "
            "only when the plan has a target."
        ),
    )
    lists_records = models.BooleanField(
        _("list the records"),
        default=False,
        help_text=_("Below the sentence, list the records behind the figure."),
    )

    #: further placeholders the sentence may use (a council seat's sittings)
    extra_placeholders: tuple = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.sentence:
            try:
                validate_sentence(self.sentence, self.extra_placeholders)
            except ValidationError as error:
                raise ValidationError({"sentence": error.messages}) from None
        if self.sentence and not self.report_section:
            raise ValidationError(
                {"report_section": _("Choose the section the sentence is written in.")}
            )
        if self.report_section and not self.sentence:
            raise ValidationError({"sentence": _("Write the sentence the report states.")})

    def binding(self, extra=(), describe=None):
        if not (self.report_section and self.sentence):
            return None
        return Binding(self.report_section, self.sentence, self.lists_records, extra, describe)
