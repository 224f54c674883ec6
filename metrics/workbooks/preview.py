"""Compare what a workbook holds with the server: the user's changes (old → new), what others
changed since the download, and a problem for every cell that cannot be taken.

Values are cleaned by the entry forms' own fields (metrics/forms.py), so a workbook accepts and
refuses exactly what the forms do, with the same messages. The result carries a `plan`: only
the valid changes, plus fingerprints of what the server held, so `apply` refuses to write over
anything changed between preview and apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from metrics import services
from metrics.datasets import DATASETS
from metrics.entry import editable_rows
from metrics.forms import FigureField, formset_class, parse_reported
from metrics.workbooks import layout
from metrics.workbooks.reader import Problem, RawTable, ReadResult
from metrics.yeardata import YearData
from reporting.access import can_write_for_department
from reporting.models import Department


@dataclass(frozen=True)
class Change:
    sheet: str
    cell: str
    what: str
    old: str
    new: str


@dataclass
class Preview:
    changes: list[Change] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # what others changed since the download
    notes: list[str] = field(default_factory=list)  # computed values an appendix gave, not taken
    problems: list[Problem] = field(default_factory=list)
    plan: dict = field(default_factory=lambda: {"figures": {}, "datasets": {}})

    @property
    def empty_plan(self) -> bool:
        return not self.plan["figures"] and not self.plan["datasets"]


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
        services.check_open(year)
    except services.YearLocked as error:
        preview.problems.append(Problem("", "", str(error)))
        return preview
    allowed = _allowed_departments(year, user, result, preview)
    data = YearData(year)
    _figures(data, result, allowed, meta.get("figures") if originals else None, preview)
    changed = [data.figures[code] for code in preview.plan["figures"] if code in data.figures]
    preview.plan["figures_stamp"] = services.stamp_of(changed)
    for key, table in result.tables.items():
        if table.department in allowed:
            original = meta.get("datasets", {}).get(key, {}) if originals else None
            _table(year, DATASETS[key], table, original, preview)
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


def _number_text(raw) -> str:
    if isinstance(raw, float):
        return f"{raw:.10f}".rstrip("0").rstrip(".")
    return "" if raw is None else str(raw)


def _figures(data: YearData, result, allowed, originals, preview) -> None:
    school = data.year.school
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
        if indicator.department_code != raw.department:
            preview.problems.append(
                Problem(
                    *where,
                    _("“%(label)s”不是本部门负责的数据，请由负责部门填写。")
                    % {"label": indicator.label},
                )
            )
            continue
        text = _number_text(raw.raw).strip()
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
        _compare_figure(data, indicator, raw, new, originals, preview)


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


def _compare_figure(data, indicator, raw, new, originals, preview) -> None:
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
    preview.changes.append(
        Change(raw.sheet, raw.cell, what, current or _("空"), new_norm or _("空"))
    )
    preview.plan["figures"][code] = None if new is None else str(new)


def _form_data(form_class, instance, fields) -> dict:
    """What the entry form would post for a stored row (booleans as "on"/absent)."""
    form = form_class(instance=instance)
    data = {}
    for name in fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    return data


def _sheet_data(spec, raw_values: dict) -> tuple[dict, dict]:
    """A sheet row as form data; words of choices and 是/否 turned back into stored values."""
    data, bad = {}, {}
    yes, no = layout.yes_no()
    for name in spec.fields:
        model_field = layout.model_field(spec, name)
        text = _number_text(raw_values.get(name)).strip()
        if model_field.get_internal_type() == "BooleanField":
            if text in (yes, "1", "TRUE", "True"):
                data[name] = "on"
            elif text not in (no, "", "0", "FALSE", "False"):
                bad[name] = _("请填写“是”或“否”。")
        elif model_field.choices:
            by_label = {str(label): value for value, label in model_field.flatchoices}
            if text in by_label:
                data[name] = by_label[text]
            elif text in {str(v) for v, _label in model_field.flatchoices}:
                data[name] = text
            else:
                bad[name] = _("请从下拉列表中选择。")
        else:
            data[name] = text
    return data, bad


def _norms(form) -> dict[str, str]:
    return {name: layout.norm(form.cleaned_data.get(name)) for name in form.fields}


def _table(year, spec, table: RawTable, original, preview) -> None:
    form_class = formset_class(spec).form
    current = {row.pk: row for row in editable_rows(spec, year)}
    current_norm = {
        pk: {n: layout.norm(getattr(row, layout.model_field(spec, n).attname)) for n in spec.fields}
        for pk, row in current.items()
    }
    original = {int(k): v for k, v in original.items()} if original is not None else current_norm
    title, count = str(spec.title), len(preview.problems)
    ordered, seen, changed = [], set(), False
    for row in table.rows:
        data, bad = _sheet_data(spec, row.values)
        instance = current.get(row.row_id)
        form = form_class(data=data, instance=instance)
        valid = form.is_valid()
        errors = {**{n: " ".join(e) for n, e in form.errors.items()}, **bad}
        for name, message in errors.items():
            cell = table.cell(row, name) if name in spec.fields else f"A{row.number}"
            field_label = layout.field_label(spec, name) if name in spec.fields else ""
            preview.problems.append(Problem(table.sheet, cell, f"{field_label}：{message}"))
        if not valid or bad:
            continue
        what = f"{title} 第 {row.number} 行"
        if row.row_id is None:
            changed = True
            ordered.append((None, data))
            preview.changes.append(
                Change(
                    table.sheet,
                    f"A{row.number}",
                    what,
                    _("（无）"),
                    _("新增：") + _summary(spec, form),
                )
            )
            continue
        if row.row_id not in original or row.row_id in seen:
            preview.problems.append(
                Problem(table.sheet, f"A{row.number}", _("行标识不属于本表，无法识别这一行。"))
            )
            continue
        seen.add(row.row_id)
        mine = _norms(form)
        if mine == original[row.row_id]:
            if row.row_id in current:
                ordered.append((row.row_id, None))
            continue
        if row.row_id not in current or current_norm[row.row_id] != original[row.row_id]:
            if row.row_id in current and mine == current_norm[row.row_id]:
                ordered.append((row.row_id, None))
                continue
            preview.problems.append(
                Problem(
                    table.sheet,
                    f"A{row.number}",
                    _(
                        "%(what)s：您下载后他人已修改或删除了这一行，与您的修改冲突。请重新下载后再改。"
                    )
                    % {"what": what},
                )
            )
            continue
        changed = True
        ordered.append((row.row_id, data))
        for name in spec.fields:
            if mine[name] != original[row.row_id][name]:
                preview.changes.append(
                    Change(
                        table.sheet,
                        table.cell(row, name),
                        f"{what} {layout.field_label(spec, name)}",
                        original[row.row_id][name] or _("空"),
                        mine[name] or _("空"),
                    )
                )
    deleted = []
    for pk, values in original.items():
        if pk in seen or pk not in current:
            continue
        if current_norm[pk] != values:
            preview.others.append(_("%(title)s：下载后他人修改了一行（保留）") % {"title": title})
            ordered.append((pk, None))
            continue
        changed = True
        deleted.append(pk)
        preview.changes.append(
            Change(table.sheet, "", f"{title}", _summary_row(spec, values), _("删除此行"))
        )
    for pk in current:
        if pk not in original:
            preview.others.append(_("%(title)s：下载后他人新增了一行（保留）") % {"title": title})
            ordered.append((pk, None))
    if not changed or len(preview.problems) > count:
        return
    post = _formset_post(form_class, spec, current, ordered, deleted)
    formset = formset_class(spec)(post, queryset=editable_rows(spec, year), prefix="rows")
    if not formset.is_valid():
        for message in formset.non_form_errors():
            preview.problems.append(Problem(table.sheet, "", message))
        return
    stamp = services.stamp_of(current.values())
    preview.plan["datasets"][spec.key] = {"post": post, "stamp": stamp}


def _formset_post(form_class, spec, current, ordered, deleted) -> dict:
    existing = [(pk, data) for pk, data in ordered if pk is not None] + [
        (pk, "delete") for pk in deleted
    ]
    new = [data for pk, data in ordered if pk is None]
    post = {
        "rows-TOTAL_FORMS": str(len(existing) + len(new)),
        "rows-INITIAL_FORMS": str(len(existing)),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "1000",
    }
    for index, (pk, data) in enumerate(existing):
        if data == "delete":
            data = {**_form_data(form_class, current[pk], spec.fields), "DELETE": "on"}
        elif data is None:
            data = _form_data(form_class, current[pk], spec.fields)
        post.update({f"rows-{index}-{k}": v for k, v in {**data, "id": str(pk)}.items()})
    for index, data in enumerate(new, start=len(existing)):
        post.update({f"rows-{index}-{k}": v for k, v in data.items()})
    return post


def _summary(spec, form) -> str:
    return "，".join(
        str(form.cleaned_data.get(n, ""))
        for n in spec.fields
        if form.cleaned_data.get(n) not in (None, "")
    )


def _summary_row(spec, values: dict) -> str:
    return "，".join(v for v in values.values() if v)
