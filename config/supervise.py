"""`make run`'s supervisor: the background worker and the development server as one unit,
then the private PostgreSQL.

A signal to it or to its whole process group (Ctrl-C, `timeout -s TERM`, a process
supervisor, a closed terminal: SIGINT, SIGTERM, SIGHUP) stops the server and the worker,
waits for them, then stops the private PostgreSQL (when DATABASE_URL is unset), so nothing
is left running. If one child dies the other is stopped too.

Usage: python -m config.supervise HOST PORT
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

GRACE_SECONDS = 20  # the worker finishes the export it is rendering, within reason


def main(argv: list[str]) -> int:
    host, port = argv[1], argv[2]
    received: list[int] = []

    def on_signal(signum, _frame):
        received.append(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    python = sys.executable
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}
    children = [
        subprocess.Popen([python, "manage.py", "export_worker"]),
        subprocess.Popen(
            [python, "manage.py", "runserver", "--noreload", f"{host}:{port}"], env=env
        ),
    ]
    try:
        while not received and all(child.poll() is None for child in children):
            time.sleep(0.2)
    finally:
        _stop(children)
        if not os.environ.get("DATABASE_URL"):
            from config import localdb

            localdb.stop()
            print("local PostgreSQL stopped", flush=True)
    return 0 if received else 1


def _stop(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
