from django.urls import path
from wagtail import hooks

from .views import figures
from .viewsets import ProjectViewSet


@hooks.register("register_admin_viewset")
def register_projects():
    return ProjectViewSet()


@hooks.register("register_admin_urls")
def register_project_urls():
    return [
        path(
            "community/projects/<int:pk>/figures/",
            figures.figures_view,
            name="community_project_figures",
        )
    ]
