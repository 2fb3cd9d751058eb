"""The admin form of event pages: times typed in the event's own zone, languages as checkboxes."""

import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.timezones import zone_choices
from home.forms import PageFormInItsLanguage


class EventPageForm(PageFormInItsLanguage):
    """Editors type 18:00 for an event at 18:00 in Jakarta, whatever the server's zone."""

    time_zone = forms.ChoiceField(
        label=_("time zone"),
        choices=zone_choices,
        initial="UTC",
        help_text=_("Where the times are given, e.g. Asia/Jakarta."),
    )
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages people can speak and listen in."),
    )

    def __init__(self, *args, **kwargs):
        """Show the stored times as the clock in the event's zone reads them."""
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.initial["languages"] = [c for c in (instance.languages or "").split("|") if c]
        if instance.start and instance.end:
            zone = zoneinfo.ZoneInfo(instance.time_zone)
            for name in ("start", "end"):
                # Naive, so the field shows it as it is instead of in the server's zone.
                self.initial[name] = getattr(instance, name).astimezone(zone).replace(tzinfo=None)

    def clean_languages(self):
        """The chosen codes stored as |en|es|, for filtering."""
        codes = sorted(self.cleaned_data["languages"])
        return "|" + "|".join(codes) + "|" if codes else ""

    def clean(self):
        """Read the typed times in the chosen zone rather than the server's."""
        cleaned = super().clean()
        name = cleaned.get("time_zone")
        if name:
            zone = zoneinfo.ZoneInfo(name)
            for field in ("start", "end"):
                value = cleaned.get(field)
                if value is not None:
                    wall_clock = timezone.make_naive(value)
                    cleaned[field] = wall_clock.replace(tzinfo=zone)
        return cleaned
