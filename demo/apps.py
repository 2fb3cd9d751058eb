"""Demo content built from the partnership's brochure."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Loads the demo site (`manage.py load_demo_content`)."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
