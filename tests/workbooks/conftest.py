import io

import pytest
from openpyxl import load_workbook

from metrics import demo as metrics_demo
from reporting.models import Department, User


@pytest.fixture
def figures(school, year):
    """The sample's 2025 figures, as `load_demo` enters them."""
    metrics_demo.load(school, year)
    return year


@pytest.fixture
def department(school) -> Department:
    return Department.objects.get(school=school, code="zhaosheng")


@pytest.fixture
def renshi(demo) -> User:
    return User.objects.get(username="renshi")


def edit(data: bytes, changes: dict) -> bytes:
    """The workbook as a user saves it after typing into cells: {(sheet, "F5"): value}."""
    workbook = load_workbook(io.BytesIO(data))
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell] = value
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def row_of(data: bytes, sheet: str, code: str) -> int:
    ws = load_workbook(io.BytesIO(data))[sheet]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == code)
