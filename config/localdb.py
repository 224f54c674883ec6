"""A private PostgreSQL server under var/ for development and tests.

Used only when DATABASE_URL is unset. It runs the machine's PostgreSQL binaries (Debian's
`postgresql` package, installed by `make install`), as the `postgres` user when we are root
because PostgreSQL refuses to run as root. Any process may call `ensure_running()`; a file
lock makes concurrent callers (web server, worker, tests) start it only once.

Command line: python -m config.localdb start|stop|status|url
"""

import fcntl
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ROOT = BASE_DIR / "var" / "postgres"
DATA = ROOT / "data"
LOG = ROOT / "server.log"
HOST = "127.0.0.1"
PORT = int(os.environ.get("LOCAL_PG_PORT", "54329"))
DB_NAME = os.environ.get("LOCAL_PG_DB", "vocreport")


class LocalDatabaseError(RuntimeError):
    pass


def url() -> str:
    return f"postgres://postgres@{HOST}:{PORT}/{DB_NAME}"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if found:
        return Path(found[0]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).resolve().parent
    raise LocalDatabaseError(
        "PostgreSQL server binaries not found. Run `make install` (installs Debian's "
        "`postgresql` package) or set DATABASE_URL to an existing PostgreSQL database."
    )


def _as_server_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(_as_server_user(args), capture_output=True, text=True, cwd="/")


def _accepting() -> bool:
    try:
        with socket.create_connection((HOST, PORT), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def _lock():
    ROOT.mkdir(parents=True, exist_ok=True)
    with open(ROOT.parent / "postgres.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _let_server_user_reach_root() -> None:
    """As root the server runs as `postgres`, which must traverse every folder above var/.

    A checkout in a private folder (mktemp -d makes 0700) would stop it, so add the
    search bit (o+x: enter, not list) where it is missing.
    """
    uid = pwd.getpwnam("postgres")
    os.chown(ROOT, uid.pw_uid, uid.pw_gid)
    for parent in ROOT.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            os.chmod(parent, mode | 0o001)


def _initdb(bindir: Path) -> None:
    if os.geteuid() == 0:
        _let_server_user_reach_root()
    result = _run(
        [
            str(bindir / "initdb"),
            "-D",
            str(DATA),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    if result.returncode != 0:
        raise LocalDatabaseError(f"initdb failed:\n{result.stderr}")


def _check_ours() -> None:
    """The server answering on PORT must be this checkout's (its data directory is our
    var/postgres/data): a second checkout with the same port must never silently use the
    first one's databases."""
    import psycopg

    admin = f"postgres://postgres@{HOST}:{PORT}/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            directory = conn.execute("SHOW data_directory").fetchone()[0]
    except psycopg.Error as error:
        raise LocalDatabaseError(_foreign_message(f"({error.__class__.__name__})")) from None
    if Path(directory).resolve() != DATA.resolve():
        raise LocalDatabaseError(_foreign_message(directory))


def _foreign_message(directory: str) -> str:
    return (
        f"Port {PORT} is taken by another PostgreSQL server (data directory: {directory}), "
        f"not this checkout's ({DATA}). Choose a free port for this checkout, e.g. "
        f"`export LOCAL_PG_PORT={PORT + 1}`, or set DATABASE_URL."
    )


def _create_database() -> None:
    import psycopg

    admin = f"postgres://postgres@{HOST}:{PORT}/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def ensure_running() -> str:
    """Start the local server if needed, create the database if missing, return its URL."""
    if _accepting():
        _check_ours()
        _create_database()
        return url()
    with _lock():
        if _accepting():
            _check_ours()
        else:
            bindir = _bindir()
            if not (DATA / "PG_VERSION").exists():
                _initdb(bindir)
            options = f"-c listen_addresses={HOST} -p {PORT} -k {ROOT}"
            if os.environ.get("LOCAL_PG_FAST") == "1":
                # Test runs only: skip fsync, the data is thrown away anyway.
                options += " -c fsync=off -c synchronous_commit=off"
            result = _run(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(DATA),
                    "-l",
                    str(LOG),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            )
            if result.returncode != 0 and not _accepting():
                log = LOG.read_text()[-2000:] if LOG.exists() else ""
                raise LocalDatabaseError(f"PostgreSQL did not start:\n{result.stderr}\n{log}")
            for _ in range(50):
                if _accepting():
                    break
                time.sleep(0.1)
        _create_database()
    return url()


def stop() -> None:
    if not (DATA / "PG_VERSION").exists():
        return
    _run([str(_bindir() / "pg_ctl"), "-D", str(DATA), "-m", "fast", "-w", "stop"])


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        print(ensure_running())
    elif command == "stop":
        stop()
        print("local PostgreSQL stopped")
    elif command == "url":
        print(url())
    elif command == "status":
        print("running" if _accepting() else "stopped")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
