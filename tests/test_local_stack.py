"""Issue 10, finding 10: the local stack. `make run` stops completely on SIGTERM to its
process group, and a checkout never silently uses another checkout's PostgreSQL."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from config import localdb

ROOT = Path(__file__).resolve().parent.parent


def test_a_server_of_another_checkout_on_our_port_is_refused(db, tmp_path, monkeypatch):
    # The server on LOCAL_PG_PORT runs on this checkout's data directory; pretend to be a
    # second checkout (another var/postgres/data) started with the same port.
    monkeypatch.setattr(localdb, "DATA", tmp_path / "var" / "postgres" / "data")
    with pytest.raises(localdb.LocalDatabaseError, match="taken by another PostgreSQL server"):
        localdb.ensure_running()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _session_processes(sid: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[3]) == sid and fields[0] != "Z":
                    found.append((entry / "cmdline").read_text().replace("\0", " "))
            except (OSError, IndexError):
                continue
    return found


def _copy_checkout(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "var", ".git", "build", "__pycache__", "*.egg-info")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def _postgres_of(checkout: Path) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_text()
            except OSError:
                continue
            if "postgres" in cmdline and str(checkout / "var") in cmdline:
                pids.append(int(entry.name))
    return pids


@pytest.fixture
def scratch():
    # Not pytest's tmp_path: other pytest sessions reset its root to 0700, which would lock
    # the `postgres` user out of the copy's data directory while its server runs.
    folder = Path(tempfile.mkdtemp(prefix="vocreport-stack-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_make_run_stops_server_worker_and_postgres_on_sigterm(scratch):
    checkout = _copy_checkout(scratch / "checkout")
    web, pg = _free_port(), _free_port()
    env = {**os.environ, "LOCAL_PG_PORT": str(pg), "PORT": str(web)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_LOCAL_DATABASE_URL", None)
    env.pop("TEST_DB_SUFFIX", None)
    run = subprocess.Popen(
        ["timeout", "-s", "TERM", "900", "make", "run", f"PORT={web}"],
        cwd=checkout, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600
        while not _answers(web):
            assert run.poll() is None, run.stdout.read().decode()[-3000:]
            assert time.monotonic() < deadline, "make run did not start serving"
            time.sleep(1)
        login = urllib.request.urlopen(f"http://127.0.0.1:{web}/login/", timeout=30)
        assert login.status == 200
        assert _postgres_of(checkout), "the private PostgreSQL is running"
        # What `timeout` does when its time is up: SIGTERM to the whole process group.
        os.killpg(run.pid, signal.SIGTERM)
        run.wait(timeout=120)
        for _ in range(30):
            if not _session_processes(run.pid) and not _postgres_of(checkout):
                break
            time.sleep(1)
        assert _session_processes(run.pid) == []
        assert _postgres_of(checkout) == []
        assert not _answers(web) and not _answers(pg)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        if _postgres_of(checkout):  # never leave a server behind, even when the test fails
            data = checkout / "var" / "postgres" / "data"
            pg_ctl = [str(localdb._bindir() / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
            subprocess.run(localdb._as_server_user(pg_ctl), capture_output=True)
