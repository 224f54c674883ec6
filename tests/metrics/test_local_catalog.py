"""National catalog, local additions: a region's and a school's own indicators and rules."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from metrics import api, services
from metrics.findings import run_checks
from metrics.local_catalog import services as catalog
from metrics.local_catalog.owners import Owner
from metrics.models import Figure, Indicator, Rule
from reporting.models import Region, ReportYear, School, User

PAGE = "/catalog/school/lianzhou/"
REGION_PAGE = "/catalog/region/qingyuan-city/"
LABS = {"code": "own_labs", "label": "校内实训室数", "unit": "个", "kind": "count",
        "applies_to": "all", "department_code": "jiaowu", "formula": "", "order": 0,
        "active": "on"}  # fmt: skip


@pytest.fixture
def region(bureau) -> Region:
    return Region.objects.get(code="qingyuan-city")


@pytest.fixture
def bureau_admin(bureau) -> User:
    return User.objects.get(username="jiaoyuju_admin")


@pytest.fixture
def shili(bureau) -> School:
    return School.objects.get(slug="shili")


@pytest.fixture
def elsewhere(bureau) -> School:
    """A school of another city of the province (韶关市)."""
    province = Region.objects.get(code="guangdong")
    city = Region.objects.create(name="韶关市", code="shaoguan-city", level="city", parent=province)
    school = School.objects.create(name="韶关示例职业学校（示例）", slug="shaoguan", region=city)
    ReportYear.objects.create(school=school, year=2025)
    return school


def add(owner: Owner, model=Indicator, **fields):
    data = {**LABS, "formula": None, "active": True} if model is Indicator else {}
    data.update(fields)
    return catalog.save_item(owner=owner, model=model, pk=None, data=data, version=None)


def codes_seen(school) -> set[str]:
    return set(Indicator.objects.for_school(school).values_list("code", flat=True))


def test_school_indicator_is_seen_by_its_school_only(figures, school, shili, elsewhere):
    add(Owner(school=school))
    assert "own_labs" in codes_seen(school)
    assert "own_labs" not in codes_seen(shili) and "own_labs" not in codes_seen(elsewhere)


def test_region_indicator_is_seen_below_the_region_not_in_another(school, shili, elsewhere, region):
    add(Owner(region=region), code="city_labs", label="全市统计的实训基地数")
    assert "city_labs" in codes_seen(school)  # 连州市, below 清远市
    assert "city_labs" in codes_seen(shili)  # 清城区
    assert "city_labs" not in codes_seen(elsewhere)  # 韶关市


def test_school_admin_adds_an_indicator_and_its_department_fills_it(
    client, figures, schooladmin, editor
):
    client.force_login(schooladmin)
    response = client.post(PAGE + "indicator/new/", LABS, follow=True)
    assert "校内实训室数" in response.content.decode()
    indicator = Indicator.objects.get(code="own_labs")
    assert indicator.school.slug == "lianzhou" and indicator.table_id is None
    client.force_login(editor)
    form = client.get("/figures/lianzhou/2025/d/jiaowu/").content.decode()
    assert "校内实训室数" in form and "本地补充指标" in form


def test_another_school_never_sees_it(client, figures, other_school, outsider, schooladmin):
    add(Owner(school=schooladmin.school))
    client.force_login(outsider)
    assert client.get(PAGE).status_code == 404
    assert "own_labs" not in codes_seen(other_school)


def test_national_code_cannot_be_reused(client, figures, schooladmin, region):
    client.force_login(schooladmin)
    response = client.post(PAGE + "indicator/new/", {**LABS, "code": "students"})
    assert "代码“students”已被全国目录" in response.content.decode()
    assert Indicator.objects.filter(code="students").count() == 1
    with pytest.raises(catalog.CatalogError, match="已被全国目录"):
        add(Owner(region=region), code="graduates")


def test_school_cannot_shadow_its_regions_code_nor_the_region_a_schools(school, region):
    add(Owner(region=region), code="city_labs")
    with pytest.raises(catalog.CatalogError):
        add(Owner(school=school), code="city_labs")
    add(Owner(school=school), code="own_labs")
    with pytest.raises(catalog.CatalogError):
        add(Owner(region=region), code="own_labs")


def test_postgresql_keeps_one_owner_and_local_rows_out_of_the_tables(school, region):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(code="x1", label="x", kind="count", department_code="jiaowu",
                                 school=school, region=region)  # fmt: skip
    table = Indicator.objects.exclude(table=None).first().table
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(code="x2", label="x", kind="count", department_code="jiaowu",
                                 school=school, table=table)  # fmt: skip


def test_a_local_rule_fires_on_the_findings_page_and_in_check_figures(client, figures, editor):
    owner = Owner(school=figures.school)
    add(owner)
    services.write_figures_unchecked(year=figures, values={"own_labs": 2000})
    add(owner, model=Rule, code="labs-within-students", kind="count_within_population",
        severity="error", message="校内实训室数 {a} 多于在校生 {b}",
        params={"count": "own_labs", "population": "students"}, applies_to="all",
        department_code="jiaowu", order=0, active=True)  # fmt: skip
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert "校内实训室数 2000 多于在校生" in page
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("check_figures", school="lianzhou", year=2025, stdout=out, stderr=StringIO())
    assert "labs-within-students" in out.getvalue()


def test_a_local_rule_reads_national_and_own_indicators_only(figures, other_school):
    add(Owner(school=other_school), code="their_labs")
    with pytest.raises(catalog.CatalogError, match="“their_labs”不是本校"):
        add(Owner(school=figures.school), model=Rule, code="r1", kind="same_quantity_agrees",
            severity="warning", message="{a} {b}", params={"a": "their_labs", "b": "students"},
            applies_to="all", department_code="", order=0, active=True)  # fmt: skip
    assert not Rule.objects.filter(code="r1").exists()


def test_a_bad_rule_message_is_refused_in_chinese(client, figures, schooladmin):
    client.force_login(schooladmin)
    response = client.post(PAGE + "rule/new/", {
        "code": "r2", "kind": "same_quantity_agrees", "severity": "warning",
        "message": "{a:>99999}", "params": '{"a": "students", "b": "graduates"}',
        "applies_to": "all", "department_code": "", "order": 0, "active": "on"})  # fmt: skip
    assert "占位符不能带格式说明" in response.content.decode()
    assert not Rule.objects.filter(code="r2").exists()


def test_plain_bureau_user_reads_the_region_catalog_and_cannot_post(client, bureau, region):
    add(Owner(region=region), code="city_labs", label="全市统计的实训基地数")
    client.force_login(bureau)
    page = client.get(REGION_PAGE).content.decode()
    assert "全市统计的实训基地数" in page and 'data-testid="read-only"' in page
    before = list(Indicator.objects.local().values_list("code", "label", "active"))
    assert client.post(REGION_PAGE + "indicator/new/", {**LABS, "code": "b1"}).status_code == 403
    pk = Indicator.objects.get(code="city_labs").pk
    response = client.post(f"{REGION_PAGE}indicator/{pk}/state/", {"action": "deactivate"})
    assert response.status_code == 403
    assert list(Indicator.objects.local().values_list("code", "label", "active")) == before


def test_bureau_admin_adds_a_region_rule_seen_by_the_schools(client, bureau_admin, figures):
    client.force_login(bureau_admin)
    home = client.get("/region/qingyuan-city/").content.decode()
    assert 'data-testid="region-catalog"' in home
    response = client.post(REGION_PAGE + "indicator/new/", {**LABS, "code": "city_labs"})
    assert response.status_code == 302
    assert Indicator.objects.get(code="city_labs").region.code == "qingyuan-city"
    assert "city_labs" in api.figure_values(figures)


def test_deleting_an_indicator_with_figures_is_refused_deactivating_hides_it(
    client, figures, schooladmin, editor
):
    indicator = add(Owner(school=figures.school))
    services.write_figures_unchecked(year=figures, values={"own_labs": 3})
    client.force_login(schooladmin)
    version = catalog.version_of(indicator)
    state = f"{PAGE}indicator/{indicator.pk}/state/"
    page = client.post(state, {"action": "delete", "version": version}, follow=True)
    assert "已有填报数据，不能删除" in page.content.decode()
    assert Figure.objects.filter(indicator=indicator).exists()
    client.post(state, {"action": "deactivate", "version": version})
    assert "own_labs" not in api.figure_values(figures)
    client.force_login(editor)
    assert "校内实训室数" not in client.get("/figures/lianzhou/2025/d/jiaowu/").content.decode()


def test_an_edit_over_a_newer_version_is_refused_and_kept(client, figures, schooladmin):
    indicator = add(Owner(school=figures.school))
    client.force_login(schooladmin)
    url = f"{PAGE}indicator/{indicator.pk}/"
    stale = catalog.version_of(indicator)
    catalog.save_item(owner=Owner(school=figures.school), model=Indicator, pk=indicator.pk,
                      data={"label": "实训室（他人修改）"}, version=stale)  # fmt: skip
    response = client.post(url, {**LABS, "label": "我的修改", "version": stale})
    assert "已被他人修改" in response.content.decode() and "我的修改" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.label == "实训室（他人修改）"
    assert indicator.events.count() >= 2  # pghistory: added, changed


def test_a_local_indicator_left_empty_is_a_required_row(figures):
    add(Owner(school=figures.school))
    assert ("required-rows", "own_labs") in {(f.rule_code, f.subject) for f in run_checks(figures)}


def test_local_indicators_print_after_the_official_tables(figures):
    add(Owner(school=figures.school))
    services.write_figures_unchecked(year=figures, values={"own_labs": 12})
    tables = api.appendix_tables(figures)
    assert [t.key for t in tables][-1] == "appendix-local"
    assert tables[-1].title == "附表 本地补充指标"
    assert [c.text for c in tables[-1].rows[0]][:4] == ["1", "校内实训室数", "个", "12"]
    official = [c.text for t in tables[:-1] for row in t.rows for c in row]
    assert "校内实训室数" not in official
