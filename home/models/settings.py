"""Site-wide settings editors change without a deploy: contact details, links, licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LinkBlock


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Partnership contact details, footer links and the default content licence."""

    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Shown in the footer of every page.")
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Postal address, if any."))
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Links shown in the footer (social accounts, partner sites)."),
    )
    licence_name = models.CharField(
        _("licence"),
        max_length=80,
        default="CC BY 4.0",
        help_text=_("Licence of published content and open data."),
    )
    licence_url = models.URLField(
        _("licence address"),
        default="https://creativecommons.org/licenses/by/4.0/",
        help_text=_("Where the licence text is."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("address"),
        FieldPanel("footer_links"),
        FieldPanel("licence_name"),
        FieldPanel("licence_url"),
    ]

    class Meta:
        verbose_name = _("site settings")
