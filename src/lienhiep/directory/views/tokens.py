"""The logins screen's section of one's own API tokens: make one (shown once), revoke one."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import tokens


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Token name"),
        max_length=100,
        help_text=gettext_lazy("What uses it, e.g. the federation's reporting script."),
    )


def token_list(request):
    form = TokenForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, shown = tokens.create_token(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = TokenForm()
    context = {"tokens": tokens.tokens_for(request.user), "form": form, "shown": shown}
    return TemplateResponse(request, "directory/token_list.html", context)


@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(tokens.tokens_for(request.user), pk=pk)
    try:
        tokens.revoke_token(user=request.user, token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
    return redirect("directory_tokens")
