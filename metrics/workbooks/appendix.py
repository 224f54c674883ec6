"""Read 附件 表1–表5 from a workbook: the layout our Excel export writes (one sheet per table)
and the ministry template's (all tables one under another on one sheet).

Both print a title row "表 n 名称", a header row 序号 | 指标 | 单位 | <year> 年, then the rows
in the catalog's order; so one reader finds every title row on every sheet and matches the
rows below it against the catalog row by row (wording and unit), stopping a table at the first
row that does not match (a row added, removed or reworded) with a message naming the cell.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from metrics.assignments import WhoFills
from metrics.models import Indicator
from metrics.workbooks.reader import ReadResult, open_workbook
from metrics.workbooks.values import Problem, RawValue

TITLE = re.compile(r"^表\s*(\d+)\s*(\S.*)?$")
SCOPE_MARKERS = {"中职填报", "高职填报"}


def _clean(value) -> str:
    text = "" if value is None else str(value)
    return re.sub(r"\s+", "", text).replace(":", "：") if text else ""


def read_appendix_workbook(data: bytes, year) -> ReadResult:
    result = ReadResult(meta={"school": year.school.slug, "year": year.year})
    workbook = open_workbook(data)
    if workbook is None:
        result.problems.append(Problem("", "", _("无法读取文件：请上传 .xlsx 格式的附件表。")))
        return result
    catalog: dict[int, list[Indicator]] = {}
    # The official tables print the national catalog only (local rows have no table).
    official = Indicator.objects.for_school(year.school_id).filter(table__isnull=False)
    for indicator in official.select_related("table"):
        catalog.setdefault(indicator.table.number, []).append(indicator)
    for rows in catalog.values():
        rows.sort(key=lambda i: (i.order, i.pk))
    found: set[int] = set()
    who = WhoFills(year.school)
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible" or ws.max_row > 2000:
            continue
        row = 1
        while row <= ws.max_row:
            match = TITLE.match(str(ws.cell(row=row, column=1).value or "").strip())
            if match and int(match.group(1)) in catalog:
                number = int(match.group(1))
                found.add(number)
                row = _read_table(ws, row, catalog[number], year, result, who)
            row += 1
    if not found:
        result.problems.append(
            Problem(
                "",
                "",
                _(
                    "没有找到附件表：每张表应以“表 1 人才培养质量计分卡”这样的标题行开头，"
                    "下一行是表头“序号 | 指标 | 单位 | %(year)s 年”。"
                )
                % {"year": year.year},
            )
        )
    return result


def _read_table(ws, title_row: int, indicators, year, result, who) -> int:
    """Read one table under its title row; returns the last row it used."""
    header = [_clean(ws.cell(row=title_row + 1, column=c).value) for c in range(1, 5)]
    where = f"D{title_row + 1}"
    if header[:3] != ["序号", "指标", "单位"]:
        result.problems.append(
            Problem(
                ws.title,
                f"A{title_row + 1}",
                _("表头应为“序号 | 指标 | 单位 | 年度”，这张表未读取。"),
            )
        )
        return title_row + 1
    if str(year.year) not in header[3]:
        result.problems.append(
            Problem(
                ws.title,
                where,
                _("这一列是“%(found)s”的数据，不是 %(year)s 年，这张表未读取。")
                % {"found": header[3], "year": year.year},
            )
        )
        return title_row + 1
    row = title_row + 2
    for indicator in indicators:
        label, unit = (
            _clean(ws.cell(row=row, column=2).value),
            _clean(ws.cell(row=row, column=3).value),
        )
        expected = "" if indicator.second_unit else _clean(indicator.label)
        # A row this kind of school does not fill carries the other kind's wording in the
        # official template (the sample overwrote it with 高职填报): its unit must still match.
        other_kind = not indicator.applies_to_school(year.school)
        label_ok = label in (expected, _clean(indicator.label)) or other_kind
        if not label_ok or unit != _clean(indicator.unit):
            result.problems.append(
                Problem(
                    ws.title,
                    f"B{row}",
                    _(
                        "这一行应为“%(label)s（%(unit)s）”，表中为“%(found)s（%(found_unit)s）”："
                        "表的行被增删或改动，这张表从此行起未读取。"
                    )
                    % {
                        "label": indicator.label,
                        "unit": indicator.unit,
                        "found": label,
                        "found_unit": unit,
                    },
                )
            )
            return row
        raw = ws.cell(row=row, column=4).value
        if not (isinstance(raw, str) and raw.strip() in SCOPE_MARKERS):
            department = who.indicator_code(indicator)
            result.figures[indicator.code] = RawValue(ws.title, f"D{row}", department, raw)
            result.departments.add(department)
        row += 1
    return row - 1
