"""The join and contact pages: show the form, store what is sent, then e-mail it."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from engagement.abuse import over_rate_limit
from engagement.forms import ContactForm, JoinForm
from engagement.mail import send_submission
from engagement.models import Submission, SubmissionKind

# What people can send at most (bytes), before any form is read.
MAX_BODY_BYTES = 20_000

FORMS = {SubmissionKind.JOIN: JoinForm, SubmissionKind.CONTACT: ContactForm}


def store(form, kind, language):
    """The submission saved from a valid form, with the consent wording as shown."""
    return Submission.objects.create(
        kind=kind,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        organisation=form.cleaned_data.get("organisation", ""),
        answers=form.answers(),
        language=language,
        consent=form.cleaned_data["consent"],
        consent_text=str(form.fields["consent"].label),
    )


@never_cache
def submission_form(request, kind):
    """GET shows the form; a valid POST is stored, e-mailed and answered with a confirmation."""
    language = translation.get_language()
    form_class = FORMS[kind]
    status, error = 200, ""
    if request.method == "POST":
        too_big = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
        # Too big a body is not even read: the form comes back empty with the reason.
        form = form_class(None if too_big else request.POST, language_code=language)
        if too_big:
            error, status = _("What you sent is too long. Please shorten it."), 400
        elif over_rate_limit(request, kind):
            form.add_error(None, _("Too many messages from your address. Please try later."))
            status = 429
        elif form.is_valid():
            submission = store(form, kind, language)
            send_submission(submission)
            return HttpResponseRedirect(reverse(f"engagement:{kind}_thanks"))
        else:
            status = 400
    else:
        form = form_class(language_code=language)
    context = {"form": form, "kind": kind, "error": error}
    return render(request, "engagement/form_page.html", context, status=status)


def thanks(request, kind):
    """The confirmation page."""
    return render(request, "engagement/thanks.html", {"kind": kind})
