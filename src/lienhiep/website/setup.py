"""Set up a union's public site: the home page as the site root, sections, editors and review."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lienhiep.core.sites import site_of
from lienhiep.directory import roles
from lienhiep.directory.rules import sync_site_groups

from .models import (
    ContestIndexPage,
    HomePage,
    HonoursIndexPage,
    JournalIndexPage,
    NewsIndexPage,
    SiteSettings,
)

WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Lãnh đạo Liên hiệp hội duyệt"


def ensure_tree():
    """The page tree root, default locale and root collection (made by Wagtail's migrations)."""
    from django.conf import settings
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_home(organisation, hostname=None):
    """The union's home page under the tree root, the root page of its site.

    Without ``hostname`` the site is the default one (the installation's first union, which
    answers every host name no other site has); with it, a site of its own at that host name
    (a union hosted on the installation beside the first).
    """
    home = HomePage.objects.filter(organisation=organisation).first()
    if home is None and hostname is None:
        home = HomePage.objects.first()
    if home is None:
        root = ensure_tree()
        home = root.add_child(
            instance=HomePage(
                title=organisation.name,
                slug="trang-chu" if hostname is None else organisation.slug,
                organisation=organisation,
                intro=f"<p>Cổng thông tin của {organisation.name}.</p>",
            )
        )
    # the union's own site (the default one for the first union), else a new one
    default = hostname is None
    site = site_of(organisation, default=default) or Site(is_default_site=default)
    site.hostname = hostname or "127.0.0.1"
    site.root_page, site.port, site.site_name = home, 80, organisation.name
    site.save()
    for page in Page.objects.filter(depth=2).exclude(pk=home.pk).not_type(HomePage):
        page.delete()  # Wagtail's "Welcome" page
    settings = SiteSettings.for_site(site)
    settings.union_name = organisation.name
    settings.address, settings.phone, settings.email = (
        organisation.address,
        organisation.phone,
        organisation.email,
    )
    settings.save()
    return home


def ensure_section(home, model, title, slug, **fields):
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = home.add_child(instance=model(title=title, slug=slug, show_in_menus=True, **fields))
    return page


def ensure_sections(home):
    return {
        "news": ensure_section(home, NewsIndexPage, "Tin tức", "tin-tuc"),
        "journal": ensure_section(home, JournalIndexPage, "Tập san", "tap-san"),
        "contests": ensure_section(home, ContestIndexPage, "Hội thi sáng tạo", "hoi-thi"),
        "honours": ensure_section(home, HonoursIndexPage, "Tôn vinh trí thức", "ton-vinh"),
    }


def ensure_editorial_roles(home):
    """Editors write and submit; union leaders review and publish, through the review workflow.

    The page rights are held by the site's own groups (``roles.site_group``: "Biên tập viên ·
    hoa-an"), on its home page only, so that one hosted union's editors never edit another's
    pages; the role groups keep the rights every site shares (images, documents).
    """
    editor, leader = roles.group(roles.EDITOR), roles.group(roles.UNION_LEADER)
    union = home.organisation
    GroupPagePermission.objects.filter(page=home, group__in=[editor, leader]).delete()
    for role, codenames in (
        (roles.EDITOR, ["add_page", "change_page"]),
        (roles.UNION_LEADER, ["add_page", "change_page", "publish_page"]),
    ):
        group = roles.site_group(role, union) if union else roles.group(role)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    for group in (editor, leader):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"],
                codename__in=["add_image", "choose_image", "add_document", "choose_document"],
            )
        )
    for user in get_user_model().objects.filter(groups__in=[editor, leader]).distinct():
        sync_site_groups(user)
    # the review is the site's own too: a task's group may open the editor of every page under it
    suffix = f"{roles.SITE_GROUP_SEPARATOR}{union.slug}" if union else ""
    approvers = roles.site_group(roles.UNION_LEADER, union) if union else leader
    task = GroupApprovalTask.objects.filter(name=TASK_NAME + suffix).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME + suffix)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME + suffix)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def ensure_site(organisation, hostname=None):
    home = ensure_home(organisation, hostname)
    sections = ensure_sections(home)
    ensure_editorial_roles(home)
    return home, sections


def ensure_page_rights_after_migrate(sender, **kwargs):
    """Once per ``migrate`` (after ``roles.ensure_groups``): every union's site gets its own
    page-rights groups, and editors and leaders their union's (installations set up before)."""
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        for home in HomePage.objects.filter(organisation__isnull=False):
            ensure_editorial_roles(home)
