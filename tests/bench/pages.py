"""The pages and saves of `make loadtest`, one at a time: CPU ms of this process (best of 8,
so other load on the machine matters less) and queries per request. The load test's p95
follows from these times, the number of users and the cores."""

import html
import re
import time
from itertools import count

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from reporting.models import User

YEAR = "/figures/lianzhou/2025/"
FORM = YEAR + "d/zhaosheng/"
SECTION = "/report/lianzhou/2025/sections/s1-1-1/"  # 学生工作处, a draft in the demo
INPUT = re.compile(r'<input type="text" name="([a-z0-9_]+)" id="id_[^"]*" value="([^"]*)"')
HIDDEN = re.compile(r'<input type="hidden" name="(stamp|version)" value="([^"]*)"')
TEXTAREA = re.compile(r'<textarea name="(text_\d+)"[^>]*>(.*?)</textarea>', re.S)
_values = count(300_000)


def _client(username: str) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(username=username))
    client.get("/")  # the session's first request also moves its idle expiry on
    return client


def _figures_post(client: Client) -> dict:
    page = client.get(FORM).content.decode()
    data = {name: html.unescape(value) for name, value in INPUT.findall(page)}
    return data | dict(HIDDEN.findall(page)) | {"graduates": str(next(_values))}


def _section_post(client: Client) -> dict:
    page = client.get(SECTION).content.decode()
    texts = {name: html.unescape(body) for name, body in TEXTAREA.findall(page)}
    first = sorted(texts)[0]
    texts[first] += f"<p>基准-{next(_values)}</p>"
    return texts | dict(HIDDEN.findall(page))


def _measure(request, prepare=None, repeat=8) -> tuple[float, int, int]:
    """(best CPU ms, queries, status) of `request(prepared)`; preparing is not measured."""
    best, queries, status = float("inf"), 0, 0
    for _ in range(repeat):
        prepared = prepare() if prepare else None
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            status = request(prepared).status_code
            best = min(best, time.process_time() - started)
        queries = len(captured)
    return best * 1000, queries, status


def run():
    head, writer, committee = _client("zhaosheng"), _client("xuesheng"), _client("editor")
    rows = [
        ("GET figures overview (head)", _measure(lambda _: head.get(YEAR))),
        ("GET figures form (head)", _measure(lambda _: head.get(FORM))),
        ("POST save figures, one value changed", _measure(
            lambda data: head.post(FORM, data), lambda: _figures_post(head))),
        ("GET report outline (head)", _measure(lambda _: head.get("/report/lianzhou/2025/"))),
        ("GET section editor (head)", _measure(lambda _: writer.get(SECTION))),
        ("POST save section text", _measure(
            lambda data: writer.post(SECTION, data), lambda: _section_post(writer))),
        ("GET findings (committee)", _measure(lambda _: committee.get(YEAR + "findings/"))),
        ("GET home, 我的任务 (committee)", _measure(lambda _: committee.get("/"))),
        ("GET exports page (committee)", _measure(
            lambda _: committee.get("/exports/lianzhou/2025/"))),
    ]  # fmt: skip
    print("\nLoad-test pages, one request at a time (demo year 2025)")
    print(f"{'request':<46} {'CPU ms':>8} {'queries':>8} {'status':>7}")
    for name, (ms, queries, status) in rows:
        print(f"{name:<46} {ms:>8.1f} {queries:>8} {status:>7}")
