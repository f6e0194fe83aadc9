"""Labels Wagtail builds from field names ("Port", "Site name", "Page"), which no catalogue can
translate: given here, once, from the model's verbose names or Wagtail's own messages."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

SITE_COLUMNS = ("port", "site_name", "root_page")


def label_wagtail_fields():
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.models import Site
    from wagtail.sites.views import IndexView
    from wagtail.users.forms import PagePermissionsForm

    for column in IndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
    for form in (WorkflowPageForm, PagePermissionsForm):
        form.base_fields["page"].label = gettext_lazy("Page")
