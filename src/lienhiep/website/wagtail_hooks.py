from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.widgets import HeaderButton

from . import admin_views, import_views


@hooks.register("register_admin_urls")
def register_news_draft_url():
    """The report run screen's "draft a news article" button (``reports`` links it by name)."""
    return [
        path(
            "website/news-draft/<int:pk>/",
            admin_views.news_draft_view,
            name="website_news_draft",
        )
    ]


@hooks.register("after_publish_page")
@hooks.register("after_edit_page")
def schedule_publishing(request, page):
    """A revision scheduled for later is published by the task worker when its time comes."""
    from django_tasks import default_task_backend

    from .tasks import publish_scheduled_pages

    revision = page.scheduled_revision
    go_live = getattr(revision, "approved_go_live_at", None) or page.go_live_at
    if go_live and go_live > timezone.now() and default_task_backend.supports_defer:
        publish_scheduled_pages.using(run_after=go_live).enqueue()


@hooks.register("register_admin_urls")
def register_news_import_url():
    return [
        path("website/news-import/", import_views.import_view, name="website_news_import"),
        path(
            "website/news-import/<int:pk>/",
            import_views.status_view,
            name="website_news_import_status",
        ),
    ]


@hooks.register("register_log_actions")
def register_news_import_actions(actions):
    actions.register_action(
        "website.news_import.queued", _("Queue news import"), _("News file queued for import")
    )
    actions.register_action("website.news_import.done", _("Import news"), _("News imported"))
    actions.register_action(
        "website.news_import.refused", _("Refuse news import"), _("News import refused")
    )
    actions.register_action(
        "website.news_import.failed", _("News import failed"), _("News import failed")
    )


@hooks.register("register_page_header_buttons")
def news_import_button(page, user, view_name, next_url=None):
    """The import is offered on the news section it fills."""
    if import_views.may_import_into(page, user):
        yield HeaderButton(
            _("Import news"), reverse("website_news_import"), icon_name="upload", priority=80
        )


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    """Wagtail's "page types usage" lists page models by their code (website.newsarticlepage)."""
    menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_homepage_panels")
def add_editor_panel(request, home_panels):
    from .home_panels import EditorPanel

    home_panels.append(EditorPanel(request))


#: Wagtail's dashboard panels about pages: to moderate, in moderation, recently edited, locked.
PAGE_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "recent_edits",
    "locked_pages",
}


@hooks.register("construct_homepage_panels")
def drop_page_panels_for_who_edits_no_page(request, panels):
    """A login that may edit no page (union staff, officers, judges) sees no page panel: each
    was empty for them and cost queries on every dashboard."""
    if not user_has_any_page_permission(request.user):
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in PAGE_PANELS]
