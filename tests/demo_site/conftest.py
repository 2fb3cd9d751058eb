"""The demo site, loaded once for this package's modules and rolled back after them.

`load_demo_content` builds several hundred translated pages, so both modules read one load
(under pytest-xdist they share a group, hence a worker). Illustrations are generated at full
size and then shrunk before they are stored: every page renders its image renditions, and
encoding AVIF and WebP from full-size originals would dominate the package's run time while
proving nothing more.
"""

import io

import pytest
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from demo.loading import media
from demo.loading.loader import load_demo_content
from home.models import Country, PolicyArea, SustainableDevelopmentGoal
from tests.conftest import rolled_back

# Under pytest-xdist with --dist loadgroup, every test marked with this group runs on one worker.
DEMO_GROUP = pytest.mark.xdist_group("demo_site")
TEST_IMAGE_SCALE = 4


def content_counts():
    """What the demo creates, counted."""
    return {
        "locales": Locale.objects.count(),
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "policy areas": PolicyArea.objects.count(),
        "goals": SustainableDevelopmentGoal.objects.count(),
        "countries": Country.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


def shrunk(render):
    """`render` with its image scaled down by TEST_IMAGE_SCALE, in the same format."""

    def render_small():
        original = Image.open(io.BytesIO(render()))
        small = original.resize(
            (original.width // TEST_IMAGE_SCALE, original.height // TEST_IMAGE_SCALE)
        )
        buffer = io.BytesIO()
        small.save(buffer, original.format)
        return buffer.getvalue()

    return render_small


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once: yields the loader's summary and the counts after the load."""
    generate = media.image
    media.image = lambda collection, title, filename, render: generate(
        collection, title, filename, shrunk(render)
    )
    try:
        with rolled_back(django_db_blocker):
            summary = load_demo_content()
            yield {"summary": summary, "counts": content_counts()}
    finally:
        media.image = generate
