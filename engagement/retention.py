"""How long submissions are kept, and deleting one person's data on request."""

import datetime

from django.conf import settings
from django.utils import timezone

from engagement.models import Submission


def delete_expired(now=None):
    """Delete submissions older than SUBMISSION_RETENTION_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
    deleted, _by_model = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def submissions_of(email):
    """Every submission sent from one e-mail address (case-insensitive)."""
    return Submission.objects.filter(email__iexact=email.strip())
