"""The data-set part of a preview: sheet rows against the stored rows, as the entry formset
would see them (same form classes, same messages), and the formset data `apply` posts."""

from __future__ import annotations

from django.utils.translation import gettext as _

from metrics import services
from metrics.entry import editable_rows
from metrics.forms import formset_class
from metrics.workbooks import layout
from metrics.workbooks.changes import Change
from metrics.workbooks.values import Problem, RawTable, number_text


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
        text = number_text(raw_values.get(name)).strip()
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


def table_preview(year, spec, table: RawTable, original, preview) -> None:
    form_class = formset_class(spec).form
    current = {row.pk: row for row in editable_rows(spec, year)}
    current_norm = {
        pk: {n: layout.norm(getattr(row, layout.model_field(spec, n).attname)) for n in spec.fields}
        for pk, row in current.items()
    }
    original = {int(k): v for k, v in original.items()} if original is not None else current_norm
    title, count = str(spec.title), len(preview.problems)
    ordered, seen, changed = [], set(), False
    for pk in table.kept:  # rows the sheet does not show (another year's row is printed)
        if pk in current and pk not in seen:
            seen.add(pk)
            ordered.append((pk, None))
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
            if row.row_id is not None:
                seen.add(row.row_id)  # a row with a problem is not a removed row
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
