"""Uploads an editor should not store are refused in the form, in the editor's language.

Pixel bombs, files too big and files whose content is not what their extension says leave no
image or document row and no file behind.
"""

import os
import re
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.users.models import UserProfile

from tests import factories
from tests.conftest import make_locales, rolled_back

pytestmark = pytest.mark.xdist_group("uploads")


def png_chunk(kind, data):
    """One PNG chunk: length, type, data and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, rows=None):
    """A one-bit greyscale PNG of that size; all rows zero (compressed) unless `rows` is given."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    count = height if rows is None else rows
    data = b"".join(compressor.compress(row) for _ in range(count)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture(scope="module")
def bomb():
    """A real 20000x20000 PNG of about 48 KB."""
    return png(20000, 20000)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """The locales (the editors' group comes with the migrations)."""
    with rolled_back(django_db_blocker):
        yield {"locales": make_locales()}


@pytest.fixture
def editor(module_data, django_user_model):
    """A signed-in communications editor whose admin speaks Spanish."""
    user = factories.make_user("editor", "Communications editors")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def stored_files():
    """Every file under the media folder."""
    return {
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


@pytest.fixture
def nothing_stored(module_data):
    """Assert, after the test, that no image, document or file was added."""
    before = (Image.objects.count(), Document.objects.count(), stored_files())
    yield
    assert (Image.objects.count(), Document.objects.count(), stored_files()) == before


def upload_image(client, name, content):
    """Post one image to the admin's add form."""
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post("/admin/images/add/", {"title": "Upload", "file": upload})


def upload_images(client, name, content):
    """Post one image to the admin's multiple upload (the drag and drop screen)."""
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post("/admin/images/multiple/add/", {"files[]": upload})


def form_error(response):
    """The file field's error of a re-shown add form."""
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors
    return " ".join(errors["file"])


@pytest.mark.parametrize(
    "content", ["bomb", png(60000, 60000, rows=1)], ids=["20000x20000", "header-60000x60000"]
)
def test_a_pixel_bomb_is_refused_in_the_add_form(editor, nothing_stored, bomb, content):
    content = bomb if content == "bomb" else content
    message = form_error(upload_image(editor, "bomb.png", content))
    assert re.search("p[ií]xeles", message)


def test_a_pixel_bomb_is_refused_by_the_multiple_upload(editor, nothing_stored, bomb):
    response = upload_images(editor, "bomb.png", bomb)
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert re.search("p[ií]xeles", answer["error_message"])


def test_an_image_over_the_pixel_limit_is_refused(editor, nothing_stored, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    message = form_error(upload_image(editor, "wide.png", png(200, 100)))
    assert re.search("p[ií]xeles", message)


def test_an_image_over_the_byte_limit_is_refused(editor, nothing_stored, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    message = form_error(upload_image(editor, "heavy.png", png(2000, 2000)))
    assert "demasiado grande" in message


@pytest.mark.parametrize("name", ["page.png", "page.jpg", "page.gif"])
def test_html_named_as_an_image_is_refused(editor, nothing_stored, name):
    assert form_error(upload_image(editor, name, HTML))
    assert upload_images(editor, name, HTML).json()["success"] is False


def test_a_good_image_is_still_stored(editor, module_data):
    response = upload_image(editor, "fine.png", png(64, 48))
    assert response.status_code == 302
    image = Image.objects.get(title="Upload")
    assert (image.width, image.height) == (64, 48)


def upload_document(client, name, content):
    """Post one document to the admin's add form."""
    upload = SimpleUploadedFile(name, content)
    return client.post("/admin/documents/add/", {"title": "Report", "file": upload})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", HTML),
        ("report.docx", HTML),
        ("data.xlsx", b"%PDF-1.7 not a spreadsheet"),
        ("archive.zip", b"MZ\x90\x00 an executable"),
        ("notes.txt", b"\x00\x01\x02 binary \xff\xfe"),
        ("data.csv", b"MZ\x90\x00\x03\x00\x00\x00"),
    ],
)
def test_a_document_whose_content_is_not_its_extension_is_refused(
    editor, nothing_stored, name, content
):
    message = form_error(upload_document(editor, name, content))
    assert "no corresponde" in message


def test_a_document_over_the_byte_limit_is_refused(editor, nothing_stored, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    message = form_error(upload_document(editor, "report.pdf", b"%PDF-1.7\n" + b"x" * 200))
    assert "demasiado grande" in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("data.csv", "city,año\nMadrid,2024\n".encode()),
        ("archive.zip", b"PK\x05\x06" + b"\x00" * 18),
    ],
)
def test_a_real_document_is_still_stored(editor, module_data, name, content):
    response = upload_document(editor, name, content)
    assert response.status_code == 302, response.context["form"].errors
    assert Document.objects.filter(title="Report").count() == 1
