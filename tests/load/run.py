"""`make loadtest`: gunicorn (3 workers) and the export worker on the demo data, locust
headless (tests/load/locustfile.py) for LOAD_SECONDS (60), then the report: requests,
p50/p95/p99, errors, and whether every acknowledged save is in the database.

Goal on a 2-core machine: p95 < 300 ms, 0 errors, 0 lost saves. Not part of `make test`.
The demo data is loaded again at the end (load_demo is idempotent), so the run leaves the
demo as it found it.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import django

from tests.load.cpu import local_postgres_pid, tree_seconds

GOAL_P95_MS = 300
USERS = 51  # 50 department heads + 1 committee member
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
SCHOOL, YEAR = "lianzhou", 2025


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _session(user) -> str:
    """A logged-in session made directly: logging 51 people in at once would measure
    PBKDF2 (deliberately slow) instead of the pages; a login is a once-a-day event."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _plan() -> dict:
    from metrics.entry import typed_indicators
    from metrics.yeardata import YearData
    from narrative.models import Block, Section
    from reporting.models import ReportYear, User

    year = ReportYear.objects.get(school__slug=SCHOOL, year=YEAR)
    data = YearData(year)
    heads = []
    people = list(User.objects.filter(school=year.school, role=User.Role.DEPARTMENT_HEAD))
    for user in (people * 50)[:50]:  # 50 simulated heads over the demo's departments
        department = user.department
        codes = [
            i.code
            for i in typed_indicators(data, department)
            if i.kind == "count" and i.applies_to_school(year.school)
        ]
        sections = [
            f"/report/{SCHOOL}/{YEAR}/sections/{s.key}/"
            for s in Section.objects.filter(year=year, department=department)
            if Block.objects.filter(section=s, kind=Block.Kind.TEXT).exists()
        ]
        heads.append({
            "session": _session(user),
            "form": f"/figures/{SCHOOL}/{YEAR}/d/{department.code}/",
            "codes": codes,
            "sections": sections,
        })  # fmt: skip
    return {
        "heads": heads,
        "committee": _session(User.objects.get(username="editor")),
        "figures": f"/figures/{SCHOOL}/{YEAR}/",
        "report": f"/report/{SCHOOL}/{YEAR}/",
        "exports": f"/exports/{SCHOOL}/{YEAR}/",
    }


def _wait_for(port: int, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before serving")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def _warm_up(port: int, plan: dict) -> None:
    """Every gunicorn worker loads its code on its first requests: not part of the run."""
    import urllib.request

    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={plan['heads'][0]['session']}")]
    for _ in range(9):
        for url in (plan["heads"][0]["form"], plan["figures"], plan["report"]):
            opener.open(f"http://127.0.0.1:{port}{url}", timeout=120).read()


def _stats(prefix: str) -> list[dict]:
    with open(f"{prefix}_stats.csv") as handle:
        return list(csv.DictReader(handle))


def _print_table(rows: list[dict]) -> dict:
    print(f"\n{'request':<22}{'count':>7}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    total = {}
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
        line = (
            f"{name:<22}{row['Request Count']:>7}{row['Failure Count']:>8}"
            f"{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
        )
        if name == "ALL":
            print("-" * 61)
            total = row
        print(line)
    return total


def _children_cpu() -> float:
    """CPU of this process's finished children: locust, once it has exited."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _print_cpu(cpu: dict, requests: int, load_before, load_after) -> None:
    """CPU per request does not depend on the machine's other load; latency does."""
    parts = [
        f"{name} {seconds:.1f} s" + (f" ({seconds * 1000 / requests:.0f} ms/request)" if
                                      name in ("web", "PostgreSQL") and requests else "")
        for name, seconds in cpu.items()
    ]  # fmt: skip
    print(f"CPU during the run: {', '.join(parts)}")
    print(
        f"load average (1 min) before {load_before[0]:.2f}, after {load_after[0]:.2f} "
        f"on {os.cpu_count()} CPUs"
    )


def _lost_saves(acks: list[dict]) -> list[dict]:
    from django.apps import apps

    from narrative.models import SectionRevision

    figure_events = apps.get_model("metrics", "FigureEvent")
    lost = []
    for ack in acks:
        if ack["kind"] == "figure":
            found = figure_events.objects.filter(
                year__school__slug=SCHOOL, indicator__code=ack["code"], value=Decimal(ack["value"])
            ).exists()
        else:
            key = ack["url"].rstrip("/").rsplit("/", 1)[1]
            found = SectionRevision.objects.filter(
                section__year__school__slug=SCHOOL, section__key=key, conflict=False,
                texts__icontains=ack["marker"],
            ).exists()  # fmt: skip
        if not found:
            lost.append(ack)
    return lost


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command

    python = sys.executable
    bindir = Path(python).parent
    port = _free_port()
    env = {**os.environ, "DEBUG": "0"}
    scratch = Path(tempfile.mkdtemp(prefix="loadtest-"))
    acks_path, prefix = scratch / "acks.json", str(scratch / "locust")
    plan = _plan()
    env_locust = {**env, "LOAD_PLAN": json.dumps(plan), "LOAD_ACKS": str(acks_path)}
    web = subprocess.Popen(
        [str(bindir / "gunicorn"), "config.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    # The worker as deployed (lower CPU priority); its log (WeasyPrint's notes) goes to a file.
    worker_log = open(scratch / "worker.log", "w")
    worker = subprocess.Popen(
        [python, "manage.py", "export_worker", "--no-reload"], env=env, stdout=worker_log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        _wait_for(port, web)
        _warm_up(port, plan)
        print(f"locust: {USERS} users for {SECONDS} s against gunicorn (3 workers) on :{port}")
        measured = {"web": web.pid, "export worker": worker.pid, "PostgreSQL": local_postgres_pid()}
        cpu_before = {name: tree_seconds(pid) for name, pid in measured.items() if pid}
        load_before = os.getloadavg()
        locust_before = _children_cpu()
        subprocess.run(
            [str(bindir / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
             "--headless", "-u", str(USERS), "-r", "10", "-t", f"{SECONDS}s",
             "--host", f"http://127.0.0.1:{port}", "--csv", prefix, "--only-summary",
             "--loglevel", "WARNING"],
            env=env_locust, check=False, stdout=subprocess.DEVNULL,
            stderr=open(scratch / "locust.log", "w"),
        )  # fmt: skip
        cpu = {name: tree_seconds(measured[name]) - start for name, start in cpu_before.items()}
        cpu["locust (the simulated users)"] = _children_cpu() - locust_before
        load_after = os.getloadavg()
        print(f"locust's own log and summary: {scratch / 'locust.log'}; worker: {worker_log.name}")
    finally:
        for process in (web, worker):
            process.send_signal(signal.SIGTERM)
        for process in (web, worker):
            process.wait(timeout=60)
    total = _print_table(_stats(prefix))
    acks = json.loads(acks_path.read_text()) if acks_path.exists() else []
    lost = _lost_saves(acks)
    p95 = float(total.get("95%", 0) or 0)
    errors = int(total.get("Failure Count", 0) or 0)
    saved = {kind: sum(1 for a in acks if a["kind"] == kind) for kind in ("figure", "section")}
    print(
        f"\nacknowledged saves: {saved['figure']} figures, {saved['section']} sections; "
        f"lost: {len(lost)}"
    )
    print(
        f"p95 {p95:.0f} ms (goal < {GOAL_P95_MS}), errors {errors} (goal 0), "
        f"lost saves {len(lost)} (goal 0)"
    )
    for ack in lost[:10]:
        print("  lost:", ack)
    _print_cpu(cpu, int(total.get("Request Count", 0) or 0), load_before, load_after)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # the demo as it was
    return 0 if not errors and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
