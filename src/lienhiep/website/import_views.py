"""The admin screen that brings a union's existing news in from a feed or WordPress export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy

from . import news_imports
from .enums import NewsImportState
from .models import NewsImport, NewsIndexPage


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
    """Send a file: it is checked at once and imported by the task worker; an import that is
    done before the answer (the immediate backend of the demo) goes straight to the section."""
    indexes = indexes_for(request.user)
    if not indexes:
        raise PermissionDenied
    form = NewsImportForm(request.POST or None, request.FILES or None, indexes=indexes)
    problems = []
    if request.method == "POST" and form.is_valid():
        index = next(i for i in indexes if i.pk == form.cleaned_data["index"])
        try:
            job = news_imports.queue_news_import(
                index=index, upload=form.cleaned_data["file"], user=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        except news_imports.NewsFileRefused as refused:
            problems = refused.problems
        else:
            if job.state == NewsImportState.DONE:
                messages.success(request, news_imports.summary(job))
                return redirect("wagtailadmin_explore", index.pk)
            return redirect("website_news_import_status", job.pk)
    recent = NewsImport.objects.filter(index__in=indexes).select_related("index")[:5]
    context = {"form": form, "problems": problems, "recent": recent}
    return TemplateResponse(request, "website/news_import.html", context)


def status_view(request, pk):
    """How far an import is (the screen reloads itself while the worker runs), then what it did
    or every problem that stopped it."""
    job = get_object_or_404(
        NewsImport.objects.filter(index__in=indexes_for(request.user)).select_related("index"),
        pk=pk,
    )
    context = {
        "job": job,
        "done": news_imports.articles_done(job),
        "summary": news_imports.summary(job) if job.state == NewsImportState.DONE else "",
    }
    return TemplateResponse(request, "website/news_import_status.html", context)


def may_import_into(page, user):
    return isinstance(page.specific_deferred, NewsIndexPage) and (
        page.permissions_for_user(user).can_publish_subpage()
    )
