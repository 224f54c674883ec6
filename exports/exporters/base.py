"""The one contract every exporter follows: `render(year) -> ExportResult`.

An exporter is a pure function of the year's stored data: the same year gives the same bytes
(no clock, no request), so a locked year's files can be archived and compared later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from metrics import api as metrics_api
from reporting.models import ReportYear

# Called with (percent 0–100, stage label) while an exporter works; the background job
# stores it so the committee sees progress.
ProgressCallback = Callable[[int, str], None]


class ExportError(Exception):
    """A problem the user can act on, in plain Chinese (unknown format, missing document…)."""


@dataclass(frozen=True)
class ExportResult:
    filename: str
    mimetype: str
    content: bytes


def _ignore_progress(percent: int, stage: str) -> None:
    return None


class Exporter:
    format: str = ""
    extension: str = ""
    mimetype: str = "application/octet-stream"
    label: str = ""

    def __init__(self, progress: ProgressCallback | None = None):
        self.progress = progress or _ignore_progress

    def filename(self, year: ReportYear) -> str:
        name = _("%(school)s%(year)s年度质量年度报告") % {
            "school": year.school.name,
            "year": year.year,
        }
        if year.is_open:
            name += _("（草稿）")
        return f"{name}.{self.extension}"

    def render(self, year: ReportYear) -> ExportResult:
        # One document, one snapshot of the year's figures (and of each earlier year a chart
        # shows), however many tables, charts and bound figures read them.
        with metrics_api.one_read_per_year():
            return ExportResult(self.filename(year), self.mimetype, self.render_bytes(year))

    def render_bytes(self, year: ReportYear) -> bytes:
        raise NotImplementedError
