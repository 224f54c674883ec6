"""CPU seconds used by the processes of a load test, read from /proc (Linux).

Latency depends on everything else the machine runs; the CPU time the web processes,
PostgreSQL and the export worker spend per request does not, so `make loadtest` prints both.
"""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def tree_seconds(pid: int) -> float:
    """User + system CPU of a process, its finished children and its live descendants."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime are fields 14–17 of stat(5); index 0 here is field 3.
    own = sum(int(value) for value in fields[11:15]) / TICKS
    return own + sum(tree_seconds(child) for child in _children(pid))


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def local_postgres_pid() -> int | None:
    """The private PostgreSQL's postmaster (None with an external DATABASE_URL)."""
    if os.environ.get("DATABASE_URL"):
        return None
    from config import localdb

    try:
        return int((localdb.DATA / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
