"""E-mail of submissions: to the partnership, and a confirmation to the visitor in their language.

A submission is stored before this runs; when sending fails it stays marked unsent, and
`manage.py resend_submissions` tries again.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from engagement.models import Submission

logger = logging.getLogger(__name__)


def send_submission(submission):
    """E-mail the submission and its confirmation; returns whether both were sent."""
    submission.send_attempts += 1
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                f"[{submission.get_kind_display()}] {submission.organisation or submission.name}",
                render_to_string("engagement/email_notification.txt", {"submission": submission}),
                None,
                [settings.ENGAGEMENT_EMAIL_TO],
                fail_silently=False,
            )
        with translation.override(submission.language):
            send_mail(
                render_to_string(
                    "engagement/email_confirmation_subject.txt", {"submission": submission}
                ).strip(),
                render_to_string("engagement/email_confirmation.txt", {"submission": submission}),
                None,
                [submission.email],
                fail_silently=False,
            )
    except Exception as error:  # any backend failure: keep the submission for a retry
        logger.warning("Submission %s not e-mailed: %r", submission.pk, error)
        submission.last_error = repr(error)[:300]
        submission.save(update_fields=["send_attempts", "last_error"])
        return False
    submission.sent = True
    submission.last_error = ""
    submission.save(update_fields=["sent", "send_attempts", "last_error"])
    return True


def resend_unsent():
    """Try again every submission not e-mailed yet; returns (sent, still unsent)."""
    sent = failed = 0
    for submission in Submission.objects.filter(sent=False).order_by("created_at"):
        if send_submission(submission):
            sent += 1
        else:
            failed += 1
    return sent, failed
