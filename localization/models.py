"""Which language each translators' group works in."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatorGroup(models.Model):
    """Ties a permission group to the one locale its members translate into.

    Recorded explicitly (rather than read from the group's name) so that renaming a group in the
    admin does not change what its members may edit.
    """

    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="translator_locale",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        on_delete=models.CASCADE,
        related_name="translator_groups",
    )

    class Meta:
        verbose_name = _("translators' group")
        verbose_name_plural = _("translators' groups")

    def __str__(self):
        return f"{self.group.name} ({self.locale.language_code})"
