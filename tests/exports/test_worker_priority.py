"""The export worker renders at a lower CPU priority than the web processes (issue 10, load):
`manage.py export_worker` raises its own niceness before it takes a job."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _niceness(pid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, pid)


def _worker(*args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "LOCAL_PG_DB": connection.settings_dict["NAME"],  # this test's database
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "export_worker", "--no-reload", *args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _niceness_once_started(process: subprocess.Popen, expected: int) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if _niceness(process.pid) == expected:
            break
        time.sleep(0.2)
    try:
        return _niceness(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_the_export_worker_runs_below_the_web_processes_priority(db):
    expected = min(_niceness(0) + 10, 19)
    worker = _worker()
    assert _niceness_once_started(worker, expected) == expected, worker.stderr.read()


def test_the_workers_niceness_is_a_setting(db):
    expected = min(_niceness(0) + 3, 19)
    worker = _worker("--nice", "3")
    assert _niceness_once_started(worker, expected) == expected, worker.stderr.read()
