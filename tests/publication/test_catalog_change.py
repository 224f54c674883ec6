"""A catalog change never alters a published edition (issue 13, item 4).

The published files are stored bytes with their SHA-256; a locked year's figures cannot change
(triggers, `ensure_open`), and a catalog row added after the lock is not part of that year
(`metrics.yeardata.shown_in_year`): it adds no required row, no finding, no table to it."""

from io import StringIO

import pytest
from django.core.management import call_command

from metrics import api, services
from metrics.findings import run_checks
from metrics.local_catalog import services as catalog
from metrics.local_catalog.owners import Owner
from metrics.models import Figure, Indicator, Rule
from publication import storage
from publication.models import EditionFile
from reporting.errors import YearLocked

REQUIRED_LOCAL = {"code": "own_labs", "label": "校内实训室数", "unit": "个", "kind": "count",
                  "applies_to": "all", "department_code": "jiaowu", "formula": None,
                  "order": 0, "active": True}  # fmt: skip


def downloads(client, year) -> dict[str, bytes]:
    return {
        file.format: b"".join(client.get(file.download_url).streaming_content)
        for file in EditionFile.objects.filter(edition__year=year)
    }


def change_the_catalog(school) -> None:
    """A national relabel and formula change, a local indicator and a local rule."""
    graduates = Indicator.objects.national().get(code="graduates")
    graduates.label = "毕业生总人数（改名）"
    graduates.save()
    computed = Indicator.objects.national().filter(formula__isnull=False).first()
    computed.formula = {"op": "add", "args": [1, 2]}
    computed.save()
    owner = Owner(school=school)
    catalog.save_item(owner=owner, model=Indicator, pk=None, data=REQUIRED_LOCAL, version=None)
    catalog.save_item(owner=owner, model=Rule, pk=None, version=None, data={
        "code": "labs-agree", "kind": "same_quantity_agrees", "severity": "error",
        "message": "{a} 与 {b} 不一致", "params": {"a": "own_labs", "b": 1},
        "applies_to": "all", "department_code": "", "order": 0, "active": True})  # fmt: skip


def test_published_downloads_stay_byte_identical_after_catalog_changes(client, published, editor):
    client.force_login(editor)
    before = downloads(client, published)
    hashes = dict(
        EditionFile.objects.filter(edition__year=published).values_list("format", "sha256")
    )
    change_the_catalog(published.school)
    after = downloads(client, published)
    assert set(before) == {"pdf", "xlsx", "docx"}
    assert after == before
    for fmt, content in after.items():
        assert storage.sha256_of(content) == hashes[fmt]
    assert (
        dict(EditionFile.objects.filter(edition__year=published).values_list("format", "sha256"))
        == hashes
    )
    # `published --verify` re-hashes the stored files; a mismatch would exit 1.
    call_command("published", school="lianzhou", year=2025, verify=True, stdout=StringIO())


def test_a_new_required_indicator_does_not_open_or_change_a_locked_year(published, editor):
    figures = dict(Figure.objects.filter(year=published).values_list("pk", "value"))
    findings = {(f.rule_code, f.subject) for f in run_checks(published)}
    change_the_catalog(published.school)
    published.refresh_from_db()
    assert not published.is_open
    with pytest.raises(YearLocked):
        services.set_figures(year=published, user=editor, values={"own_labs": 3})
    assert dict(Figure.objects.filter(year=published).values_list("pk", "value")) == figures
    # Added after the lock: not required of that year, no finding, no supplementary table.
    after = {(f.rule_code, f.subject) for f in run_checks(published)}
    assert ("required-rows", "own_labs") not in after and "labs-agree" not in dict(after)
    assert after == findings
    assert "own_labs" not in api.figure_values(published)
    assert all(t.key != "appendix-local" for t in api.appendix_tables(published))


def test_the_export_page_of_a_locked_year_offers_only_the_published_edition(
    client, published, editor
):
    change_the_catalog(published.school)
    client.force_login(editor)
    page = client.get("/exports/lianzhou/2025/").content.decode()
    assert 'data-testid="published-edition"' in page and 'data-testid="export-buttons"' not in page
