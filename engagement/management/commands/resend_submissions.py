"""Retry e-mailing the submissions that could not be sent (run from cron)."""

from django.core.management.base import BaseCommand

from engagement.mail import resend_unsent


class Command(BaseCommand):
    """manage.py resend_submissions"""

    help = "E-mail again the form submissions that could not be sent."

    def handle(self, *args, **options):
        """Send what is unsent and report the counts."""
        sent, failed = resend_unsent()
        self.stdout.write(f"{sent} sent, {failed} still unsent.")
