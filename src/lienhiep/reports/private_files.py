"""Report runs' files and uploaded Word templates are private: staff and leaders who see the
run or the template (``rules``)."""

from lienhiep.core import private

from . import rules
from .models import ReportRun, ReportTemplate

private.register(ReportRun, "docx", "pdf", "markdown", visible=rules.runs_for)
private.register(ReportTemplate, "file", visible=rules.templates_for)
