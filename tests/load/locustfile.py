"""`make loadtest`'s users (locust): 50 department heads opening their forms and saving
figures and sections with the versions the forms hand out, and one committee member opening
the findings page and dashboards and starting an export.

The plan (who fills what, which sections, which figures) comes from tests/load/run.py as
JSON in LOAD_PLAN; every acknowledged save (a 302 after POST) is written to LOAD_ACKS when
the run ends, for run.py to look up in the database.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re

from locust import HttpUser, between, events, task

PLAN = json.loads(os.environ.get("LOAD_PLAN", "{}"))
ACKS: list[dict] = []
_counter = itertools.count(1)
_heads = itertools.cycle(PLAN.get("heads", [{}]))

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HIDDEN = re.compile(r'<input type="hidden" name="(stamp|version)" value="([^"]*)"')
TEXTAREA = re.compile(r'<textarea name="(text_\d+)"[^>]*>(.*?)</textarea>', re.S)
INPUT = re.compile(r'<input type="text" name="([a-z0-9_]+)" id="id_[^"]*" value="([^"]*)"')


def _csrf(page: str) -> str:
    match = CSRF.search(page)
    return match.group(1) if match else ""


class _Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    session = ""

    def on_start(self):
        # Logged in by run.py (a session per simulated person), see there why.
        self.client.cookies.set("sessionid", self.session)


class DepartmentHead(_Person):
    fixed_count = 50

    def on_start(self):
        self.plan = next(_heads)
        self.session = self.plan["session"]
        super().on_start()

    @task(3)
    def open_forms(self):
        self.client.get(PLAN["figures"], name="figures overview")
        self.client.get(self.plan["form"], name="figures form")

    @task(1)
    def open_outline(self):
        self.client.get(PLAN["report"], name="report outline")

    @task(2)
    def save_figure(self):
        if not self.plan["codes"]:
            return
        code = random.choice(self.plan["codes"])
        value = str(100_000 + next(_counter))
        for _attempt in range(3):  # a colleague saved meanwhile: reopen and redo the change
            page = self.client.get(self.plan["form"], name="figures form").text
            data = {name: html.unescape(value) for name, value in INPUT.findall(page)}
            data.update(dict(HIDDEN.findall(page)), csrfmiddlewaretoken=_csrf(page))
            data[code] = value
            response = self.client.post(
                self.plan["form"], data, name="save figures", allow_redirects=False
            )
            if response.status_code == 302:
                ACKS.append({"kind": "figure", "code": code, "value": value})
                return

    @task(1)
    def save_section(self):
        if not self.plan["sections"]:
            return
        url = random.choice(self.plan["sections"])
        marker = f"负载测试-{next(_counter)}"
        for _attempt in range(3):
            page = self.client.get(url, name="section editor").text
            texts = {name: html.unescape(body) for name, body in TEXTAREA.findall(page)}
            if not texts:
                return
            first = sorted(texts)[0]
            texts[first] = texts[first] + f"<p>{marker}</p>"
            data = {**texts, **dict(HIDDEN.findall(page)), "csrfmiddlewaretoken": _csrf(page)}
            response = self.client.post(url, data, name="save section", allow_redirects=False)
            if response.status_code == 302:
                ACKS.append({"kind": "section", "url": url, "marker": marker})
                return


class Committee(_Person):
    fixed_count = 1

    def on_start(self):
        self.session = PLAN["committee"]
        super().on_start()

    @task(3)
    def findings(self):
        self.client.get(PLAN["figures"] + "findings/", name="findings")

    @task(2)
    def dashboards(self):
        self.client.get("/", name="home")
        self.client.get(PLAN["exports"], name="exports page")

    @task(1)
    def start_export(self):
        page = self.client.get(PLAN["exports"], name="exports page").text
        self.client.post(
            PLAN["exports"] + "start/",
            {"format": "pdf", "csrfmiddlewaretoken": _csrf(page)},
            name="start export",
        )


@events.quitting.add_listener
def _write_acks(environment, **_kwargs):
    path = os.environ.get("LOAD_ACKS")
    if path:
        with open(path, "w") as handle:
            json.dump(ACKS, handle, ensure_ascii=False)
