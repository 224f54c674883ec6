"""Compare what a workbook holds with the server: the user's changes (old → new), what others
changed since the download, and a problem for every cell that cannot be taken.

Values are cleaned by the entry forms' own fields (metrics/forms.py), so a workbook accepts and
refuses exactly what the forms do, with the same messages. The result carries a `plan`: only
the valid changes, plus fingerprints of what the server held, so `apply` refuses to write over
anything changed between preview and apply.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from metrics import services
from metrics.datasets import DATASETS
from metrics.forms import FigureField, parse_reported
from metrics.workbooks import layout
from metrics.workbooks.changes import Change, Preview
from metrics.workbooks.guard import DATASET, FIGURES, refusal
from metrics.workbooks.reader import ReadResult
from metrics.workbooks.rows import table_preview
from metrics.workbooks.values import Problem, number_text
from metrics.yeardata import YearData
from reporting.access import can_manage_year, can_write_for_department
from reporting.errors import YearLocked
from reporting.models import Department


def build_preview(year, user, result: ReadResult, *, originals: bool = True) -> Preview:
    """`originals`: the workbook's meta holds what the server had at download (department
    workbooks); an appendix workbook has none, so the current values stand in."""
    preview = Preview(problems=list(result.problems))
    preview.plan.update({"year": year.pk, "user": user.pk})
    meta = result.meta or {}
    if originals and (meta.get("school") != year.school.slug or meta.get("year") != year.year):
        preview.problems.append(
            Problem(
                "",
                "",
                _("此工作簿属于 %(school)s %(year)s 年度，不能导入到 %(label)s。")
                % {"school": meta.get("school"), "year": meta.get("year"), "label": year.label},
            )
        )
        return preview
    try:
        year.ensure_open()
    except YearLocked as error:
        preview.problems.append(Problem("", "", str(error)))
        return preview
    allowed = _allowed_departments(year, user, result, preview)
    data = YearData(year)
    _figures(data, result, allowed, meta.get("figures") if originals else None, preview, user)
    changed = [data.figures[code] for code in preview.plan["figures"] if code in data.figures]
    preview.plan["figures_stamp"] = services.stamp_of(changed)
    for key, table in result.tables.items():
        if table.department not in allowed:
            continue
        if data.who.dataset_code(key) != table.department:
            preview.problems.append(
                Problem(
                    table.sheet,
                    "",
                    _("“%(title)s”不是本部门负责的数据，请由负责部门填写，整张表未读取。")
                    % {"title": DATASETS[key].title},
                )
            )
            continue
        original = meta.get("datasets", {}).get(key, {}) if originals else None
        before = len(preview.changes)
        table_preview(year, DATASETS[key], table, original, preview)
        reason = refusal(year, user, DATASET, key)
        if reason:  # the forms' guard: every change to a submitted table is refused in its cell
            for change in preview.changes[before:]:
                preview.problems.append(
                    Problem(change.sheet, change.cell, f"{change.what}：{reason}")
                )
            del preview.changes[before:]
            preview.plan["datasets"].pop(key, None)
    preview.plan["has_problems"] = bool(preview.problems)
    return preview


def _allowed_departments(year, user, result, preview) -> set[str]:
    departments = {d.code: d for d in Department.objects.filter(school_id=year.school_id)}
    allowed = set()
    for code in sorted(result.departments):
        department = departments.get(code)
        if department is not None and can_write_for_department(user, department):
            allowed.add(code)
            continue
        if not code and can_manage_year(user):  # rows no department was assigned yet
            allowed.add(code)
            continue
        name = department.name if department else code
        for sheet in _sheets_of(result, code):
            preview.problems.append(
                Problem(
                    sheet,
                    "",
                    _("此工作表是“%(department)s”的数据，您没有权限导入，整张表未读取。")
                    % {"department": name},
                )
            )
    return allowed


def _sheets_of(result: ReadResult, department: str) -> list[str]:
    sheets = {v.sheet for v in result.figures.values() if v.department == department}
    sheets |= {t.sheet for t in result.tables.values() if t.department == department}
    return sorted(sheets)


def _figures(data: YearData, result, allowed, originals, preview, user) -> None:
    school = data.year.school
    refusals: dict[str, str] = {}
    for code, raw in result.figures.items():
        if raw.department not in allowed:
            continue
        indicator = data.by_code.get(code)
        where = (raw.sheet, raw.cell)
        if indicator is None:
            preview.problems.append(
                Problem(*where, _("未知的行：目录中没有代码“%(code)s”。") % {"code": code})
            )
            continue
        if data.who.indicator_code(indicator) != raw.department:
            preview.problems.append(
                Problem(
                    *where,
                    _("“%(label)s”不是本部门负责的数据，请由负责部门填写。")
                    % {"label": indicator.label},
                )
            )
            continue
        text = number_text(raw.raw).strip()
        if not indicator.applies_to_school(school) or indicator.formula:
            _fixed_cell(data, indicator, raw, text, originals is None, preview)
            continue
        try:
            new = FigureField(kind=indicator.kind).clean(text)
        except ValidationError as error:
            preview.problems.append(
                Problem(
                    *where,
                    _("“%(label)s”：%(message)s（表中为“%(text)s”）")
                    % {"label": indicator.label, "message": " ".join(error.messages), "text": text},
                )
            )
            continue
        if raw.department not in refusals:
            refusals[raw.department] = refusal(data.year, user, FIGURES, raw.department)
        _compare_figure(data, indicator, raw, new, originals, preview, refusals[raw.department])


def _fixed_cell(data, indicator, raw, text, appendix: bool, preview) -> None:
    """A computed or not-applicable row: a department workbook must leave it as shown; an
    appendix (which prints computed values) gets a note when its value differs."""
    shown = data.display(indicator)
    if not text or text == shown or _same_number(text, shown):
        return
    if not indicator.applies_to_school(data.year.school):
        if text == str(indicator.get_applies_to_display()):
            return
        message = _("“%(label)s”不适用本校（%(scope)s），不能填写（表中为 %(text)s）。")
    elif appendix:
        preview.notes.append(
            _("%(label)s 是计算值，不导入：表中为 %(text)s，系统计算为 %(shown)s。")
            % {"label": indicator.label, "text": text, "shown": shown or _("空")}
        )
        return
    else:
        message = _("“%(label)s”是计算值，不能填写（表中为 %(text)s，计算值为 %(shown)s）。")
    params = {
        "label": indicator.label,
        "text": text,
        "shown": shown or _("空"),
        "scope": indicator.get_applies_to_display(),
    }
    preview.problems.append(Problem(raw.sheet, raw.cell, message % params))


def _same_number(text: str, display: str) -> bool:
    """ "19.65" in a cell is the computed "19.65:1"; "14.28%" is 14.28."""
    try:
        return parse_reported(text)[0] == parse_reported(display)[0]
    except ValidationError:
        return False


def _compare_figure(data, indicator, raw, new, originals, preview, refused: str) -> None:
    code = indicator.code
    current = layout.norm(data.stored(code))
    original = originals.get(code, current) if originals is not None else current
    new_norm = layout.norm(new)
    what = f"{indicator.label}（{indicator.unit}）" if indicator.unit else indicator.label
    if new_norm == original:
        if current != original:
            preview.others.append(
                _("%(what)s：下载后已被他人由 %(old)s 改为 %(new)s（保留新值）")
                % {"what": what, "old": original or _("空"), "new": current or _("空")}
            )
        return
    if new_norm == current:
        return
    if current != original:
        preview.problems.append(
            Problem(
                raw.sheet,
                raw.cell,
                _(
                    "%(what)s：您下载后他人已改为 %(current)s，与您填写的 %(new)s 冲突。"
                    "请重新下载后再改。"
                )
                % {"what": what, "current": current or _("空"), "new": new_norm or _("空")},
            )
        )
        return
    if refused:  # the forms' guard: a submitted or approved item is read-only
        preview.problems.append(Problem(raw.sheet, raw.cell, f"{what}：{refused}"))
        return
    preview.changes.append(
        Change(raw.sheet, raw.cell, what, current or _("空"), new_norm or _("空"))
    )
    preview.plan["figures"][code] = None if new is None else str(new)
