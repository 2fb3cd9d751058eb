"""`manage.py ensure_admin`: make sure the demo administrator exists and can log in."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
DEFAULT_PASSWORD = "opencities-admin"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    """Create the superuser `admin` if missing; ADMIN_PASSWORD (if set) becomes its password."""

    help = (
        f"Create the superuser '{USERNAME}' with the password in the ADMIN_PASSWORD environment "
        f"variable (default '{DEFAULT_PASSWORD}'). Run again, it leaves a changed password alone "
        "unless ADMIN_PASSWORD is set. Outside the dev settings ADMIN_PASSWORD is required and "
        "must pass the password validators."
    )

    def handle(self, *args, **options):
        given = os.environ.get("ADMIN_PASSWORD")
        user_model = get_user_model()
        if not settings.ENSURE_ADMIN_ALLOWS_DEFAULT_PASSWORD:
            require_strong_password(given, user_model(username=USERNAME, email="admin@localhost"))
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


def require_strong_password(password, user):
    """Refuse a missing or weak ADMIN_PASSWORD (the default is public, so it is weak too)."""
    if not password or password == DEFAULT_PASSWORD:
        raise CommandError(
            "Set ADMIN_PASSWORD: outside the dev settings the public default password is refused."
        )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError("ADMIN_PASSWORD is too weak: " + " ".join(error.messages)) from error
