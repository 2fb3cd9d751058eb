"""The translation status dashboard's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from localization.status import SECTIONS, STATES


class TranslationStatusFilterForm(forms.Form):
    """Section, language and state filters; every field optional."""

    section = forms.ChoiceField(
        label=_("Section"), required=False, choices=[("", _("All sections")), *SECTIONS]
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states")), *STATES]
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("All languages")),
            *[(locale.language_code, locale.get_display_name()) for locale in locales],
        ]
