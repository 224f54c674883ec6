"""English is one click away: the switcher in the top bar, locale/en, every page in English."""

import ast
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import reloader

from narrative.models import FrontMatter
from reporting.models import ReportYear

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.fixture(scope="module", autouse=True)
def compiled_messages():
    """`make test` compiles them first; compiling here keeps this file right when run alone."""
    call_command("compilemessages", verbosity=0, ignore_patterns=[".venv", "var"])
    reloader.translation_file_changed(sender=None, file_path=PO_FILE.with_suffix(".mo"))


def switch_language(client, language: str, next_url: str):
    return client.post("/i18n/setlang/", {"language": language, "next": next_url}, follow=True)


def read_po(path: Path) -> list[dict]:
    """The live entries of a .po file: msgid, msgid_plural, msgstr list, flags."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#~"):
            continue
        if not line.strip():
            if entry and entry["msgid"]:
                entries.append(entry)
            entry = None
            continue
        entry = entry or {"msgid": "", "msgid_plural": None, "msgstr": [], "flags": ""}
        if line.startswith("#,"):
            entry["flags"] += line
        elif match := re.match(r"(msgid_plural|msgid|msgstr)(?:\[\d\])? (\".*\")$", line):
            field, text = match.group(1), ast.literal_eval(match.group(2))
            if field == "msgstr":
                entry["msgstr"].append(text)
            else:
                entry[field] = text
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += text
            else:
                entry[field] += text
    return entries


def test_login_page_speaks_chinese_by_default_and_offers_english(client):
    content = client.get("/login/").content.decode()
    assert "登录" in content
    assert "Log in" not in content
    assert 'data-testid="language-switcher"' in content
    assert "简体中文" in content and "English" in content


def test_anonymous_visitor_switches_the_login_page_to_english(client):
    response = switch_language(client, "en", "/login/")
    content = response.content.decode()
    assert response.redirect_chain[-1][0] == "/login/"
    assert '<html lang="en">' in content
    assert "Log in" in content
    assert "Username" in content
    assert "登录" not in content


def test_english_survives_logging_in_and_shows_the_home_page_in_english(client, editor):
    switch_language(client, "en", "/login/")
    response = client.post("/login/", {"username": "editor", "password": "demo"}, follow=True)
    content = response.content.decode()
    assert "My tasks" in content
    assert "Log out" in content
    assert "Editorial committee member" in content
    assert "Current report year: 2025" in content
    assert "我的任务" not in content


def test_switching_back_returns_to_chinese_on_the_same_page(client, editor):
    client.force_login(editor)
    switch_language(client, "en", "/")
    content = switch_language(client, "zh-hans", "/").content.decode()
    assert "我的任务" in content
    assert "My tasks" not in content


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/figures/lianzhou/2025/", "Data entry · 2025"),
        ("/figures/lianzhou/2025/findings/", "Data check findings · 2025"),
        ("/figures/lianzhou/2025/d/zhaosheng/", "Single figures"),
        ("/report/lianzhou/2025/", "Report outline · 2025"),
        ("/report/lianzhou/2025/front-matter/", "Cover, declaration and preface"),
        ("/exports/lianzhou/2025/", "Export report · 2025"),
    ],
)
def test_feature_pages_render_in_english(client, editor, url, heading):
    client.force_login(editor)
    response = switch_language(client, "en", url)
    content = response.content.decode()
    assert response.status_code == 200, url
    assert heading in content
    assert "Data entry" in content and "Report text" in content  # the top bar
    assert "退出" not in content


def test_document_preview_stays_chinese_while_the_interface_is_english(client, editor):
    client.force_login(editor)
    response = switch_language(client, "en", "/report/lianzhou/2025/preview/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "连州市职业技术学校" in content
    # The report reads as it prints: its own headings are Chinese, only the page around it is not.
    assert "目 录" in content and "Contents" not in content


def test_every_message_has_an_english_translation():
    entries = read_po(PO_FILE)
    assert len(entries) > 300
    untranslated = [e["msgid"] for e in entries if not all(s.strip() for s in e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_translations_keep_every_placeholder():
    for entry in read_po(PO_FILE):
        expected = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for text in entry["msgstr"]:
            assert sorted(PLACEHOLDER.findall(text)) == expected, entry["msgid"]


def test_plural_messages_have_both_english_forms():
    plurals = [e for e in read_po(PO_FILE) if e["msgid_plural"]]
    assert plurals
    for entry in plurals:
        assert len(entry["msgstr"]) == 2
        assert entry["msgstr"][0] != entry["msgstr"][1]


def test_a_year_created_while_the_interface_is_english_gets_chinese_front_matter(school):
    with translation.override("en"):
        new_year = ReportYear.objects.create(school=school, year=2026)
    front = FrontMatter.objects.get(year=new_year)
    assert front.publication_form.endswith("质量年度报告（2026年度）公开形式")
    assert "编委会" in front.preface_signature


def test_switcher_ignores_unknown_languages_and_off_site_next(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response.url.startswith("https://evil.example")
    assert "登录" in client.get("/login/").content.decode()


def test_every_message_id_in_the_code_has_an_english_translation(tmp_path, monkeypatch):
    """makemessages over a copy of the code: a msgid the .po file lacks comes out untranslated."""
    base = Path(settings.BASE_DIR)
    for name in ("config", "metrics", "reporting", "templates"):
        shutil.copytree(base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    shutil.copy(PO_FILE, po)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0, no_obsolete=True)
    missing = [e["msgid"] for e in read_po(po) if not all(s.strip() for s in e["msgstr"])]
    assert missing == [], "add English for these msgids to locale/en/LC_MESSAGES/django.po"
