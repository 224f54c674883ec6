"""Zip containers (xlsx, docx) with fixed entry dates, so the same year gives the same bytes."""

from __future__ import annotations

import io
import zipfile

# The earliest date a zip entry can carry; it says "no date" rather than a made-up one.
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def normalize_zip(content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
