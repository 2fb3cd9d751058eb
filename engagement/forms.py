"""The join and contact forms, with abuse checks that need no third party.

A honeypot field people never see, a signed timestamp (a form sent faster than a person can fill
it is refused) and length limits on every field; the per-address rate limit is in `abuse.py`.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import Country, PolicyArea

TIMESTAMP_SALT = "engagement.form-started"


class GovernmentKind:
    """The kinds of local government that can join."""

    choices = [
        ("city", _("City or municipality")),
        ("province", _("Province or state")),
        ("region", _("Region")),
        ("county", _("County or district")),
        ("other", _("Other local government")),
    ]


def signed_start():
    """A signed timestamp of when the form was shown."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(str(timezone.now().timestamp()))


class SubmissionForm(forms.Form):
    """Fields and checks every public form shares: honeypot, fill time, consent."""

    # People never see this field (it is hidden by the stylesheet and from screen readers); a
    # robot that fills every field fills it.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, max_length=200)
    consent = forms.BooleanField(
        label=_(
            "I agree that the partnership stores what I send to answer me, as the privacy "
            "notice explains."
        ),
    )

    def __init__(self, *args, **kwargs):
        """A fresh signed timestamp each time the form is shown."""
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signed_start()

    def clean(self):
        """Refuse a filled honeypot and a form sent too fast or with a forged timestamp."""
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("This message looks automated and was not sent."))
        try:
            started = float(
                signing.TimestampSigner(salt=TIMESTAMP_SALT).unsign(
                    self.data.get("started", ""), max_age=settings.FORM_MAX_AGE_SECONDS
                )
            )
        except (signing.BadSignature, ValueError) as error:
            raise forms.ValidationError(
                _("This form has expired. Please fill it in again.")
            ) from error
        if timezone.now().timestamp() - started < settings.FORM_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very fast. Please check your answers and send the form again.")
            )
        return cleaned

    def answers(self):
        """The form's own answers (not the checks) as a dict for storing."""
        skip = {"website", "started", "consent", "name", "email"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


def localized_choices(model, language_code):
    """(slug, name) of a taxonomy in the visitor's language (English where untranslated)."""
    locale = Locale.objects.filter(language_code=language_code).first()
    terms = model.objects.filter(locale=locale) if locale else model.objects.none()
    if not terms.exists():
        terms = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return [(term.slug, term.name) for term in terms.order_by("name")]


class JoinForm(SubmissionForm):
    """A government's expression of interest in joining the partnership."""

    organisation = forms.CharField(label=_("Name of the government"), max_length=200)
    government_kind = forms.ChoiceField(
        label=_("Kind of government"), choices=GovernmentKind.choices
    )
    country = forms.ChoiceField(label=_("Country"))
    name = forms.CharField(label=_("Contact person"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    civil_society_partner = forms.CharField(
        label=_("Civil society partner"),
        max_length=300,
        required=False,
        help_text=_("The organisation you would work with, if you have one already."),
    )
    policy_areas = forms.MultipleChoiceField(
        label=_("What you want to work on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Anything else we should know"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    field_order = [
        "organisation", "government_kind", "country", "name", "role", "email",
        "civil_society_partner", "policy_areas", "message", "consent", "website", "started",
    ]  # fmt: skip

    def __init__(self, *args, language_code="en", **kwargs):
        """Countries and policy areas in the visitor's language."""
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---")] + localized_choices(Country, language_code)
        self.fields["policy_areas"].choices = localized_choices(PolicyArea, language_code)


class ContactForm(SubmissionForm):
    """A message to the partnership."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )

    field_order = ["name", "email", "organisation", "subject", "message", "consent", "website"]

    def __init__(self, *args, language_code="en", **kwargs):
        """The same signature as the join form."""
        super().__init__(*args, **kwargs)
