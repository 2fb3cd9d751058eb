"""Local media on one server: images answered with long cache headers and nosniff, documents only
as downloads through Wagtail's view, and nothing else of the disk reachable."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_rendition_is_served_with_long_cache_headers_and_nosniff(client):
    rendition = factories.ImageFactory().get_rendition("fill-80x60")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg" or response["Content-Type"].startswith("image/")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        "Content-Disposition" not in response or "attachment" not in response["Content-Disposition"]
    )
    assert b"".join(response.streaming_content)


def test_an_original_image_is_served_with_a_shorter_cache(client):
    image = factories.ImageFactory()
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize(
    "address",
    [
        "/media/",
        "/media/original_images/",
        "/media/..%2f..%2fcms%2fsettings%2fbase.py",
        "/media/%2e%2e/%2e%2e/README.md",
        "/media/.hidden",
        "/media/missing.png",
    ],
)
def test_folders_hidden_files_and_paths_outside_media_are_not_found(client, address):
    assert client.get(address).status_code == 404


def test_documents_are_downloads_through_wagtails_view_only(client):
    document = Document.objects.create(
        title="Report", file=ContentFile(b"<html>x</html>", "report.txt")
    )
    assert client.get(document.file.url).status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_media_is_served_by_the_app_when_it_is_not_on_s3(settings):
    from django.urls import resolve

    assert not settings.MEDIA_S3_BUCKET
    assert resolve("/media/images/photo.fill-80x60.jpg").func.__name__ == "serve_media"
