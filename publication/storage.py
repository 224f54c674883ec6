"""The published files: the `published` storage (settings.STORAGES), a folder outside MEDIA_ROOT
(PUBLISHED_ROOT) or the object storage's `published/` prefix, never the public media path.

A file is written once, with a fresh name, and never overwritten: an edition's bytes are what
was signed. Paths stored in the database are relative to that storage.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages


def published_storage() -> Storage:
    return storages["published"]


def _checked(relative: str) -> str:
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or ".." in parts:
        raise SuspiciousFileOperation(f"{relative!r} is outside the published files")
    return relative


def write_once(relative: str, content: bytes) -> None:
    storage = published_storage()
    if storage.exists(_checked(relative)):
        raise FileExistsError(relative)
    saved = storage.save(relative, ContentFile(content))
    if saved != relative:  # taken meanwhile: the storage chose another name; keep neither
        storage.delete(saved)
        raise FileExistsError(relative)


def remove(relative: str) -> None:
    published_storage().delete(_checked(relative))


def open_file(relative: str) -> File:
    """The stored file for reading; FileNotFoundError when it is missing."""
    storage = published_storage()
    if not storage.exists(_checked(relative)):
        raise FileNotFoundError(relative)
    return storage.open(relative, "rb")


def read_bytes(relative: str) -> bytes:
    with open_file(relative) as handle:
        return handle.read()


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256_of_file(relative: str) -> tuple[str, int]:
    """(SHA-256, size) of a stored file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open_file(relative) as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
