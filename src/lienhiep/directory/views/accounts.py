"""The logins screen (Tài khoản): list, invite, change, deactivate, link a person."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .. import accounts
from ..account_forms import ChangeForm, InviteForm
from ..models import Person
from ..tokens import tokens_for
from .tokens import TokenForm


def _require_manager(request):
    if not accounts.can_manage_accounts(request.user):
        raise PermissionDenied


def account_list(request):
    _require_manager(request)
    rows = accounts.account_rows(request.user)
    context = {"rows": rows, "tokens": tokens_for(request.user), "form": TokenForm()}
    return TemplateResponse(request, "directory/account_list.html", context)


def _new_person(data, organisation):
    if not data.get("family_name"):
        return data.get("person")
    return Person.objects.create(
        code=f"TK-{data['username']}"[:40],
        family_name=data["family_name"],
        middle_name=data["middle_name"],
        given_name=data["given_name"],
        email=data["email"],
        home=organisation,
    )


def account_invite(request):
    _require_manager(request)
    form = InviteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                account = accounts.invite_account(
                    user=request.user,
                    username=data["username"],
                    email=data["email"],
                    wanted_roles=data["wanted_roles"],
                    organisation=data["organisation"],
                    person=_new_person(data, data["organisation"]),
                    site_url=request.build_absolute_uri("/"),
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(username)s is invited: the link to set a password went to %(email)s.")
                % {"username": account.username, "email": account.email},
            )
            return redirect("directory_accounts")
    return TemplateResponse(
        request, "directory/account_form.html", {"form": form, "title": _("Invite a person")}
    )


def account_edit(request, pk):
    _require_manager(request)
    account = get_object_or_404(accounts.accounts_for(request.user), pk=pk)
    if not accounts.may_change(request.user, account):
        raise PermissionDenied
    form = ChangeForm(request.POST or None, user=request.user, account=account)
    if request.method == "POST" and form.is_valid():
        try:
            _save_change(request.user, account, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The login %(username)s is saved.") % {"username": account})
            return redirect("directory_accounts")
    return TemplateResponse(
        request,
        "directory/account_form.html",
        {"form": form, "title": _("Login %(username)s") % {"username": account.username}},
    )


@transaction.atomic
def _save_change(user, account, data):
    accounts.change_account(
        user=user,
        account=account,
        wanted_roles=data["wanted_roles"],
        organisation=data["organisation"],
        is_active=data["is_active"],
    )
    if data["person"] is None:
        accounts.unlink_person(user=user, account=account)
    else:
        accounts.link_person(user=user, account=account, person=data["person"])
