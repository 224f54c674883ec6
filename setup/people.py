"""The people workbook (用户名, 姓名, 部门, 角色): read every row, check every row, then create all
of them or none. The web page and `manage.py import_users` share it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from reporting.models import SCHOOL_ROLES, School, User
from setup.forms import DEPARTMENT_ROLES
from setup.services import SetupError, add_user

COLUMNS = ("用户名", "姓名", "部门", "角色")
MAX_ROWS = 2000
MAX_COLUMNS = 50


class WorkbookErrors(Exception):
    """Every problem of the workbook, one message per row; nothing was created."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class PersonRow:
    line: int
    username: str
    name: str
    department: object
    role: str


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def read_rows(
    handle, columns: tuple[str, ...] = COLUMNS, *, formulas_as_text: bool = False
) -> list[tuple[int, dict[str, str]]]:
    """The first sheet's non-empty rows under a header naming `columns` (in any order), each
    with its line number. More than MAX_ROWS rows is refused, never cut silently. With
    `formulas_as_text` a formula is read as the text typed (=…), never as a computed value."""
    try:
        workbook = load_workbook(handle, read_only=True, data_only=not formulas_as_text)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS)
        header = [_cell(v) for v in next(rows, ())]
        missing = [c for c in columns if c not in header]
        if missing:
            raise WorkbookErrors(
                [_("第1行应为表头，缺少列：%(cols)s。") % {"cols": "、".join(missing)}]
            )
        index = {c: header.index(c) for c in columns}
        out = []
        for line, values in enumerate(rows, start=2):
            if line > MAX_ROWS + 1:
                raise WorkbookErrors(
                    [_("工作簿超过 %(n)s 行，请分成几个文件上传。") % {"n": MAX_ROWS}]
                )
            values = list(values) + [None] * len(header)
            record = {c: _cell(values[index[c]]) for c in columns}
            if any(record.values()):
                out.append((line, record))
        workbook.close()
    except WorkbookErrors:
        raise
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookErrors([_("无法读取该文件，请上传 Excel 工作簿（.xlsx）。")]) from error
    return out


def check_rows(school: School, rows) -> list[PersonRow]:
    departments = {}
    for department in school.departments.all():
        departments[department.name] = departments[department.code] = department
    roles = {str(label): value for value, label in SCHOOL_ROLES}
    taken = set(User.objects.values_list("username", flat=True))
    seen: dict[str, int] = {}
    errors, people = [], []
    for line, r in rows:
        problems = []
        username, department_text, role_text = r["用户名"], r["部门"], r["角色"]
        if not username:
            problems.append(_("缺少用户名"))
        elif username in taken:
            problems.append(_("用户名“%(u)s”已被使用") % {"u": username})
        elif username in seen:
            problems.append(
                _("用户名“%(u)s”与第%(n)s行重复") % {"u": username, "n": seen[username]}
            )
        seen.setdefault(username, line)
        department = departments.get(department_text) if department_text else None
        if department_text and department is None:
            problems.append(_("部门“%(d)s”不存在") % {"d": department_text})
        role = roles.get(role_text)
        if role is None:
            problems.append(
                _("角色“%(r)s”未知（可填：%(choices)s）")
                % {"r": role_text, "choices": "、".join(roles)}
            )
        elif role in DEPARTMENT_ROLES and department is None and not department_text:
            problems.append(_("%(role)s必须填写部门") % {"role": role_text})
        if problems:
            errors.append(_("第%(n)s行：%(p)s。") % {"n": line, "p": "；".join(problems)})
        else:
            people.append(PersonRow(line, username, r["姓名"], department, role))
    if not rows:
        errors.append(_("工作簿中没有人员。"))
    if errors:
        raise WorkbookErrors(errors)
    return people


@transaction.atomic
def import_people(*, school: School, handle) -> list[User]:
    """All rows or none: raises WorkbookErrors with one message per bad row."""
    people = check_rows(school, read_rows(handle))
    created, errors = [], []
    for person in people:
        try:
            created.append(
                add_user(
                    school=school,
                    username=person.username,
                    name=person.name,
                    role=person.role,
                    department=person.department,
                )
            )
        except SetupError as error:
            errors.append(_("第%(n)s行：%(p)s。") % {"n": person.line, "p": error})
    if errors:
        raise WorkbookErrors(errors)
    return created
