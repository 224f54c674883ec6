"""Photo uploads: decoded by Pillow (the extension proves nothing), JPEG/PNG/WebP only, a size
limit, EXIF orientation applied, the original kept and a print-size copy made at upload.
Files get unguessable names under MEDIA_ROOT/photos/<school>/<year>/ (never under exports/).

Memory: Pillow is asked for the allowed formats only (no EPS, PSD, TIFF … parser ever sees an
upload), the form only reads the header (`open_image`), and the service decodes once; a JPEG
is decoded at a reduced scale close to the print size (`draft`). `make bench` measures it."""

from __future__ import annotations

import io
import math
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from narrative.errors import NarrativeError
from narrative.models import Photo
from reporting.models import ReportYear

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PRINT_MAX_PIXELS = 1600
PRINT_QUALITY = 80
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# 40 megapixels (e.g. 7 700 × 5 200): more than print ever needs (a full A3 page at 300 dpi is
# 17 MP; the report prints the ≤1600 px copy), yet a 12–24 MP camera or phone photo and a
# scanned A4 page at 600 dpi (35 MP) pass. Decoded as RGBA that is at most 160 MB, once.
MAX_PIXELS = 40_000_000
TOO_MANY_PIXELS = gettext_lazy("图片像素过多（最多 4000 万像素），请缩小后再上传。")


def _refuse(message) -> None:
    raise NarrativeError(str(message))


def open_image(data: bytes) -> Image.Image:
    """Read the header only (no decoding): an allowed format within the limits, or refused."""
    if len(data) > MAX_UPLOAD_BYTES:
        _refuse(_("图片太大：最大 10 MB，请压缩后再上传。"))
    if not data:
        _refuse(_("文件是空的。"))
    try:
        image = Image.open(io.BytesIO(data), formats=list(ALLOWED_FORMATS))
    except Image.DecompressionBombError:  # declared far beyond MAX_PIXELS: refused on opening
        _refuse(TOO_MANY_PIXELS)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        _refuse(_("无法识别该文件：只能上传 JPEG、PNG 或 WebP 格式的图片。"))
    if image.width * image.height > MAX_PIXELS:
        _refuse(TOO_MANY_PIXELS)
    return image


def read_image(data: bytes) -> Image.Image:
    """Open and decode once, then keep only what the print copy needs: at least twice the
    print size on the long side (a JPEG is decoded at that scale directly)."""
    image = open_image(data)
    image_format = image.format
    if image_format == "JPEG":
        # Ask for the long side at print size: Pillow decodes at 1/2, 1/4 or 1/8 scale.
        scale = PRINT_MAX_PIXELS / max(image.size)
        image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        _refuse(_("无法识别该文件：只能上传 JPEG、PNG 或 WebP 格式的图片。"))
    factor = max(image.size) // (2 * PRINT_MAX_PIXELS)
    if factor > 1:  # PNG/WebP cannot decode at a scale: shrink at once, freeing the full image
        image = image.reduce(factor)
    image.format_name = image_format  # type: ignore[attr-defined]
    return image


def print_copy(image: Image.Image) -> tuple[bytes, int, int]:
    """EXIF orientation applied, at most PRINT_MAX_PIXELS on the long side, JPEG ~80.

    Shrinks first (in place: the decoded image is ours), so every later copy is print-sized."""
    image.thumbnail((PRINT_MAX_PIXELS, PRINT_MAX_PIXELS), Image.Resampling.LANCZOS)
    upright = ImageOps.exif_transpose(image)
    if upright.mode not in ("RGB", "L"):
        background = Image.new("RGB", upright.size, "white")
        rgba = upright.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        upright = background
    out = io.BytesIO()
    upright.convert("RGB").save(out, "JPEG", quality=PRINT_QUALITY, optimize=True)
    return out.getvalue(), upright.width, upright.height


def store_photo(
    *, year: ReportYear, data: bytes, user=None, name: uuid.UUID | None = None
) -> Photo:
    """Check and store an uploaded image; raises NarrativeError (nothing stored) when refused."""
    image = read_image(data)
    printable, width, height = print_copy(image)
    name = name or uuid.uuid4()
    folder = f"photos/{year.school.slug}/{year.year}"
    extension = ALLOWED_FORMATS[image.format_name]  # type: ignore[attr-defined]
    original_path = f"{folder}/{name.hex}.{extension}"
    print_path = f"{folder}/{name.hex}-print.jpg"
    for path, content in ((original_path, data), (print_path, printable)):
        if default_storage.exists(path):
            default_storage.delete(path)
        default_storage.save(path, ContentFile(content))
    photo, _created = Photo.objects.update_or_create(
        uuid=name,
        defaults={
            "year": year,
            "original": original_path,
            "print_copy": print_path,
            "width": width,
            "height": height,
            "uploaded_by": user,
        },
    )
    return photo


def discard_unused_photos(photo_ids) -> None:
    """Delete the photos no block uses any more (a photo block deleted or given a new image).
    Their files are removed only once the transaction commits: a rolled-back delete keeps
    both the row and the files."""
    for photo in Photo.objects.filter(pk__in=[pk for pk in photo_ids if pk], blocks__isnull=True):
        paths = [photo.original.name, photo.print_copy.name]
        photo.delete()
        transaction.on_commit(lambda paths=paths: _remove_files(paths))


def _remove_files(paths: list[str]) -> None:
    for path in paths:
        if path and default_storage.exists(path):
            default_storage.delete(path)
