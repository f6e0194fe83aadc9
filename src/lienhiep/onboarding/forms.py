from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from lienhiep.core.formatting import slugify_vi
from lienhiep.directory.models import Organisation, Province


class SetupForm(forms.Form):
    name = forms.CharField(
        label=_("Union's name"),
        max_length=300,
        help_text=_("e.g. Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"),
    )
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all())
    slug = forms.SlugField(
        label=_("Code"),
        max_length=150,
        required=False,
        help_text=_("Letters without accents, digits and hyphens; made from the name if empty."),
    )
    abbreviation = forms.CharField(
        label=_("Abbreviation in document symbols"), max_length=30, initial="LHH"
    )
    place_name = forms.CharField(
        label=_("Place in the date line"),
        max_length=100,
        required=False,
        help_text=_("e.g. Lâm Đồng; the province's name if empty."),
    )
    signer_name = forms.CharField(label=_("Signer's name"), max_length=100)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=100, initial="CHỦ TỊCH")
    logo = forms.ImageField(label=_("Logo"), required=False)

    def clean_slug(self):
        slug = self.cleaned_data["slug"] or slugify_vi(self.cleaned_data.get("name", ""))[:150]
        if Organisation.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another organisation already has this code."))
        return slug


HOST_NAME = RegexValidator(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$",
    _("Enter a host name such as lienhiep.lamdong.vn: letters, digits, hyphens and dots."),
)


class HostedUnionForm(SetupForm):
    """Another union hosted on this installation: the first-run fields and its host name."""

    hostname = forms.CharField(
        label=_("Host name of its website"),
        max_length=255,
        help_text=_("e.g. lienhiep.lamdong.vn; point this name at the installation's server."),
    )
    username = forms.CharField(
        label=_("First staff login"),
        max_length=150,
        required=False,
        help_text=_("Invited by e-mail to set a password; scoped to this union."),
    )
    email = forms.EmailField(label=_("Its e-mail address"), required=False)

    field_order = ["name", "hostname"]

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower().rstrip(".")
        HOST_NAME(hostname)
        if Site.objects.filter(hostname=hostname).exists():
            raise forms.ValidationError(_("Another website already has this host name."))
        return hostname

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("username") and not cleaned.get("email"):
            self.add_error("email", _("The invitation is sent to this address."))
        return cleaned
