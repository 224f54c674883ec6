"""Production settings (issue 10, finding 9): a Content-Security-Policy without inline script,
the client address taken from a proxy only when one is declared, an idle session timeout, and
`check --deploy` clean with the documented production variables."""

import datetime
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")


def _policy(response) -> dict[str, str]:
    parts = [p.strip() for p in response["Content-Security-Policy"].split(";") if p.strip()]
    return {p.split()[0]: p for p in parts}


def test_every_page_carries_a_policy_without_inline_script(client, zhaosheng):
    client.force_login(zhaosheng)
    policy = _policy(client.get("/"))
    assert policy["script-src"] == "script-src 'self'"  # a nonce only on the editor's pages
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert "http" not in " ".join(policy.values())  # no CDN


def test_only_the_editor_import_map_carries_the_nonce(client, zhaosheng):
    from narrative.models import Block, Section

    section = Section.objects.get(year__year=2025, key="ch1")
    Section.objects.filter(pk=section.pk).update(department=zhaosheng.department)
    Block.objects.create(section=section, kind="text", body="<p>正文</p>")
    client.force_login(zhaosheng)
    response = client.get("/report/lianzhou/2025/sections/ch1/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    tags = re.findall(r"<script[^>]*>", response.content.decode())
    inline = [t for t in tags if "src=" not in t and 'type="application/json"' not in t]
    assert inline == [f'<script type="importmap" nonce="{nonce}">']


def test_login_page_and_admin_carry_the_policy(client, schooladmin):
    assert "script-src 'self'" in client.get("/login/")["Content-Security-Policy"]
    client.force_login(schooladmin)
    assert "script-src 'self'" in client.get("/admin/")["Content-Security-Policy"]


def test_no_template_has_an_inline_handler_or_script():
    offenders = []
    for folder in (ROOT / "templates", ROOT / "reporting", ROOT / "metrics"):
        for template in folder.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_HANDLER.search(text) or INLINE_SCRIPT.search(text):
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def _fail_login(client, ip: str, forwarded: str):
    return client.post(
        "/login/",
        {"username": "editor", "password": "wrong"},
        REMOTE_ADDR=ip,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_without_a_proxy_a_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail_login(client, "203.0.113.9", f"198.51.100.{n}")
    response = _fail_login(client, "203.0.113.9", "198.51.100.200")
    assert "该账号已暂时锁定" in response.content.decode()


def test_behind_a_proxy_one_client_cannot_lock_out_the_others(client, editor, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0  # TRUSTED_PROXY=1: one nginx
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        _fail_login(client, "10.0.0.2", "198.51.100.7")
    assert "已暂时锁定" in _fail_login(client, "10.0.0.2", "198.51.100.7").content.decode()
    response = client.post(
        "/login/",
        {"username": "editor", "password": "demo"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert response.status_code == 302  # another office behind the same proxy logs in


def test_a_request_moves_the_idle_expiry_on(client, zhaosheng):
    client.force_login(zhaosheng)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=1)
    )
    client.get("/")
    left = Session.objects.get(pk=key).expire_date - timezone.now()
    assert left > datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_requests_within_a_minute_write_the_session_once(client, zhaosheng):
    client.force_login(zhaosheng)
    client.get("/")  # moves the expiry on and remembers when
    key = client.session.session_key
    soon = timezone.now() + datetime.timedelta(minutes=1)
    Session.objects.filter(pk=key).update(expire_date=soon)
    client.get("/")
    assert Session.objects.get(pk=key).expire_date == soon  # no second write


def test_an_idle_session_has_ended(client, zhaosheng):
    client.force_login(zhaosheng)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and "login/" in response.url


PRODUCTION = {
    "DATABASE_URL": "postgres://report:secret@db.example:5432/report",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "report.example.edu.cn",
    "CSRF_TRUSTED_ORIGINS": "https://report.example.edu.cn",
    "TRUSTED_PROXY": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "MEDIA_ACCEL_PREFIX": "/protected-media/",
}


def test_check_deploy_is_clean_with_the_documented_production_variables():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(PRODUCTION, DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_readme_documents_every_production_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in PRODUCTION:
        assert f"`{name}`" in readme, name
