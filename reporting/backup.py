"""Backup and restore: one archive with everything a school's reports are made of.

`manage.py backup` (`make backup`) writes `vocreport-<time>.tar` holding
- `database.dump`: pg_dump in custom format (figures, text, history, users, jobs …),
- `media/…`: MEDIA_ROOT (uploaded photos, exported files),
- `published/…`: PUBLISHED_ROOT when the setting exists (published editions),
- `manifest.json`: when, which database, every file with its size and SHA-256.
With OBJECT_STORAGE_BUCKET the files live in the bucket instead: the archive holds the database
and names the bucket's prefixes in the manifest; the bucket's versioning keeps the files.

`manage.py restore FILE` (`make restore FILE=…`) checks every checksum first, refuses a
database that already has tables, then runs pg_restore and puts the files back.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

FORMAT_VERSION = 1
TREES = {"media": "MEDIA_ROOT", "published": "PUBLISHED_ROOT"}
STORAGE_OF_TREE = {"media": "default", "published": "published"}


def in_object_storage() -> list[str]:
    """The trees kept in the object storage (OBJECT_STORAGE_BUCKET), not in a folder: the
    bucket's own versioning and replication back them up, not this archive."""
    return [
        name
        for name, alias in STORAGE_OF_TREE.items()
        if not isinstance(storages[alias], FileSystemStorage)
    ]


class BackupError(Exception):
    pass


def _tool(name: str) -> str:
    """pg_dump/pg_restore of the newest installed server version (Debian keeps them per
    version under /usr/lib/postgresql; the plain ones on PATH may be older)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    found = str(candidates[0]) if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client (postgresql-client).")
    return found


def _libpq_env(db: dict) -> dict:
    env = dict(os.environ)
    env.update(
        PGHOST=str(db.get("HOST") or "localhost"),
        PGPORT=str(db.get("PORT") or 5432),
        PGUSER=str(db.get("USER") or ""),
        PGDATABASE=str(db["NAME"]),
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _roots() -> dict[str, Path]:
    roots = {}
    remote = in_object_storage()
    for name, setting in TREES.items():
        value = getattr(settings, setting, None)
        if value and Path(value).is_dir() and name not in remote:
            roots[name] = Path(value)
    return roots


def create_backup(output_dir: Path, *, db: dict | None = None) -> Path:
    """Write one archive into output_dir and return its path."""
    db = db or settings.DATABASES["default"]
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"vocreport-{stamp}.tar"
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.dump"
        result = subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump)],
            env=_libpq_env(db), capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        files = {"database.dump": dump}
        for name, root in _roots().items():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                files[f"{name}/{path.relative_to(root).as_posix()}"] = path
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": db["NAME"],
            "object_storage": [
                f"s3://{settings.OBJECT_STORAGE_BUCKET}/{name}" for name in in_object_storage()
            ],
            "files": {
                arcname: {"size": path.stat().st_size, "sha256": _sha256(path)}
                for arcname, path in files.items()
            },
        }
        manifest_path = Path(scratch) / "manifest.json"
        manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
        partial = archive.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(manifest_path, arcname="manifest.json")
            for arcname, path in files.items():
                tar.add(path, arcname=arcname)
        partial.rename(archive)  # never a half-written archive under the final name
    return archive


def database_is_empty(db: dict) -> bool:
    import psycopg

    query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    with psycopg.connect(**_psycopg_args(db)) as conn:
        return conn.execute(query).fetchone()[0] == 0


def _psycopg_args(db: dict) -> dict:
    return {
        "host": db.get("HOST") or "localhost",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "dbname": db["NAME"],
    }


def restore_backup(archive: Path, *, db: dict | None = None, roots: dict | None = None) -> dict:
    """Restore an archive into an empty database and the file roots; returns the manifest."""
    db = db or settings.DATABASES["default"]
    if not database_is_empty(db):
        raise BackupError(
            f"Database {db['NAME']} already has tables: restore only into an empty database "
            "(create a new one, or drop and re-create this one first)."
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
        manifest = json.loads((folder / "manifest.json").read_text())
        for arcname, expected in manifest["files"].items():
            path = folder / arcname
            if not path.is_file() or _sha256(path) != expected["sha256"]:
                raise BackupError(f"Archive damaged: {arcname} is missing or its checksum differs.")
        result = subprocess.run(
            [_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", db["NAME"],
             str(folder / "database.dump")],
            env=_libpq_env(db), capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        targets = roots if roots is not None else _configured_roots()
        for name in TREES:
            source = folder / name
            if source.is_dir() and name in targets:
                shutil.copytree(source, targets[name], dirs_exist_ok=True)
    return manifest


def _configured_roots() -> dict[str, Path]:
    return {
        name: Path(getattr(settings, setting))
        for name, setting in TREES.items()
        if getattr(settings, setting, None) and name not in in_object_storage()
    }
