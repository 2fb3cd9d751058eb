"""`manage.py ensure_admin`: make sure the demo administrator exists and can log in."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
DEFAULT_PASSWORD = "opencities-admin"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    """Create (or reset) the superuser `admin`, password from ADMIN_PASSWORD or the default."""

    help = (
        "Create the superuser 'admin' (password from the ADMIN_PASSWORD environment variable, "
        f"default '{DEFAULT_PASSWORD}'). Safe to run again."
    )

    def handle(self, *args, **options):
        password = os.environ.get("ADMIN_PASSWORD") or DEFAULT_PASSWORD
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@localhost"}
        )
        changed = created or not user.check_password(password)
        if not (user.is_superuser and user.is_staff and user.is_active):
            user.is_superuser = user.is_staff = user.is_active = True
            changed = True
        if changed:
            user.set_password(password)
            user.save()
        shown = password if password == DEFAULT_PASSWORD else "the value of ADMIN_PASSWORD"
        self.stdout.write(
            f"{'Created' if created else 'Admin user ready'}: log in at {ADMIN_URL} "
            f"as '{USERNAME}' with password {shown}."
        )
