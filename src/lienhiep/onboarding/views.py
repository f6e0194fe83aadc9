"""The first-run screen: the operator's first login sets up the union and its website."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from lienhiep.directory.setup import has_union

from . import services
from .forms import HostedUnionForm, SetupForm


def setup_view(request):
    if not services.may_set_up(request.user):
        raise PermissionDenied
    if has_union():
        return redirect("wagtailadmin_home")
    form = SetupForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            services.setup_union(user=request.user, logo=fields.pop("logo"), **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The union and its website are set up."))
            return redirect("wagtailadmin_home")
    return TemplateResponse(request, "onboarding/setup.html", {"form": form})


def hosted_unions_view(request):
    """The unions hosted on this installation, each with its site, and the form to add one."""
    if not services.may_set_up(request.user):
        raise PermissionDenied
    if not has_union():
        return redirect("onboarding_setup")
    form = HostedUnionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        username, email = fields.pop("username"), fields.pop("email")
        invite = None
        if username:
            site_url = f"{request.scheme}://{fields['hostname']}"
            invite = {"username": username, "email": email, "site_url": site_url}
        try:
            union, _account = services.setup_union(
                user=request.user, logo=fields.pop("logo"), invite=invite, **fields
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(union)s and its website at %(host)s are set up.")
                % {"union": union.name, "host": fields["hostname"]},
            )
            return redirect("onboarding_hosted")
    context = {"form": form, "sites": Site.objects.select_related("root_page").order_by("pk")}
    return TemplateResponse(request, "onboarding/hosted.html", context)


class FirstRunMiddleware:
    """Sends the administrator from the admin home to the setup screen until a union exists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path == reverse("wagtailadmin_home")
            and services.may_set_up(request.user)
            and not has_union()
        ):
            return redirect("onboarding_setup")
        return self.get_response(request)
