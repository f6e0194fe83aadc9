from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IssueTokenForm(forms.Form):
    union = forms.ModelChoiceField(label=_("Provincial union"), queryset=None)
    fingerprint = forms.CharField(
        label=_("Fingerprint of the union's key"),
        required=False,
        max_length=100,
        help_text=_(
            "Optional: the fingerprint the union read you (manage.py federation_key). Left empty, "
            "the key of the first package sent with this token is the one it accepts."
        ),
    )

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions


class ConnectionForm(forms.Form):
    url = forms.URLField(
        label=_("Federation's address"),
        max_length=300,
        help_text=_(
            "For example https://lienhiephoi.vn: the packages go to its /api/v1/packages/."
        ),
    )
    token = forms.CharField(
        label=_("Sending token"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_(
            "The token the federation issued to your union; leave empty to keep the one kept."
        ),
    )


class SendForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


def last_year():
    return timezone.localdate().year - 1
