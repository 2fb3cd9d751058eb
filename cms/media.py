"""Uploaded images served by the app itself when media is on the local disk (one server).

With MEDIA_S3_BUCKET set, media is on object storage and this view is not routed. Documents are
not served here: Wagtail's /documents/<id>/<name> serves them as attachments and checks their
collection's privacy, which a direct file address would bypass.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

# Renditions never change under one name (the name carries the filter and focal point).
RENDITION_FOLDER = "images/"
RENDITION_CACHE = "public, max-age=31536000, immutable"
ORIGINAL_CACHE = "public, max-age=86400"
NOT_SERVED_FOLDERS = ("documents/",)
# Types a browser may show inline; anything else is downloaded, never rendered as a page.
INLINE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}


@require_safe
def serve_media(request, path):
    """One file under MEDIA_ROOT: no folder listing, no hidden files, nothing outside the folder."""
    if path.startswith(NOT_SERVED_FOLDERS) or any(p.startswith(".") for p in path.split("/")):
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as error:
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        full_path.open("rb"), content_type=content_type, as_attachment=not inline
    )
    response["Cache-Control"] = (
        RENDITION_CACHE if path.startswith(RENDITION_FOLDER) else ORIGINAL_CACHE
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
