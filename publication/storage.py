"""The published files on disk, under settings.PUBLISHED_ROOT (never under MEDIA_ROOT).

A file is written once, with a fresh name, and never overwritten: an edition's bytes are what
was signed. Paths stored in the database are relative to PUBLISHED_ROOT.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation


def root() -> Path:
    return Path(settings.PUBLISHED_ROOT)


def absolute(relative: str) -> Path:
    base = root().resolve()
    path = (base / relative).resolve()
    if base not in path.parents:
        raise SuspiciousFileOperation(f"{relative!r} is outside PUBLISHED_ROOT")
    return path


def write_once(relative: str, content: bytes) -> None:
    path = absolute(relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as handle:  # "x": refuse to replace an existing file
        handle.write(content)


def remove(relative: str) -> None:
    absolute(relative).unlink(missing_ok=True)


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256_of_file(relative: str) -> tuple[str, int]:
    """(SHA-256, size) of a stored file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with absolute(relative).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
