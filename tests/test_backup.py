"""`make backup` / `make restore`: the demo round-trips into a fresh database with every
figure, section, block, photo (bytes) and published file."""

import io
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from narrative.models import Photo
from reporting.backup import BackupError, create_backup, restore_backup

TABLES = {
    "metrics_figure": "year_id, indicator_id, value, text, version",
    "metrics_teachertitlerow": "year_id, level, count",
    "metrics_reportedvalue": "quantity, source, value, places",
    "narrative_section": "key, title, department_id, version, position",
    "narrative_block": "id, section_id, kind, body, caption, grid::text",
    "narrative_photo": "uuid, original, print_copy, width, height",
    "narrative_frontmatter": "year_id, preface, cover_date",
    "reporting_user": "username, password, role, department_id",
}


def _rows(db: dict, table: str) -> list:
    args = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": db["NAME"]}
    with psycopg.connect(**args) as conn:
        rows = conn.execute(f"SELECT {TABLES[table]} FROM {table}").fetchall()
    # Every column sorts: two report years hold sections with the same key and title.
    return sorted(rows, key=repr)


@pytest.fixture
def fresh_database():
    db = {**connection.settings_dict, "NAME": connection.settings_dict["NAME"] + "_restored"}
    admin = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": "postgres"}
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        conn.execute(f'CREATE DATABASE "{db["NAME"]}"')
    yield db
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_the_demo_round_trips_through_backup_and_restore(tmp_path, settings, fresh_database):
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))
    published = tmp_path / "published"
    (published / "lianzhou" / "2025").mkdir(parents=True)
    (published / "lianzhou" / "2025" / "report.pdf").write_bytes(b"%PDF-1.7 published edition")
    settings.PUBLISHED_ROOT = published

    archive = create_backup(tmp_path / "backups")
    media, published_again = tmp_path / "media-restored", tmp_path / "published-restored"
    manifest = restore_backup(
        archive, db=fresh_database, roots={"media": media, "published": published_again}
    )

    assert "database.dump" in manifest["files"]
    for table in TABLES:
        original = _rows(connection.settings_dict, table)
        assert original, table
        assert _rows(fresh_database, table) == original, table
    photos = list(Photo.objects.all())
    assert photos
    for photo in photos:
        for name in (photo.original.name, photo.print_copy.name):
            restored = (media / name).read_bytes()
            assert restored == (Path(settings.MEDIA_ROOT) / name).read_bytes()
    copied = published_again / "lianzhou" / "2025" / "report.pdf"
    assert copied.read_bytes() == b"%PDF-1.7 published edition"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_has_tables(tmp_path):
    archive = create_backup(tmp_path)
    with pytest.raises(BackupError, match="already has tables"):
        restore_backup(archive, roots={})


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_before_anything_is_restored(tmp_path, fresh_database):
    archive = create_backup(tmp_path)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "database.dump":
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="checksum"):
        restore_backup(damaged, db=fresh_database, roots={})
    assert _count_tables(fresh_database) == 0


def _count_tables(db: dict) -> int:
    args = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": db["NAME"]}
    query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    with psycopg.connect(**args) as conn:
        return conn.execute(query).fetchone()[0]
