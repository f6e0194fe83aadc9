from wagtail import hooks

from .viewsets import ProjectViewSet


@hooks.register("register_admin_viewset")
def register_projects():
    return ProjectViewSet()
