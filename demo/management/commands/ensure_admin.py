"""`manage.py ensure_admin`: make sure the demo administrator exists and can log in."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
DEFAULT_PASSWORD = "opencities-admin"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    """Create the superuser `admin` if missing; ADMIN_PASSWORD (if set) becomes its password."""

    help = (
        f"Create the superuser '{USERNAME}' with the password in the ADMIN_PASSWORD environment "
        f"variable (default '{DEFAULT_PASSWORD}'). Run again, it leaves a changed password alone "
        "unless ADMIN_PASSWORD is set."
    )

    def handle(self, *args, **options):
        given = os.environ.get("ADMIN_PASSWORD")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@localhost"}
        )
        if created or (given and not user.check_password(given)):
            user.set_password(given or DEFAULT_PASSWORD)
        user.is_superuser = user.is_staff = user.is_active = True
        user.save()
        if given:
            password = "the value of ADMIN_PASSWORD"
        elif created or user.check_password(DEFAULT_PASSWORD):
            password = f"'{DEFAULT_PASSWORD}'"
        else:
            password = "the one you chose (set ADMIN_PASSWORD to reset it)"
        action = "Created the administrator" if created else "The administrator is ready"
        self.stdout.write(
            f"{action}: log in at {ADMIN_URL} as '{USERNAME}' with password {password}."
        )
