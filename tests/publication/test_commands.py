import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from publication import storage
from publication.models import EditionFile, LockEvent
from reporting.models import ReportYear

YEAR = ["--school", "lianzhou", "--year", "2025"]


def run(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    except CommandError as error:
        return 1, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_year_status_says_not_lockable_and_why(year):
    code, out = run("year_status", *YEAR)
    assert code == 1 and "lockable: no" in out and "错误未说明" in out
    assert "[招生就业办]" in out and "单项数据" in out


def test_year_status_says_lockable(lockable):
    code, out = run("year_status", *YEAR)
    assert code == 0 and out.rstrip().endswith("lockable: yes")


def test_lock_year_prints_blockers_and_changes_nothing(year):
    code, out = run("lock_year", *YEAR, "--user", "editor")
    assert code == 1 and "错误未说明" in out
    year.refresh_from_db()
    assert year.is_open


def test_lock_year_publishes_and_published_lists_the_files(lockable):
    code, out = run("lock_year", *YEAR, "--user", "editor", "--note", "定稿")
    assert code == 0 and "第1版" in out
    code, out = run("published", *YEAR, "--verify")
    assert code == 0 and out.count("  OK") == 3
    for file in EditionFile.objects.all():
        assert f"{file.sha256} {file.size:>10}" in out
    code, out = run("year_status", *YEAR)
    assert code == 1 and "锁定 第1版：定稿" in out


def test_published_verify_fails_when_a_stored_file_changed(published):
    file = EditionFile.objects.get(edition__year=published, format="xlsx")
    path = Path(storage.published_storage().path(file.path))
    path.write_bytes(path.read_bytes() + b"x")
    code, out = run("published", *YEAR, "--verify")
    assert code == 1 and "MISMATCH" in out


def test_unlock_year_without_reason_changes_nothing(published):
    code, _ = run("unlock_year", *YEAR, "--user", "editor")
    published.refresh_from_db()
    assert code == 1 and not published.is_open
    assert not LockEvent.objects.filter(action="unlocked").exists()


def test_unlock_year_with_reason(published):
    code, _ = run("unlock_year", *YEAR, "--user", "editor", "--reason", "更正")
    published.refresh_from_db()
    assert code == 0 and published.is_open
    assert LockEvent.objects.get(action="unlocked").text == "更正"


@pytest.mark.parametrize("who", ["zhaosheng", "schooladmin", "nobody"])
def test_only_committee_members_lock_from_the_command_line(lockable, who):
    code, _ = run("lock_year", *YEAR, "--user", who)
    assert code == 1 and ReportYear.objects.get(pk=lockable.pk).is_open


def test_load_demo_never_reopens_a_locked_year(published):
    code, out = run("load_demo")
    assert code == 1 and "--reopen-locked" in out
    published.refresh_from_db()
    assert not published.is_open


def test_load_demo_reopen_flag_is_refused_in_production_mode(published, settings):
    settings.DEBUG = False
    code, out = run("load_demo", "--reopen-locked")
    assert code == 1 and "生产模式" in out
    assert not ReportYear.objects.get(pk=published.pk).is_open


def test_load_demo_reopen_flag_unlocks_through_the_recorded_unlock(published, settings):
    settings.DEBUG = True
    code, _ = run("load_demo", "--reopen-locked")
    assert code == 0 and ReportYear.objects.get(pk=published.pk).is_open
    assert "load_demo" in LockEvent.objects.get(action="unlocked").text
