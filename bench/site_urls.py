from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """The cheapest Django response: the baseline for the cached page."""
    return HttpResponse("<!doctype html><title>bare</title><p>bare</p>")


urlpatterns = [path("bench/bare/", bare), path("", include("lienhiep.urls"))]
