"""Multilingual publication: language routing, translator groups, translation status."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """Language redirect and switcher, translator groups, status dashboard and stale notices."""

    name = "localization"
    verbose_name = _("Localization")
    default_auto_field = "django.db.models.BigAutoField"
