"""Handing out a stored file (a photo, an exported report) after a view has checked access.

Nothing under MEDIA_ROOT is served as plain media: each kind of file has a view that checks the
school and role first, then calls `private_file_response`. Behind nginx, set
`MEDIA_ACCEL_PREFIX=/protected-media/` and map that prefix to MEDIA_ROOT as an `internal`
location: Django then answers with an X-Accel-Redirect header and nginx sends the bytes.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def private_file_response(
    name: str, *, filename: str | None = None, as_attachment: bool = False
) -> HttpResponse:
    """The stored file `name` (relative to MEDIA_ROOT), or 404 when it is missing."""
    if not name or ".." in PurePosixPath(name).parts or not default_storage.exists(name):
        raise Http404
    shown_name = filename or PurePosixPath(name).name
    content_type = mimetypes.guess_type(shown_name)[0] or "application/octet-stream"
    prefix = settings.MEDIA_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix + quote(name)
        disposition = content_disposition_header(as_attachment, shown_name)
        if disposition:
            response["Content-Disposition"] = disposition
    else:
        response = FileResponse(
            default_storage.open(name, "rb"),
            as_attachment=as_attachment,
            filename=shown_name,
            content_type=content_type,
        )
    # Year-owned files: never kept by a shared cache.
    response["Cache-Control"] = "private, max-age=3600"
    return response
