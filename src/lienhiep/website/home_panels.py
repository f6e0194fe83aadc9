"""The editor's home panel: the pages with unpublished changes, those waiting for review first."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from lienhiep.directory import roles
from lienhiep.directory.views.panels import DashboardPanel


def drafts_for(user):
    """Pages ``user`` may change that have a draft not yet published, in review first."""
    in_review = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return (
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["change", "publish"])
        .filter(has_unpublished_changes=True)
        .annotate(in_review=Exists(in_review))
        .order_by("-in_review", "-latest_revision_created_at")
    )


class EditorPanel(DashboardPanel):
    name = "editor_drafts"
    template_name = "website/home_editor_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        if not roles.has_role(self.request.user, roles.EDITOR):
            return {"drafts": None}
        return {"drafts": list(drafts_for(self.request.user)[:10])}
