"""What WeasyPrint may load while printing: the project's own static and media files, nothing else.

The report document names its resources by site path (/static/…, /media/…). We give WeasyPrint a
private origin as base URL, so those paths become `PROJECT_ORIGIN/static/…`, and answer only
those: static files from disk, media from its storage (a folder or the object storage). Any other
URL (file://, http(s) to anywhere, data:, /media/exports/…) is refused, so a pasted link in a
section can neither read the server's files nor reach the network.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Never resolvable (RFC 6761 ".invalid"): a request that escaped us could not reach anything.
PROJECT_ORIGIN = "https://report.invalid"
BASE_URL = PROJECT_ORIGIN + "/"


class RefusedResource(Exception):
    """WeasyPrint logs it and prints without the resource."""


def _static_file(relative: str) -> tuple[str, bytes] | None:
    found = finders.find(relative)
    if found:
        return Path(found).name, Path(found).read_bytes()
    try:
        candidate = Path(staticfiles_storage.path(relative))
    except NotImplementedError:
        return None
    return (candidate.name, candidate.read_bytes()) if candidate.is_file() else None


def _media_file(relative: str) -> tuple[str, bytes] | None:
    """A photo from the media storage (a folder or the object storage); exported files never."""
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] in ("exports", "/") or relative.endswith("/"):
        return None
    try:
        if not default_storage.exists(relative):
            return None
        with default_storage.open(relative, "rb") as handle:
            return parts[-1], handle.read()
    except (SuspiciousFileOperation, OSError):  # outside MEDIA_ROOT, or a folder
        return None


def project_file(url: str) -> tuple[str, bytes] | None:
    """(file name, bytes) of the project file a URL stands for, or None when the URL is not
    ours to serve."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != PROJECT_ORIGIN:
        return None
    path = unquote(parts.path)
    if "\x00" in path or any(segment == ".." for segment in path.split("/")):
        return None
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    media_prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    if path.startswith(static_prefix):
        return _static_file(path.removeprefix(static_prefix))
    if path.startswith(media_prefix):
        return _media_file(path.removeprefix(media_prefix))
    return None


class ProjectFilesFetcher(URLFetcher):
    def __init__(self, **kwargs):
        super().__init__(allowed_protocols={"https"}, allow_redirects=False, **kwargs)

    def fetch(self, url, headers=None):
        found = project_file(url)
        if found is None:
            raise RefusedResource(f"refused: {url}")
        name, body = found
        mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, headers={"Content-Type": mime_type})
