"""Permission names in Vietnamese; Wagtail's default groups and workflow give way to ours."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, Workflow

from lienhiep.directory import roles
from lienhiep.directory.permission_names import name_permissions
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_permissions_are_named_in_vietnamese():
    Permission.objects.filter(codename="add_activity").update(name="Can add activity")
    Permission.objects.filter(codename="lock_page").update(name="Lock/unlock pages you've locked")
    name_permissions()
    names = dict(Permission.objects.values_list("codename", "name"))
    assert names["add_activity"] == "Thêm hoạt động"
    assert names["lock_page"] == "Khóa/mở khóa trang bạn đã khóa"
    assert not Permission.objects.filter(name__startswith="Can ").exists()  # "Can choose image" too


def test_wagtails_default_groups_and_workflow_are_removed_unless_used():
    Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    make_user().groups.add(moderators)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    Workflow.objects.create(name="Moderators approval").workflow_tasks.create(task=task)
    roles.remove_wagtail_defaults()
    assert list(
        Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("name", flat=True)
    ) == ["Moderators"]
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()
