"""A malformed environment stops start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_database, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


def _start(**env) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_malformed_debug_stops_start_up():
    result = _start(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_sqlite_database_url_is_refused():
    result = _start(DATABASE_URL="sqlite:///db.sqlite3", SECRET_KEY="x", ALLOWED_HOSTS="a")
    assert result.returncode != 0
    assert "must point to PostgreSQL" in result.stderr


def test_production_requires_secret_key():
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment["DATABASE_URL"] = "postgres://u:p@localhost:5432/x"
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_readers_parse_good_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_LIST", "a.example, b.example")
    monkeypatch.setenv("X_DB", "postgres://u:p@db.example:5433/report")
    assert env_bool("X_BOOL", default=False) is True
    assert env_int("X_INT", 0) == 42
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    database = env_database("X_DB")
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5433, "report")


def test_malformed_integer_is_refused(monkeypatch):
    monkeypatch.setenv("X_INT", "eight")
    with pytest.raises(ImproperlyConfigured, match="X_INT='eight' is not an integer"):
        env_int("X_INT", 0)


def test_object_storage_bucket_puts_media_and_published_files_in_the_bucket():
    code = (
        "import config.settings as s; print(s.STORAGES['default']['BACKEND'], "
        "s.STORAGES['default']['OPTIONS']['location'], s.STORAGES['published']['OPTIONS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "OBJECT_STORAGE_BUCKET": "reports", "OBJECT_STORAGE_ENDPOINT_URL":
             "http://minio.internal:9000"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("reporting.object_storage.PrivateObjectStorage media ")
    assert (
        "'bucket_name': 'reports'" in result.stdout and "'location': 'published'" in result.stdout
    )
    assert "'endpoint_url': 'http://minio.internal:9000'" in result.stdout


def test_object_storage_refuses_the_local_accel_prefixes():
    result = _start(OBJECT_STORAGE_BUCKET="reports", MEDIA_ACCEL_PREFIX="/protected-media/")
    assert result.returncode != 0
    assert "leave them empty with OBJECT_STORAGE_BUCKET" in result.stderr
