"""Reading a printed PDF the way a reader does: page by page, with the printed page numbers."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

LEADER_LINE = re.compile(r"^(?P<title>.*?)\s*\.{3,}\s*(?P<page>\d+|[IVXLC]+)\s*$")
PAGE_LABEL = re.compile(r"^(\d+|[IVXLC]+)$")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PrintedPage:
    index: int  # 1-based physical page
    text: str
    label: str  # the page number printed at the foot: "III", "12", or "" (cover)


def printed_pages(pdf: bytes) -> list[PrintedPage]:
    layout = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = layout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    result = []
    for index, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        label = lines[-1] if lines and PAGE_LABEL.match(lines[-1]) else ""
        result.append(PrintedPage(index, text, label))
    return result


def listing_pages(pages: list[PrintedPage], heading: str) -> list[PrintedPage]:
    """The pages of one listing (目录, 图目录 …): from its heading to the next listing/body."""
    found = []
    for page in pages:
        starts = any(squeeze(line) == heading for line in page.text.splitlines())
        continues = any(LEADER_LINE.match(line.strip()) for line in page.text.splitlines())
        if starts or (found and not _heading_line(page) and continues):
            found.append(page)
        elif found:
            break
    return found


def _heading_line(page: PrintedPage) -> bool:
    return any(squeeze(line) in LISTING_HEADINGS for line in page.text.splitlines())


LISTING_HEADINGS = {"目录", "图目录", "表目录", "案例目录"}


def listing_entries(pages: list[PrintedPage]) -> list[tuple[str, str]]:
    """(entry text, printed page number) of a listing; wrapped titles are joined."""
    entries = []
    for page in pages:
        entries.extend(_page_entries(page))
    return entries


def _page_entries(page: PrintedPage) -> list[tuple[str, str]]:
    entries, pending, started = [], "", not _heading_line(page)
    lines = [line for line in page.text.splitlines() if line.strip()]
    for line in lines[1:]:  # the first line is the running header
        if not started:
            started = squeeze(line) in LISTING_HEADINGS
            continue
        match = LEADER_LINE.match(line.strip())
        if match:
            entries.append((squeeze(pending + match["title"]), match["page"]))
            pending = ""
        elif line.strip() and not PAGE_LABEL.match(line.strip()):
            pending += line.strip()
    return entries


def pages_with_heading(pages: list[PrintedPage], heading: str) -> list[PrintedPage]:
    return [page for page in pages if heading in page.text]


def body_page(pages: list[PrintedPage], label: str) -> PrintedPage:
    """The arabic-numbered page with this printed number (front matter uses roman)."""
    matches = [page for page in pages if page.label == label]
    assert len(matches) == 1, f"page label {label!r} printed on {len(matches)} pages"
    return matches[0]


def font_names(pdf_path) -> list[str]:
    output = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, check=True, text=True
    ).stdout
    rows = output.splitlines()[2:]
    return [(row.split()[0].split("+", 1)[-1], row.split()[-5]) for row in rows if row.strip()]
