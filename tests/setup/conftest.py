"""A second school created the way a real school starts (create_school), and its people."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from reporting.models import School
from setup import services


@pytest.fixture
def qingyuan(db) -> School:
    school, _admin = services.create_school(
        slug="qingyuan", name="清远示范职业学校", kind="zhongzhi", admin_username="qyadmin",
        year=2025,
    )  # fmt: skip
    return school


@pytest.fixture
def qyadmin(qingyuan):
    return qingyuan.users.get(username="qyadmin")


def workbook(*rows, header=("用户名", "姓名", "部门", "角色")) -> BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "users.xlsx"
    return out
