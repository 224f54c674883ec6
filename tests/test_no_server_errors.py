"""Bad input gets a clear message and changes nothing; the server never answers 500 to a user.

One walk over every URL pattern of the project (like test_anonymous_redirects.py), with the
parameters filled with real demo values (school, year, departments, data sets, sections,
blocks, reported values, export jobs, admin objects) and with hostile ones (missing ids,
another school's ids, huge integers, unicode, `../`), for every role of the permission matrix:

- GET, and GET with hostile query strings;
- POST with an empty body and with garbage in every field name the project uses (100 000
  characters, NUL bytes, negative numbers, 1e309, NaN, Infinity, markup, SQL-ish text,
  impossible dates, a stale or foreign `version`);
- every form the pages show, submitted as a browser would, then with each field spoiled;
- broken and hostile image uploads to the photo forms.

Every request runs in its own savepoint that is rolled back, so each starts from the demo.
A refused POST (the form shown again, or an error message) must leave the database as it was.
Every redirect must stay on this site. All failures are collected and reported at once.
"""

from __future__ import annotations

import io
import re
import struct
import traceback
import uuid
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from PIL import Image

from reporting.models import Department, ReportYear, User

ROLES = ["anonymous", "zhaosheng", "caiwu", "editor", "schooladmin", "outsider", "jiaoyuju"]
# The bureau administrator reaches 创建学校 (setup/bureau) and posts its forms.
ROLES.append("jiaoyuju_admin")
# Who requests the hostile URLs: the committee (who reaches every page of the school) and the
# other school's committee member (the school administrator for the admin's URLs).
HOSTILE_ROLES = ("editor", "outsider", "jiaoyuju")
PROJECT = str(settings.BASE_DIR) + "/"
HUGE = "99999999999999999999"
SINGLES = 6  # visible fields of a form spoiled one at a time
MIXES = 2  # blind garbage bodies per view and role
LONG = "长" * 100_000

# One value per way a user (or a script) can get a field wrong.
GARBAGE = {
    "long": LONG,
    "nul": "a\x00b",
    "negative": "-1",
    "overflow": "1e309",
    "nan": "NaN",
    "infinity": "Infinity",
    "markup": '<script>alert(1)</script><img src=x onerror=alert(1)><p style="x">',
    "sql": "1' OR '1'='1'; DROP TABLE reporting_user; --",
    "date": "2025-02-30",
    "huge": HUGE,
    "json": '{"a": "\\u0000", "b": 1e999, "c": NaN}',
}
HOSTILE_QUERIES = [
    "?department=../../etc/passwd&page=-1&case=abc&next=https://evil.example/",
    "?department=%3Cscript%3Ealert(1)%3C/script%3E&case=%00&page=" + HUGE,
]
ADMIN_GARBAGE = ("long", "nul", "overflow", "date", "huge", "json")
# Field names every form of the project might read, beyond those found on the pages.
KNOWN_FIELDS = {
    "next", "version", "stamp", "action", "case", "direction", "format", "rule_code",
    "subject", "text", "language", "pk", "id", "post", "username", "password",
}  # fmt: skip


# --- the URL patterns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, regex or path syntax
    name: str  # namespaced name, or the route when the pattern has none
    params: frozenset[str]


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = ":".join(filter(None, [namespace, entry.name or ""])) if entry.name else route
            params = re.findall(r"(?<!\?P)<(?:\w+:)?(\w+)>", route) + re.findall(
                r"\(\?P<(\w+)>", route
            )
            yield Pattern(route, name, frozenset(params))


def _fill(pattern: Pattern, values: dict[str, str]) -> str | None:
    """The concrete URL of a pattern with these parameter values, or None when the pattern's
    converters refuse a value (so it would not reach that view at all)."""
    url = pattern.route
    for name in pattern.params:
        value = values[name]
        url = re.sub(rf"(?<!\?P)<(?:\w+:)?{name}>", lambda _m, v=value: v, url)
        url = re.sub(rf"\(\?P<{name}>[^)]*\)", lambda _m, v=value: v, url)
    url = "/" + url.replace("^", "").replace("$", "")
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    # Another (earlier) pattern answering this URL means the value never reaches this one.
    return url if match.route.replace("^", "") == pattern.route.replace("^", "") else None


# --- the demo's real objects and the hostile stand-ins ----------------------------------------


@dataclass
class World:
    bindings: list[dict[str, str]] = field(default_factory=list)  # real parameter sets
    hostile: dict[str, list[str]] = field(default_factory=dict)  # param → hostile values
    photo_urls: list[str] = field(default_factory=list)


def _admin_object_ids(other_school) -> list[dict[str, str]]:
    """Per admin model: one object of the demo school and one of the other school (the
    school administrator must not reach it). `_model` ties the ids to that model's URLs."""
    from django.contrib import admin as django_admin  # noqa: F401 (the registry is ours)

    from reporting.admin_site import admin_site

    school = Department.objects.get(code="zhaosheng", school__slug="lianzhou").school
    bindings = []
    for model in admin_site._registry:
        label = f"{model._meta.app_label}_{model._meta.model_name}"
        objects = model._default_manager.order_by("pk")
        ids = [objects.first().pk if objects.exists() else 1, objects.last().pk if objects.exists()
               else 2]  # fmt: skip
        if model is User:
            ids = [
                User.objects.get(username="zhaosheng").pk,
                User.objects.get(username="outsider").pk,
            ]
        elif model is Department:
            ids = [Department.objects.get(school=school, code="caiwu").pk,
                   Department.objects.get(school=other_school).pk]  # fmt: skip
        elif model is ReportYear:
            ids = [ReportYear.objects.get(school=school, year=2025).pk,
                   ReportYear.objects.get(school=other_school).pk]  # fmt: skip
        for pk in dict.fromkeys(ids):
            bindings.append({"object_id": str(pk), "_model": label})
    return bindings


def _setup_bindings() -> list[dict[str, str]]:
    """学校设置 (a department, a person) and a one-time set-password link."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.http import urlsafe_base64_encode

    head = User.objects.get(username="zhaosheng")
    caiwu = Department.objects.get(school__slug="lianzhou", code="caiwu")
    uid = urlsafe_base64_encode(str(head.pk).encode())
    return [
        {"school": "lianzhou"},
        {"school": "lianzhou", "pk": str(caiwu.pk)},
        {"school": "lianzhou", "pk": str(head.pk)},
        {"uidb64": uid, "token": default_token_generator.make_token(head)},
    ]


def _catalog_bindings() -> list[dict[str, str]]:
    """Local catalog (metrics.local_catalog): the school's and the region's pages, with one
    local indicator and one local rule of each."""
    from metrics.models import Indicator, Rule
    from reporting.models import Region

    school = ReportYear.objects.get(school__slug="lianzhou", year=2025).school
    region = Region.objects.get(code="qingyuan-city")
    out = []
    for scope, key, owner in (("school", "lianzhou", {"school": school}),
                              ("region", "qingyuan-city", {"region": region})):  # fmt: skip
        indicator = Indicator.objects.create(code=f"nse_{scope}", label="本地指标", kind="count",
                                             department_code="jiaowu", **owner)  # fmt: skip
        rule = Rule.objects.create(code=f"nse-{scope}", kind="same_quantity_agrees",
                                   severity="warning", message="{a}", **owner,
                                   params={"a": "students", "b": "students"})  # fmt: skip
        base = {"scope": scope, "key": key}
        out += [base, {**base, "kind": "indicator"}, {**base, "kind": "rule"},
                {**base, "kind": "indicator", "pk": str(indicator.pk)},
                {**base, "kind": "rule", "pk": str(rule.pk)}]  # fmt: skip
    return out


def build_world(other_school) -> World:
    from exports.models import ExportJob
    from metrics.derived import owned_by
    from metrics.models import ReportedValue
    from metrics.yeardata import YearData
    from narrative.models import Block, Section
    from narrative.outline import create_outline

    year = ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)
    other_year = ReportYear.objects.get(school=other_school)
    create_outline(year=other_year)
    other_section = Section.objects.filter(year=other_year).order_by("pk").first()
    other_block = Block.objects.create(section=other_section, kind="text", body="<p>外校</p>")
    other_job = ExportJob.objects.create(year=other_year, format="pdf")
    job = ExportJob.objects.create(year=year, format="pdf")
    other_reported = ReportedValue.objects.create(
        year=other_year, quantity="student_teacher_ratio", source="published", value=1, places=0
    )

    y = {"school": "lianzhou", "year": "2025"}
    world = World()
    world.bindings += [{}, y, {**y, "job_id": str(job.pk)}, {**y, "number": "1", "format": "pdf"}]
    data = YearData(year)
    for department, dataset in (("zhaosheng", "progression"), ("caiwu", "funding")):
        world.bindings += [{**y, "department": department}, {**y, "department": department,
                                                             "key": dataset}]  # fmt: skip
        quantities = owned_by(data, department)
        for reported in ReportedValue.objects.filter(year=year, quantity__in=list(quantities))[:1]:
            world.bindings.append({**y, "department": department, "pk": str(reported.pk)})
    # One section per kind of block (a photo, a table, a case with its parts), and the first
    # chapter (no department: heads get 403 there).
    blocks = {}
    for kind in ("photo", "table", "case", "text"):
        blocks[kind] = Block.objects.filter(section__year=year, kind=kind).order_by("pk").first()
    sections = {b.section for b in blocks.values()} | {Section.objects.get(year=year, key="ch1")}
    for section in sorted(sections, key=lambda s: s.pk):
        world.bindings.append({**y, "key": section.key})
        for kind in ("photo", "table", "case", "text"):
            world.bindings.append({**y, "key": section.key, "kind": kind})
    for block in blocks.values():
        world.bindings.append({**y, "key": block.section.key, "pk": str(block.pk)})
    # Review items (review): one of each kind.
    for kind, key in (("figures", "zhaosheng"), ("data", "progression"), ("section", "s1-4-3")):
        world.bindings.append({**y, "kind": kind, "key": key})
    world.bindings += _admin_object_ids(other_school)
    world.bindings += _setup_bindings()
    # Regions (regions): the bureau's region, and a year of it.
    world.bindings += [{"code": "qingyuan-city"}, {"code": "qingyuan-city", "year": "2025"}]
    world.bindings += _catalog_bindings()
    world.bindings += [
        {"content_type_id": "1", "object_id": "1"},
        {"id": str(User.objects.get(username="zhaosheng").pk)},
        {"app_label": "reporting"},
        {"url": "reporting/nope/"},
    ]
    photo = blocks["photo"].photo
    world.bindings.append({**y, "name": photo.print_copy.name.rsplit("/", 1)[-1]})
    world.photo_urls = [
        f"/report/lianzhou/2025/sections/{blocks['photo'].section.key}/blocks/new/photo/",
        f"/report/lianzhou/2025/sections/{blocks['photo'].section.key}/blocks/"
        f"{blocks['photo'].pk}/",
    ]
    world.hostile = {
        "school": ["qingyuan", "a" * 300],
        "year": ["2024", HUGE, str(other_year.pk)],
        "department": ["jiaowu", "nope"],
        "key": ["nope", other_section.key + "x"],
        "pk": [HUGE, str(other_block.pk), str(other_reported.pk)],
        "kind": ["nope"],
        "job_id": [str(uuid.uuid4()), str(other_job.pk)],
        "number": [HUGE, "0"],
        "format": ["nope", "exe"],
        "object_id": ["abc", HUGE, "中文", "../..", "1%00"],
        "content_type_id": ["abc", HUGE],
        "id": ["abc", HUGE, "中文"],
        "app_label": ["metrics"],
        "url": ["中文/../", "%00"],
        "name": ["..", "x.pdf", "中文.jpg", f"{HUGE}.jpg", "%00.jpg"],
        "uidb64": ["abc", "中文", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA"],
        "token": ["x", HUGE, "set-password"],
        "code": ["guangdong", "nope", "a" * 300],
        "scope": ["nope", "national"],
    }
    return world


def concrete_urls(world: World) -> tuple[list[tuple[str, str]], list[tuple[str, str]], set[str]]:
    """(real URLs, hostile URLs, pattern names without any real URL), each URL with its
    pattern name."""
    real, hostile, uncovered = {}, {}, set()
    for pattern in _walk(get_resolver()):
        model = re.match(r"admin/(\w+)/(\w+)/", pattern.route)
        model_label = "_".join(model.groups()) if model else None
        matching = [
            b
            for b in world.bindings
            if set(b) - {"_model"} == pattern.params and b.get("_model", model_label) == model_label
        ]
        for binding in matching:
            url = _fill(pattern, binding)
            if url:
                real.setdefault(url, pattern.name)
        # Hostile values one parameter at a time, around one real set of parameters.
        for binding in matching[:1]:
            for param in pattern.params:
                for value in world.hostile.get(param, []):
                    url = _fill(pattern, {**binding, param: value})
                    if url:
                        hostile.setdefault(url, pattern.name)
        if not any(name == pattern.name for name in real.values()):
            uncovered.add(pattern.name)
    hostile = {url: name for url, name in hostile.items() if url not in real}
    return list(real.items()), list(hostile.items()), uncovered


# --- forms found on the pages ---------------------------------------------------------------


@dataclass
class FormSeen:
    action: str
    method: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, type, value)
    multipart: bool = False


class FormParser(HTMLParser):
    """The POST forms of a page, with their fields and values as a browser would send them."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[FormSeen] = []
        self.current: FormSeen | None = None
        self.textarea: str | None = None
        self.select: str | None = None
        self.select_value: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            action = a.get("action") or self.page_url
            if action.startswith("?"):
                action = self.page_url.split("?")[0] + action
            self.current = FormSeen(action, a.get("method", "get").lower(),
                                    multipart="multipart" in a.get("enctype", ""))  # fmt: skip
            self.forms.append(self.current)
        if self.current is None or "name" not in a:
            if tag == "option" and self.select is not None and self.select_value is None:
                self.select_value = a.get("value", "")
            return
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "image", "reset"):
                return
            self.current.fields.append((a["name"], kind, a.get("value", "on" if kind ==
                                                                  "checkbox" else "")))  # fmt: skip
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""
        elif tag == "select":
            self.select, self.select_value = a["name"], None
        elif tag == "button" and a.get("value"):
            self.current.fields.append((a["name"], "button", a["value"]))

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "textarea" and self.textarea is not None and self.current is not None:
            self.current.fields.append((self.textarea, "textarea", self.text.lstrip("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None and self.current is not None:
            self.current.fields.append((self.select, "select", self.select_value or ""))
            self.select = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def _selected_options(html: str) -> dict[str, str]:
    """Selected <option>s override the first one (HTMLParser sees them in order)."""
    chosen = {}
    for select, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        match = re.search(r'<option[^>]*value="([^"]*)"[^>]*selected', body)
        if match:
            chosen[select] = match.group(1)
    return chosen


def forms_of(page_url: str, html: str) -> list[FormSeen]:
    parser = FormParser(page_url)
    parser.feed(html)
    chosen = _selected_options(html)
    found = []
    for form in parser.forms:
        if form.method != "post" or not form.action.startswith("/"):
            continue
        form.fields = [(n, t, chosen.get(n, v) if t == "select" else v) for n, t, v in form.fields]
        found.append(form)
    return found


# --- uploads --------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_with_size(width: int, height: int, idat: bytes = b"") -> bytes:
    """A PNG that declares these dimensions: tiny file, huge image (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = idat or zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def _image(mode: str, fmt: str, size=(40, 30), **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, fmt, **save)
    return out.getvalue()


def bad_uploads() -> dict[str, tuple[str, bytes]]:
    jpeg = _image("RGB", "JPEG")
    return {
        "zero-byte": ("empty.jpg", b""),
        "text named .jpg": ("notes.jpg", "这不是图片".encode()),
        "truncated jpeg": ("cut.jpg", jpeg[: len(jpeg) // 2]),
        "decompression bomb png": ("bomb.png", png_with_size(100_000, 100_000)),
        "too many pixels png": ("big.png", png_with_size(9_000, 9_000)),
        "gif": ("a.gif", _image("P", "GIF")),
        "16-bit grey png": ("deep.png", _image("I;16", "PNG")),
        "cmyk jpeg": ("cmyk.jpg", _image("CMYK", "JPEG")),
        "1-bit png": ("bw.png", _image("1", "PNG")),
        "grey+alpha png": ("la.png", _image("LA", "PNG")),
        "palette png with transparency": ("p.png", _image("P", "PNG", transparency=0)),
    }


# --- running requests -----------------------------------------------------------------------

WATCHED_TABLES_SQL = None


def database_fingerprint() -> tuple:
    """The newest row of every history table (pghistory records each change of figures, rows,
    sections, blocks, front matter, reported values) and the row counts of the tables whose
    deletions or untracked changes a refused request could still make."""
    global WATCHED_TABLES_SQL
    if WATCHED_TABLES_SQL is None:
        from django.apps import apps
        from pghistory.models import Event

        events = [m._meta.db_table for m in apps.get_models()
                  if issubclass(m, Event) and not m._meta.proxy]  # fmt: skip
        others = [
            apps.get_model(label)._meta.db_table
            for label in (
                "exports.ExportJob", "metrics.FindingExplanation", "narrative.Photo",
                "reporting.User", "reporting.Department", "reporting.ReportYear",
                "reporting.School", "metrics.Indicator", "metrics.Rule", "metrics.Figure",
                "metrics.ReportedValue", "narrative.Section", "narrative.Block",
            )
        ]  # fmt: skip
        # A new history row raises the table's highest id (cheaper than counting).
        WATCHED_TABLES_SQL = "SELECT " + ", ".join(
            [f'(SELECT max(pgh_id) FROM "{t}")' for t in events]
            + [f'(SELECT count(*) FROM "{t}")' for t in others]
        )
    with connection.cursor() as cursor:
        cursor.execute(WATCHED_TABLES_SQL)
        return cursor.fetchone()


class Probe:
    def __init__(self, clients: dict[str, Client]):
        self.clients = clients
        self.failures: list[str] = []
        self.requests = 0
        self.relogins = 0
        self.statuses: dict[tuple[str, int], int] = {}

    def _stay_logged_in(self, role: str) -> None:
        """Logout, login and password pages end the session (the rollback keeps the database,
        not the client's cookie): log in again so every request is made as this role."""
        client = self.clients[role]
        if role != "anonymous" and "_auth_user_id" not in client.session:
            client.force_login(User.objects.get(username=role))
            self.relogins += 1

    def request(self, role: str, method: str, url: str, data=None, *, what: str = ""):
        client = self.clients[role]
        self.requests += 1
        label = f"{role} {method} {url[:150]} {what}".strip()
        with transaction.atomic():
            before = database_fingerprint() if method == "POST" else None
            try:
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(url, data if data is not None else {})
            except Exception as error:  # raised outside the handler (e.g. by the client)
                self.failures.append(f"{label}: raised {error!r}")
                transaction.set_rollback(True)
                return None
            self.statuses[(role, response.status_code)] = (
                self.statuses.get((role, response.status_code), 0) + 1
            )
            if response.status_code >= 500:
                self.failures.append(f"{label}: {response.status_code} {_error_of(response)}")
            elif method == "POST" and _refused(response):
                if database_fingerprint() != before:
                    self.failures.append(f"{label}: refused ({response.status_code}) but the "
                                         "database changed")  # fmt: skip
            if 300 <= response.status_code < 400:
                location = response.headers.get("Location", "")
                target = urlsplit(location)
                if target.netloc not in ("", "testserver") or location.startswith("//"):
                    self.failures.append(f"{label}: redirects off-site to {location!r}")
            transaction.set_rollback(True)
        self._stay_logged_in(role)
        return response


def _error_of(response) -> str:
    """The exception and the last line of the project's own code it passed through."""
    info = getattr(response, "exc_info", None)
    if not info:
        return ""
    where = ""
    for frame in traceback.extract_tb(info[2]):
        if frame.filename.startswith(PROJECT) and "/.venv/" not in frame.filename:
            where = f" at {frame.filename.removeprefix(PROJECT)}:{frame.lineno}"
    return f"{info[0].__name__}: {str(info[1])[:200]!r}{where}"


def _refused(response) -> bool:
    if response.status_code == 200:
        return True  # a form shown again, or a page that ignores POST
    if response.status_code in (400, 403, 404, 405):
        return True
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    levels = {m.level for m in queued}
    return message_levels.ERROR in levels and message_levels.SUCCESS not in levels


def _garbage_body(value: str, names: set[str]) -> dict[str, str]:
    return {name: value for name in names}


def _spoiled(form: FormSeen, name: str, value: str) -> dict[str, str]:
    return {n: (value if n == name else v) for n, _t, v in form.fields}


# --- the test -------------------------------------------------------------------------------


@pytest.fixture
def clients(outsider) -> dict[str, Client]:
    """One client per role, logged in after the demo is loaded (loading resets passwords)."""
    call_command("load_demo", verbosity=0)
    result = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(User.objects.get(username=role))
        result[role] = client
    return result


def test_no_request_of_any_role_gets_a_server_error(clients, other_school):
    world = build_world(other_school)
    real, hostile, uncovered = concrete_urls(world)
    assert not uncovered, f"URL patterns without real demo values: {uncovered}"
    probe = Probe(clients)

    # 1. GET every real URL as every role; remember the forms each role is shown and which
    #    views each role reaches. Hostile query strings once per view and role.
    reaches: dict[tuple[str, str], bool] = {}
    forms: dict[tuple, tuple[str, FormSeen]] = {}
    field_names = set(KNOWN_FIELDS)
    url_fields: dict[str, set[str]] = {}
    queried: set[tuple[str, str]] = set()
    queried_admin: set[tuple[str, str]] = set()
    for role in ROLES:
        for url, name in real:
            if _admin_object_url(url) and role != "schooladmin" and (role, name) in queried_admin:
                continue  # the admin turns other roles away before looking at any object
            queried_admin.add((role, name))
            response = probe.request(role, "GET", url)
            if response is None:
                continue
            location = response.headers.get("Location", "")
            reached = response.status_code in (200, 405) or (
                response.status_code == 302 and "login/" not in location
            )
            reaches[(role, url)] = reached
            if response.status_code == 200 and "html" in response.headers.get("Content-Type", ""):
                for form in forms_of(url, response.content.decode()):
                    names = [n for n, _t, _v in form.fields]
                    field_names.update(names)
                    url_fields.setdefault(url, set()).update(names)
                    # The committee's copy of a form wins: they may submit every one of them.
                    if role == "editor" or _form_kind(form) not in forms:
                        forms[_form_kind(form)] = (role, form)
            if reached and (role, name) not in queried:
                queried.add((role, name))
                for query in HOSTILE_QUERIES:
                    probe.request(role, "GET", url + query)

    # 2. POST an empty body and garbage to each view as every role (the first real URL of the
    #    view), and to every hostile URL as the roles that could reach the real one.
    field_names.discard("csrfmiddlewaretoken")
    posted: set[tuple[str, str]] = set()
    for role in ROLES:
        for url, name in real:
            if (role, name) in posted:
                continue
            posted.add((role, name))
            probe.request(role, "POST", url, {}, what="(empty)")
            if not reaches.get((role, url)):
                probe.request(role, "POST", url, _mixed(field_names, 0), what="(mixed)")
                continue
            for shift in range(MIXES):
                probe.request(role, "POST", url, _mixed(field_names, shift), what="(mixed)")
            own_fields = KNOWN_FIELDS | url_fields.get(url, set())
            probe.request(role, "POST", url, dict.fromkeys(own_fields, LONG), what="(long)")
    for url, name in hostile:
        for role in ("schooladmin",) if name.startswith("admin") else HOSTILE_ROLES:
            probe.request(role, "GET", url)
        poster = "schooladmin" if name.startswith("admin") else "editor"
        probe.request(poster, "POST", url, _mixed(field_names, 1), what="(mixed)")

    # 3. Every kind of form as its page shows it, then all its fields spoiled with each kind of
    #    garbage, then its hidden fields and a sample of the others spoiled one at a time.
    for role, form in forms.values():
        data = {n: v for n, _t, v in form.fields}
        probe.request(role, "POST", form.action, data, what="(as shown)")
        editable = [n for n in data if n != "csrfmiddlewaretoken"]
        if not editable:
            continue
        # Django's admin forms are Django's: fewer kinds of garbage there.
        admin = form.action.startswith("/admin/")
        for what, value in GARBAGE.items():
            if admin and what not in ADMIN_GARBAGE:
                continue
            spoiled = {n: (value if n in editable else v) for n, v in data.items()}
            probe.request(role, "POST", form.action, spoiled, what=f"(all fields {what})")
        for name in _singles(form, editable):
            for what in ("nul", "long", "huge", "negative"):
                if what == "negative" and (admin or name.endswith("TOTAL_FORMS")):
                    continue
                probe.request(role, "POST", form.action, {**data, name: GARBAGE[what]},
                              what=f"({name}={what})")  # fmt: skip

    # 4. Broken and hostile images to the photo forms.
    for url in world.photo_urls:
        for what, (filename, content) in bad_uploads().items():
            upload = SimpleUploadedFile(filename, content, content_type="image/jpeg")
            probe.request("editor", "POST", url, {"caption": "图", "image": upload}, what=what)

    # The walk must really have worked as each role (not as a logged-out visitor).
    for role in ROLES[1:]:
        assert probe.statuses.get((role, 200), 0) >= 20, f"{role} saw almost no pages"
    assert len(forms) >= 25, "the pages' forms were not found"
    print(
        f"{len(real)} real URLs × {len(ROLES)} roles, {len(hostile)} hostile URLs, "
        f"{len(forms)} kinds of forms, {probe.requests} requests"
    )
    assert not probe.failures, f"{len(probe.failures)} failures:\n" + "\n".join(probe.failures)


def _admin_object_url(url: str) -> bool:
    return url.startswith("/admin/") and bool(re.search(r"/\d+/", url))


def _form_kind(form: FormSeen) -> tuple:
    """Forms of the same view with the same fields (numbers aside) are one kind."""
    view = _view_name(form.action)
    view = re.sub(r"^admin:\w+_(changelist|delete|history)$", r"admin:\1", view)
    view = re.sub(r"_(add|change)$", "_form", view)
    return view, tuple(sorted({re.sub(r"\d+", "N", n) for n, _t, _v in form.fields}))


def _singles(form: FormSeen, editable: list[str]) -> list[str]:
    """The hidden fields, and a sample of the others (of a formset, the first row)."""
    hidden = [n for n, t, _v in form.fields if t == "hidden" and n in editable]
    others = [
        n for n in editable if n not in hidden and not re.match(r"(rows|form)-([1-9]|\d\d+)-", n)
    ]
    return list(dict.fromkeys(hidden + others[:SINGLES]))


def _mixed(names: set[str], shift: int) -> dict[str, str]:
    """Every field name the project uses, each with one kind of garbage (rotating)."""
    values = [v for k, v in GARBAGE.items() if k != "long"]
    return {name: values[(i + shift) % len(values)] for i, name in enumerate(sorted(names))}


def _view_name(url: str) -> str:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return url


# --- focused: the login pages ---------------------------------------------------------------


def test_overlong_username_is_refused_before_login_is_attempted(client, db):
    from axes.models import AccessAttempt

    response = client.post("/login/", {"username": "长" * 300, "password": "x"})
    assert response.status_code == 200
    assert "用户名不能超过 150 个字符" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_overlong_username_to_the_admin_login_is_refused_too(client, schooladmin):
    from axes.models import AccessAttempt

    client.force_login(schooladmin)  # the admin's login form takes their POSTs
    response = client.post("/admin/login/", {"username": "长" * 300, "password": "x"})
    assert response.status_code == 200
    assert "用户名不能超过 150 个字符" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_login_and_logout_never_redirect_off_site(client, zhaosheng):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        response = client.post(
            "/login/", {"username": "zhaosheng", "password": "demo", "next": target}
        )
        assert response.status_code == 302
        assert response.url == "/"
        response = client.post(f"/logout/?next={target}")
        assert response.status_code == 302
        assert response.url == "/login/"
