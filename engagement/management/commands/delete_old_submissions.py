"""Delete submissions older than the retention period (run from cron)."""

from django.core.management.base import BaseCommand

from engagement.retention import delete_expired


class Command(BaseCommand):
    """manage.py delete_old_submissions"""

    help = "Delete form submissions older than SUBMISSION_RETENTION_DAYS."

    def handle(self, *args, **options):
        """Delete and report how many."""
        self.stdout.write(f"{delete_expired()} submissions deleted.")
