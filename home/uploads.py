"""Upload forms that refuse, with a message, what Wagtail's own forms would store or crash on.

Images: Pillow refuses to open a picture of more than twice its own pixel limit (a
"decompression bomb", e.g. a 48 KB PNG of 20000x20000) with an exception that Wagtail's field
lets escape as a 500; here it is a form error like Wagtail's own pixel-count error.
Documents: Wagtail checks only the extension, so an HTML page named report.pdf would be stored
and offered as a PDF; here the content must match the extension, and the size is bounded.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# The first bytes of each binary document format (Office and OpenDocument files are zip files).
ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP_STARTS,
    "xlsx": ZIP_STARTS,
    "pptx": ZIP_STARTS,
    "odt": ZIP_STARTS,
    "zip": ZIP_STARTS,
}
TEXT_FORMATS = {"csv", "json", "txt"}
# How much of a text document is read to tell text from binary content.
TEXT_SAMPLE = 64 * 1024


class SafeImageField(WagtailImageField):
    """Wagtail's image field, with pictures Pillow refuses to open as form errors."""

    def to_python(self, data):
        """Wagtail's checks; a decompression bomb or an unreadable header is a form error."""
        try:
            return super().to_python(data)
        except PillowImage.DecompressionBombError as error:
            raise forms.ValidationError(
                _("This image has too many pixels. At most %(max_pixels)s pixels are accepted.")
                % {"max_pixels": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from error
        except (OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class SafeImageForm(BaseImageForm):
    """The admin's image form (single and multiple upload), with SafeImageField for the file."""

    def __init__(self, *args, **kwargs):
        """Swap the file field for SafeImageField, keeping its label, widget and help text."""
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            safe = SafeImageField(label=field.label, required=field.required)
            safe.widget = field.widget
            safe.help_text = field.help_text
            self.fields["file"] = safe


def content_matches(extension, upload):
    """True when the file's first bytes are what a file with this extension holds."""
    upload.seek(0)
    start = upload.read(TEXT_SAMPLE)
    upload.seek(0)
    if extension in SIGNATURES:
        return start.startswith(SIGNATURES[extension])
    if extension in TEXT_FORMATS:
        if b"\x00" in start:
            return False
        try:
            start.decode("utf-8")
        except UnicodeDecodeError as error:
            # The sample may end inside a character; anything earlier is not UTF-8.
            return error.start >= len(start) - 3
        return True
    return True


class SafeDocumentForm(BaseDocumentForm):
    """The admin's document form: bounded in size, the content matching the extension."""

    def clean_file(self):
        """Refuse a file larger than DOCUMENT_MAX_UPLOAD_SIZE or not what its name says."""
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is too big (%(size)s). At most %(limit)s are accepted.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if not content_matches(extension, upload):
            raise forms.ValidationError(
                _("The content of this file does not match its extension (.%(extension)s).")
                % {"extension": extension},
                code="invalid_document_content",
            )
        return upload
