from django import forms
from django.utils.translation import gettext_lazy as _

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
