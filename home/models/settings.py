"""Site-wide settings editors change without a deploy: contact details, links, licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import LinkBlock
from home.localization import localized_live_pages


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Partnership contact details, footer links, statements and the default content licence."""

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
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer, in each language where it is translated."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer, in each language where it is translated."),
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
        PageChooserPanel("accessibility_page"),
        PageChooserPanel("privacy_page"),
        FieldPanel("licence_name"),
        FieldPanel("licence_url"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def statement_pages(self, locale):
        """The live accessibility statement and privacy notice chosen, each in `locale` where
        it is translated (else the source language); those not chosen or not live left out."""
        ids = [pk for pk in (self.accessibility_page_id, self.privacy_page_id) if pk]
        if not ids:
            return []
        keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        found = localized_live_pages(Page, [keys[pk] for pk in ids if pk in keys], locale)
        return [page for page in found if page is not None]
