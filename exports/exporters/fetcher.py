"""What WeasyPrint may load while printing: the project's own static and media files, nothing else.

The report document names its resources by site path (/static/…, /media/…). We give WeasyPrint a
private origin as base URL, so those paths become `PROJECT_ORIGIN/static/…`, and answer only
those from disk. Any other URL (file://, http(s) to anywhere, data:, /media/exports/…) is
refused, so a pasted link in a section can neither read the server's files nor reach the network.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Never resolvable (RFC 6761 ".invalid"): a request that escaped us could not reach anything.
PROJECT_ORIGIN = "https://report.invalid"
BASE_URL = PROJECT_ORIGIN + "/"


class RefusedResource(Exception):
    """WeasyPrint logs it and prints without the resource."""


def _static_path(relative: str) -> Path | None:
    found = finders.find(relative)
    if found:
        return Path(found)
    try:
        candidate = Path(staticfiles_storage.path(relative))
    except NotImplementedError:
        return None
    return candidate if candidate.is_file() else None


def _media_path(relative: str) -> Path | None:
    root = Path(settings.MEDIA_ROOT).resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or candidate.is_relative_to(root / "exports"):
        return None
    return candidate if candidate.is_file() else None


def local_path(url: str) -> Path | None:
    """The file a project URL stands for, or None when the URL is not ours to serve."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != PROJECT_ORIGIN:
        return None
    path = unquote(parts.path)
    if "\x00" in path or any(segment == ".." for segment in path.split("/")):
        return None
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    media_prefix = "/" + settings.MEDIA_URL.strip("/") + "/"
    if path.startswith(static_prefix):
        return _static_path(path.removeprefix(static_prefix))
    if path.startswith(media_prefix):
        return _media_path(path.removeprefix(media_prefix))
    return None


class ProjectFilesFetcher(URLFetcher):
    def __init__(self, *, transform=None, **kwargs):
        super().__init__(allowed_protocols={"https"}, allow_redirects=False, **kwargs)
        # Optional hook (path, bytes) -> bytes, e.g. downscaling photos for print.
        self.transform = transform

    def fetch(self, url, headers=None):
        path = local_path(url)
        if path is None:
            raise RefusedResource(f"refused: {url}")
        body = path.read_bytes()
        if self.transform is not None:
            body = self.transform(path, body)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, headers={"Content-Type": mime_type})
