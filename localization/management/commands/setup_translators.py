"""manage.py setup_translators: one translators' group per configured target language."""

from django.core.management.base import BaseCommand

from localization.translators import setup_translator_groups


class Command(BaseCommand):
    """Create or repair the "Translators: <language>" groups; safe to run again at any time."""

    help = (
        "Create or update a 'Translators: <language>' group for each language in "
        "settings.LANGUAGES except the source: admin access, add and edit (not publish) on that "
        "language's home page tree, add and edit of taxonomy snippets, and wagtail-localize "
        "translation."
    )

    def handle(self, *args, **options):
        for group, home in setup_translator_groups():
            if home is None:
                self.stdout.write(
                    self.style.WARNING(
                        f"{group.name}: no home page in this language yet, so no page "
                        "permissions; translate the home page, then run this command again."
                    )
                )
            else:
                self.stdout.write(f"{group.name}: pages under “{home.title}” ({home.url_path})")
