import io
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from exports.exporters import get_exporter
from metrics.models import FindingExplanation, Indicator
from publication import storage
from publication.blockers import lock_blockers
from publication.models import Edition, EditionFile, LockEvent
from publication.services import LockRefused, lock_year, unlock_year
from reporting.errors import ReportError, YearLocked
from reporting.models import ReportYear
from tests.exports import pdf_text

PAGE = "/publication/lianzhou/2025/"


def stored_bytes(file: EditionFile) -> bytes:
    return storage.read_bytes(file.path)


def test_committee_locks_and_publishes_the_first_edition(published, editor):
    assert published.status == ReportYear.Status.LOCKED and published.locked_by == editor
    edition = Edition.objects.get(year=published)
    assert edition.label == "第1版" and edition.note == "编委会审定"
    files = {f.format: f for f in edition.files.all()}
    assert set(files) == {"pdf", "xlsx", "docx"}
    for file in files.values():
        content = stored_bytes(file)
        assert storage.sha256_of(content) == file.sha256 and len(content) == file.size
        assert "草稿" not in file.filename
    pages = pdf_text.printed_pages(stored_bytes(files["pdf"]))
    assert not any("草稿" in page.text for page in pages)
    assert [e.action for e in LockEvent.objects.filter(year=published)] == ["locked", "published"]


def test_published_files_live_outside_media(published, settings):
    file = EditionFile.objects.filter(edition__year=published).first()
    path = Path(storage.published_storage().path(file.path))
    assert Path(settings.MEDIA_ROOT) not in path.parents and path.exists()


def test_lock_is_refused_while_an_error_finding_is_unexplained(school, year, editor):
    from review.demo import complete

    complete(school, year)  # every item approved, so only the findings block
    FindingExplanation.objects.filter(year=year).delete()
    blockers = lock_blockers(year)
    assert blockers and all(b.url.startswith("/figures/lianzhou/2025/findings/") for b in blockers)
    with pytest.raises(LockRefused) as refused:
        lock_year(year=year, user=editor)
    assert len(refused.value.blockers) == len(blockers)
    year.refresh_from_db()
    assert year.is_open and not Edition.objects.exists() and not LockEvent.objects.exists()


@pytest.mark.parametrize("who", ["zhaosheng", "schooladmin", "outsider"])
def test_only_the_committee_of_the_school_locks(lockable, people, who):
    with pytest.raises(PermissionDenied):
        lock_year(year=lockable, user=people[who])
    lockable.refresh_from_db()
    assert lockable.is_open


@pytest.mark.parametrize("who", ["zhaosheng", "schooladmin", "outsider"])
def test_only_the_committee_unlocks(published, people, who):
    with pytest.raises(PermissionDenied):
        unlock_year(year=published, user=people[who], reason="想改")
    published.refresh_from_db()
    assert not published.is_open


def test_unlock_needs_a_reason_and_changes_nothing_without_one(published, editor):
    with pytest.raises(ReportError, match="请填写解锁原因"):
        unlock_year(year=published, user=editor, reason="   ")
    published.refresh_from_db()
    assert not published.is_open and not LockEvent.objects.filter(action="unlocked").exists()


def test_locking_a_locked_year_names_who_locked_it(published, editor):
    with pytest.raises(YearLocked, match="潘三林"):
        lock_year(year=published, user=editor)


def test_unlock_is_recorded_and_relock_publishes_the_second_edition(published, editor):
    unlock_year(year=published, user=editor, reason="财务科更正经费数据")
    published.refresh_from_db()
    assert published.is_open and published.locked_by is None
    first = Edition.objects.get(year=published, number=1)
    assert first.unlocked_by == editor and first.unlock_reason == "财务科更正经费数据"
    second = lock_year(year=published, user=editor)
    assert second.label == "第2版" and second.files.count() == 3
    actions = list(LockEvent.objects.filter(year=published).values_list("action", flat=True))
    assert actions == ["locked", "published", "unlocked", "locked", "published"]


def test_editions_page_lists_every_edition_with_who_and_why(client, published, editor):
    unlock_year(year=published, user=editor, reason="财务科更正经费数据")
    lock_year(year=published, user=editor)
    client.force_login(editor)
    page = client.get(PAGE).content.decode()
    assert "第1版" in page and "第2版" in page and "财务科更正经费数据" in page
    first_pdf = EditionFile.objects.get(edition__number=1, format="pdf")
    response = client.get(first_pdf.download_url)
    assert b"".join(response.streaming_content) == stored_bytes(first_pdf)


def test_committee_locks_and_unlocks_through_the_page(client, lockable, editor):
    client.force_login(editor)
    page = client.get(PAGE).content.decode()
    assert "没有未完成的事项，可以锁定" in page
    response = client.post(f"{PAGE}lock/", {"note": "定稿"}, follow=True)
    assert "已锁定并发布第1版" in response.content.decode()
    response = client.post(f"{PAGE}unlock/", {"reason": ""}, follow=True)
    assert "请填写解锁原因" in response.content.decode()
    lockable.refresh_from_db()
    assert not lockable.is_open
    response = client.post(f"{PAGE}unlock/", {"reason": "补充案例"}, follow=True)
    assert "已解锁" in response.content.decode()


def test_page_lists_blockers_as_links(client, year, editor):
    client.force_login(editor)
    page = client.get(PAGE).content.decode()
    assert 'data-testid="blockers"' in page and "错误未说明" in page
    assert 'href="/figures/lianzhou/2025/findings/?department=' in page
    assert 'data-testid="lock-form"' not in page


@pytest.mark.parametrize("who", ["zhaosheng", "schooladmin"])
def test_heads_and_admins_cannot_lock_through_the_page(client, lockable, people, who):
    client.force_login(people[who])
    assert client.post(f"{PAGE}lock/", {"note": ""}).status_code == 403
    lockable.refresh_from_db()
    assert lockable.is_open


def test_published_bytes_do_not_change_when_the_catalog_label_changes(client, published, editor):
    file = EditionFile.objects.get(edition__year=published, format="xlsx")
    client.force_login(editor)
    before = b"".join(client.get(file.download_url).streaming_content)
    indicator = Indicator.objects.get(code="graduates")
    indicator.label = "毕业生总人数（改名）"
    indicator.save()
    after = b"".join(client.get(file.download_url).streaming_content)
    assert after == before and storage.sha256_of(after) == file.sha256
    rerendered = get_exporter("xlsx").render(published).content
    assert "毕业生总人数（改名）" in _xlsx_text(rerendered)
    assert "毕业生总人数（改名）" not in _xlsx_text(after)


def _xlsx_text(content: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return "\n".join(
        str(cell.value) for ws in workbook for row in ws.iter_rows() for cell in row if cell.value
    )


def test_members_download_published_files_other_schools_do_not(client, published, people):
    file = EditionFile.objects.get(edition__year=published, format="pdf")
    for who, expected in [("zhaosheng", 200), ("schooladmin", 200), ("outsider", 404)]:
        client.force_login(people[who])
        assert client.get(file.download_url).status_code == expected, who
    client.logout()
    assert client.get(file.download_url).status_code == 302


def test_download_can_be_handed_to_the_proxy(client, published, zhaosheng, settings):
    settings.PUBLISHED_ACCEL_PREFIX = "/internal-published/"
    file = EditionFile.objects.get(edition__year=published, format="docx")
    client.force_login(zhaosheng)
    response = client.get(file.download_url)
    assert response["X-Accel-Redirect"] == f"/internal-published/{file.path}"
    assert "attachment" in response["Content-Disposition"]


def test_export_page_of_a_locked_year_offers_the_published_edition(client, published, editor):
    client.force_login(editor)
    page = client.get("/exports/lianzhou/2025/").content.decode()
    assert 'data-testid="published-edition"' in page and "第1版" in page
    assert 'data-testid="export-buttons"' not in page
    response = client.post("/exports/lianzhou/2025/start/", {"format": "pdf"}, follow=True)
    assert "请下载已发布的正式版" in response.content.decode()


def test_home_and_top_bar_link_the_committee_to_the_page(client, year, editor, zhaosheng):
    client.force_login(editor)
    assert client.get("/").content.decode().count(f'href="{PAGE}"') >= 2
    client.force_login(zhaosheng)
    assert f'href="{PAGE}"' not in client.get("/").content.decode()
