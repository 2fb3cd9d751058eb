"""What people learn from: knowledge products and training modules."""

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Knowledge products, training modules and their listings."""

    name = "knowledge"
    default_auto_field = "django.db.models.BigAutoField"
