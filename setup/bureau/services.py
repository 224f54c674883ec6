"""Check the rows of a bureau's school list and create them: every row is checked against the
file itself, the database and the administrator's regions; nothing is written while any row
is refused. The web page and `manage.py create_schools` share these two functions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pghistory
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Case, Q, QuerySet, When
from django.utils.translation import gettext as _

from reporting.models import Region, School, User
from review.activity import log_activity
from setup import services
from setup.forms import CODE, USERNAME

# The workbook's columns; the first five are required.
NAME, SHORT, SLUG, KIND, REGION = "学校名称", "简称", "标识", "学校类型", "所属地区"
ADMIN_USERNAME, ADMIN_NAME, ADMIN_EMAIL = "管理员用户名", "管理员姓名", "管理员邮箱"
COLUMNS = (NAME, SHORT, SLUG, KIND, REGION, ADMIN_USERNAME, ADMIN_NAME, ADMIN_EMAIL)
REQUIRED = (NAME, SLUG, KIND, REGION, ADMIN_USERNAME)
KINDS = {str(label): value for value, label in School.Kind.choices} | {
    value: value for value in School.Kind.values
}
# "清城区（qingcheng）", as the template's list offers a region.
LABELLED = re.compile(r"^.*[（(]\s*([\w-]+)\s*[)）]$")


class SchoolRowsRefused(Exception):
    """At least one row is refused; `rows` carries every row with its problems."""

    def __init__(self, rows: list[SchoolRow]):
        super().__init__("\n".join(row.message for row in rows if row.errors))
        self.rows = rows


@dataclass
class SchoolRow:
    line: int
    values: dict[str, str]
    region: Region | None = None
    kind: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        problems = "；".join(self.errors)
        if not self.line:  # the whole list, not one row
            return problems
        return _("第%(n)s行：%(p)s。") % {"n": self.line, "p": problems}

    def kind_label(self) -> str:
        return School.Kind(self.kind).label if self.kind else self.values.get(KIND, "")

    def shown(self) -> dict[str, str]:
        """The row as the preview prints it."""
        v = self.values
        region = self.region.name if self.region else v.get(REGION, "")
        return {"name": v.get(NAME, ""), "slug": v.get(SLUG, ""), "kind": self.kind_label(),
                "region": region, "username": v.get(ADMIN_USERNAME, "")}  # fmt: skip


def region_label(region: Region) -> str:
    """How the template's list names a region: unambiguous even with two 城区."""
    return f"{region.name}（{region.code}）"


def regions_of(region: Region) -> QuerySet[Region]:
    """The region and every region below it: province, cities, districts, each by name."""
    rank = Case(
        When(level=Region.Level.PROVINCE, then=0), When(level=Region.Level.CITY, then=1), default=2
    )
    return Region.objects.filter(pk__in=region.with_descendants()).order_by(rank, "name")


class _RegionFinder:
    def __init__(self, region: Region):
        self.mine = list(regions_of(region))

    def find(self, text: str) -> tuple[Region | None, str]:
        labelled = LABELLED.match(text)
        codes = {text, labelled.group(1)} if labelled else {text}
        by_code = [r for r in self.mine if r.code in codes]
        by_name = [r for r in self.mine if r.name == text]
        if by_code or len(by_name) == 1:
            return (by_code or by_name)[0], ""
        if by_name:
            return None, _("地区名称“%(r)s”不唯一，请填写地区代码") % {"r": text}
        if Region.objects.filter(Q(code__in=codes) | Q(name=text)).exists():
            return None, _("地区“%(r)s”不在您管辖的范围内") % {"r": text}
        return None, _("地区“%(r)s”不存在") % {"r": text}


def check_rows(*, region: Region, rows: list[tuple[int, dict[str, str]]]) -> list[SchoolRow]:
    """Every row with its problems in the user's words (an empty list: it can be created)."""
    finder = _RegionFinder(region)
    checked = [
        SchoolRow(line, {c: values.get(c, "").strip() for c in COLUMNS}) for line, values in rows
    ]
    wanted = {
        key: [row.values[key] for row in checked if row.values[key]]
        for key in (NAME, SLUG, ADMIN_USERNAME)
    }
    users = User.objects.filter(username__in=wanted[ADMIN_USERNAME])
    taken = {
        NAME: set(School.objects.filter(name__in=wanted[NAME]).values_list("name", flat=True)),
        SLUG: set(School.objects.filter(slug__in=wanted[SLUG]).values_list("slug", flat=True)),
        ADMIN_USERNAME: set(users.values_list("username", flat=True)),
    }
    seen: dict[str, dict[str, int]] = {NAME: {}, SLUG: {}, ADMIN_USERNAME: {}}
    for row in checked:
        v, errors = row.values, row.errors
        missing = [c for c in REQUIRED if not v[c]]
        if missing:
            errors.append(_("缺少%(cols)s") % {"cols": "、".join(missing)})
        for key, limit in (
            (NAME, 100),
            (SHORT, 50),
            (SLUG, 50),
            (ADMIN_USERNAME, 150),
            (ADMIN_NAME, 60),
        ):
            if len(v[key]) > limit:
                errors.append(_("%(col)s超过 %(n)s 个字") % {"col": key, "n": limit})
        if v[SLUG] and not _valid(CODE, v[SLUG]):
            errors.append(_("标识“%(s)s”只能包含小写字母、数字、- 和 _") % {"s": v[SLUG]})
        if v[ADMIN_USERNAME] and not _valid(USERNAME, v[ADMIN_USERNAME]):
            errors.append(
                _("用户名“%(u)s”只能包含字母、数字和 @ . + - _") % {"u": v[ADMIN_USERNAME]}
            )
        if v[ADMIN_EMAIL] and not _valid(validate_email, v[ADMIN_EMAIL]):
            errors.append(_("邮箱“%(e)s”格式不正确") % {"e": v[ADMIN_EMAIL]})
        if v[KIND]:
            row.kind = KINDS.get(v[KIND], "")
            if not row.kind:
                errors.append(_("学校类型“%(k)s”未知（可填：中职、高职）") % {"k": v[KIND]})
        if v[REGION]:
            row.region, problem = finder.find(v[REGION])
            if problem:
                errors.append(problem)
        for key, exists in (
            (NAME, _("学校“%(v)s”已经存在")),
            (SLUG, _("标识“%(v)s”已被其他学校使用")),
            (ADMIN_USERNAME, _("用户名“%(v)s”已被使用")),
        ):
            value = v[key]
            if not value:
                continue
            if value in taken[key]:
                errors.append(exists % {"v": value})
            elif value in seen[key]:
                first = seen[key][value]
                errors.append(
                    _("%(col)s“%(v)s”与第%(n)s行重复") % {"col": key, "v": value, "n": first}
                )
            seen[key].setdefault(value, row.line)
    return checked


def _valid(validator, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def create_schools(
    *,
    region: Region,
    rows: list[tuple[int, dict[str, str]]],
    user: User | None,
    year: int | None = None,
) -> list[tuple[School, User]]:
    """All rows or none. The rows are checked again here, inside the transaction and with the
    region locked, so two submissions of one list (a double click, two tabs) create it once:
    the second finds the names taken. Raises SchoolRowsRefused."""
    if not rows:
        raise SchoolRowsRefused([SchoolRow(0, {}, errors=[_("没有要创建的学校")])])
    actor = user.pk if user is not None and user.pk else None
    try:
        with (
            transaction.atomic(),
            pghistory.context(user=actor, action="setup.bureau.schools_created"),
        ):
            Region.objects.select_for_update().get(pk=region.pk)
            checked = check_rows(region=region, rows=rows)
            if any(row.errors for row in checked):
                raise SchoolRowsRefused(checked)
            return [_create(row, user, year) for row in checked]
    except IntegrityError as error:  # a concurrent creation outside this region's lock
        row = SchoolRow(0, {}, errors=[_("有学校或用户名刚被别人创建，请重新检查后再提交")])
        raise SchoolRowsRefused([row]) from error


def _create(row: SchoolRow, user: User | None, year: int | None) -> tuple[School, User]:
    v = row.values
    try:
        school, admin = services.create_school(
            slug=v[SLUG], name=v[NAME], kind=row.kind, admin_username=v[ADMIN_USERNAME],
            year=year, region=row.region, short_name=v[SHORT], admin_name=v[ADMIN_NAME],
            admin_email=v[ADMIN_EMAIL],
        )  # fmt: skip
    except services.SetupError as error:
        row.errors.append(str(error))
        raise SchoolRowsRefused([row]) from error
    by = user.get_full_name() or user.username if user is not None else "manage.py create_schools"
    log_activity(
        year=school.years.get(),
        user=user,
        action="setup.school.created",
        item=school,
        message=_("由%(by)s创建，所属地区：%(r)s，学校管理员：%(u)s")
        % {"by": by, "r": row.region.name, "u": admin.username},
    )
    return school, admin
