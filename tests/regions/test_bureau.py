"""A bureau user (清远市教育局) reads every school of its region, compares them, writes nothing."""

import io
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from openpyxl import load_workbook

from metrics.api import figure_values
from metrics.models import Figure
from metrics.services import write_figures_unchecked
from reporting.models import Region, ReportYear, User


def test_bureau_needs_a_region_and_no_school(bureau, school):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=bureau.pk).update(region=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=bureau.pk).update(school=school)


def test_only_bureau_users_have_a_region(editor):
    region = Region.objects.create(name="测试省", code="test", level=Region.Level.PROVINCE)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=editor.pk).update(region=region)


def test_dashboard_lists_every_school_of_the_region_and_below(client, bureau):
    client.force_login(bureau)
    page = client.get("/region/qingyuan-city/2025/").content.decode()
    assert 'data-school="lianzhou"' in page
    assert 'data-school="shili"' in page
    assert "清城区示例职业技术学校（示例）" in page


def test_district_bureau_does_not_see_the_neighbouring_district(client, bureau):
    bureau.region = Region.objects.get(code="lianzhou-city")
    bureau.save()
    client.force_login(bureau)
    page = client.get("/region/lianzhou-city/2025/").content.decode()
    assert 'data-school="lianzhou"' in page and 'data-school="shili"' not in page
    assert client.get("/region/qingyuan-city/2025/").status_code == 404


def test_not_started_school_is_marked(client, bureau):
    year = ReportYear.objects.get(school__slug="shili", year=2025)
    Figure.objects.filter(year=year).delete()
    client.force_login(bureau)
    page = client.get("/region/qingyuan-city/2025/").content.decode()
    assert "尚未开始" in page


def test_comparison_prints_the_schools_own_figures_only_with_drafts(client, bureau):
    client.force_login(bureau)
    locked_only = client.get("/region/qingyuan-city/2025/compare/").content.decode()
    assert 'data-school="shili"' not in locked_only
    page = client.get("/region/qingyuan-city/2025/compare/?drafts=1").content.decode()
    year = ReportYear.objects.get(school__slug="shili", year=2025)
    printed = figure_values(year)
    assert printed["student_teacher_ratio"].display in page
    assert printed["dual_teacher_share"].display in page  # 26 / 80, computed by metrics


def test_comparison_sorts_on_the_server(client, bureau, year):
    write_figures_unchecked(year=year, values={"students": Decimal(1651)})
    client.force_login(bureau)
    page = client.get("/region/qingyuan-city/2025/compare/?drafts=1&sort=-students").content
    page = page.decode()
    assert page.index('data-school="lianzhou"') < page.index('data-school="shili"')
    page = client.get("/region/qingyuan-city/2025/compare/?drafts=1&sort=students").content
    page = page.decode()
    assert page.index('data-school="shili"') < page.index('data-school="lianzhou"')


def test_excel_export_has_the_region_median(client, bureau):
    client.force_login(bureau)
    response = client.get("/region/qingyuan-city/2025/compare.xlsx?drafts=1")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[0].value for row in sheet.iter_rows(min_row=3)]
    assert "清城区示例职业技术学校（示例）" in names
    assert names[-1] == "地区中位数"


@pytest.mark.parametrize(
    "url",
    [
        "/review/lianzhou/2025/items/figures/zhaosheng/comment/",
        "/setup/schools/new/",
        "/admin/reporting/user/add/",
        "/region/qingyuan-city/2025/",
    ],
)
def test_bureau_cannot_write_anything(client, bureau, url):
    client.force_login(bureau)
    assert client.post(url, {"text": "教育局"}).status_code == 403


def test_school_admin_cannot_make_a_bureau_user(client, schooladmin):
    client.force_login(schooladmin)
    page = client.get("/admin/reporting/user/add/").content.decode()
    assert 'value="bureau"' not in page
    page = client.get("/setup/lianzhou/people/").content.decode()
    assert 'value="bureau"' not in page
