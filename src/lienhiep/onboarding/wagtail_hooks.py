from django.urls import path
from wagtail import hooks

from .views import setup_view


@hooks.register("register_admin_urls")
def register_setup_url():
    return [path("setup/", setup_view, name="onboarding_setup")]
