"""The admin screen that brings a union's existing news in from a feed or WordPress export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import NewsIndexPage
from .news_import import import_news


def indexes_for(user):
    """The news sections where the user may publish (Wagtail's page permissions)."""
    return [
        index
        for index in NewsIndexPage.objects.all()
        if index.permissions_for_user(user).can_publish_subpage()
    ]


class NewsImportForm(forms.Form):
    index = forms.TypedChoiceField(label=gettext_lazy("News section"), coerce=int)
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "An RSS or Atom feed (.xml), a WordPress export (.xml), or a ZIP of that file "
            "with the site's pictures (wp-content/uploads)."
        ),
    )

    def __init__(self, *args, indexes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index"].choices = [(i.pk, i.get_admin_display_title()) for i in indexes]


def import_view(request):
    indexes = indexes_for(request.user)
    if not indexes:
        raise PermissionDenied
    form = NewsImportForm(request.POST or None, request.FILES or None, indexes=indexes)
    result = None
    if request.method == "POST" and form.is_valid():
        index = next(i for i in indexes if i.pk == form.cleaned_data["index"])
        try:
            result = import_news(
                index=index, content=form.cleaned_data["file"].read(), user=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if result.ok:
                messages.success(request, summary(result))
                return redirect("wagtailadmin_explore", index.pk)
    return TemplateResponse(request, "website/news_import.html", {"form": form, "result": result})


def summary(result):
    said = _("Imported %(created)s articles; %(skipped)s already on the site.") % {
        "created": len(result.created),
        "skipped": len(result.skipped),
    }
    if result.missing_pictures:
        said += " " + _("%(count)s pictures were not in the file and were left out.") % {
            "count": len(result.missing_pictures)
        }
    return said


def may_import_into(page, user):
    return isinstance(page.specific_deferred, NewsIndexPage) and (
        page.permissions_for_user(user).can_publish_subpage()
    )
