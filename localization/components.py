"""The admin home panel that shows translators the work waiting in their languages."""

from wagtail.admin.ui.components import Component

from localization.status import IN_PROGRESS, MISSING, STALE, translation_status
from localization.views import translation_status_url


class TranslationWorkPanel(Component):
    """Missing, in-progress and stale pages per language, each linking to the filtered dashboard."""

    name = "translation_work"
    template_name = "localization/home_panel.html"
    order = 90

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        """One line per language with its counts and dashboard links."""
        status = translation_status(locales=self.locales)
        languages = []
        for locale in status.locales:
            counts = status.totals[locale.pk]
            languages.append(
                {
                    "locale": locale,
                    "items": [
                        {
                            "state": state,
                            "count": counts[state],
                            "url": translation_status_url(
                                language=locale.language_code, state=state
                            ),
                        }
                        for state in (MISSING, IN_PROGRESS, STALE)
                    ],
                    "url": translation_status_url(language=locale.language_code),
                }
            )
        return {"languages": languages, "dashboard_url": translation_status_url()}
