"""WeasyPrint may load the project's own static and media files, and nothing else."""

import pytest
from django.conf import settings

from exports.exporters.fetcher import (
    PROJECT_ORIGIN,
    ProjectFilesFetcher,
    RefusedResource,
)
from exports.exporters.pdf import write_pdf
from tests.exports import pdf_text


@pytest.fixture
def fetcher():
    return ProjectFilesFetcher()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/static/exports/print.css",
        "data:text/css,body{}",
        f"{PROJECT_ORIGIN}/etc/passwd",
        f"{PROJECT_ORIGIN}/static/../../config/settings.py",
        f"{PROJECT_ORIGIN}/media/%2e%2e/config/settings.py",
    ],
)
def test_everything_but_project_files_is_refused(fetcher, url):
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)


def test_exported_files_under_media_are_refused(fetcher):
    exported = settings.MEDIA_ROOT / "exports" / "x" / "report.pdf"
    exported.parent.mkdir(parents=True, exist_ok=True)
    exported.write_bytes(b"%PDF")
    with pytest.raises(RefusedResource):
        fetcher.fetch(f"{PROJECT_ORIGIN}/media/exports/x/report.pdf")


def test_project_static_file_is_served(fetcher):
    response = fetcher.fetch(f"{PROJECT_ORIGIN}/static/exports/print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_document_pointing_at_local_files_prints_without_them():
    html = (
        '<html><body><p>正文</p><img src="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">'
        '<iframe src="file:///etc/shadow"></iframe></body></html>'
    )
    pages = pdf_text.printed_pages(write_pdf(html, draft=False))
    assert "正文" in pages[0].text
    assert "root:" not in pages[0].text
