"""A bureau administrator (清远市教育局管理员, `jiaoyuju_admin`) creates the region's schools:
the template, upload → preview → 确认创建, one school by the form, the accounts, the command."""

import re
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook
from pghistory.models import Context

from reporting.models import Region, School, User
from review.models import ActivityEntry
from setup.bureau.services import COLUMNS

URL = "/setup/bureau/qingyuan-city/schools/"
GOOD = [
    ("清城区第二职业学校", "清二职", "qc-erzhi", "中职", "清城区（qingcheng）", "qcadmin", "张清城",
     ""),
    ("连州市职业技术学院", "", "lz-xueyuan", "高职", "lianzhou-city", "lzadmin", "", "a@b.cn"),
]  # fmt: skip
OUTSIDE = ("广州某职校", "", "gz-zx", "中职", "guangdong", "gzadmin", "", "")


@pytest.fixture
def bureau_admin(bureau) -> User:
    """清远市教育局管理员: a bureau user of 清远市 who may also create its schools."""
    return User.objects.get(username="jiaoyuju_admin")


def xlsx(*rows, header=COLUMNS, name="schools.xlsx") -> BytesIO:
    book = Workbook()
    for row in (header, *rows):
        book.active.append(list(row))
    out = BytesIO()
    book.save(out)
    out.seek(0)
    out.name = name
    return out


def upload(client, *rows, **kwargs):
    return client.post(URL + "upload/", {"file": xlsx(*rows, **kwargs)})


def text(response) -> str:
    return response.content.decode()


def test_template_is_a_workbook_with_the_columns_and_the_regions(client, bureau_admin):
    client.force_login(bureau_admin)
    response = client.get(URL + "template.xlsx")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"中职,高职"' in lists.values()
    regions = [row[0] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert "清城区（qingcheng）" in regions and not any("广东省" in r for r in regions)


def test_upload_with_one_bad_row_previews_the_errors_and_creates_nothing(client, bureau_admin):
    client.force_login(bureau_admin)
    bad = ("连州中学", "", "Bad Slug", "初中", "", "qcadmin", "", "")
    page = text(upload(client, *GOOD, bad))
    assert "将创建" in page and "有 1 行有错误，未创建任何学校" in page
    assert "标识“Bad Slug”只能包含小写字母" in page
    assert "学校类型“初中”未知" in page and "缺少所属地区" in page
    assert "管理员用户名“qcadmin”与第2行重复" in page
    assert "确认创建" not in page
    assert client.post(URL + "confirm/").status_code == 302  # nothing pending
    assert not School.objects.filter(slug__in=["qc-erzhi", "lz-xueyuan"]).exists()


def test_confirm_creates_the_schools_and_their_administrators_log_in(client, bureau_admin):
    client.force_login(bureau_admin)
    preview = text(upload(client, *GOOD))
    assert preview.count("将创建") == 2 and "确认创建" in preview
    assert not School.objects.filter(slug="qc-erzhi").exists()  # a preview writes nothing
    done = client.post(URL + "confirm/", follow=True)
    page = text(done)
    assert "已创建 2 所学校及其学校管理员账号" in page
    erzhi, xueyuan = School.objects.get(slug="qc-erzhi"), School.objects.get(slug="lz-xueyuan")
    assert (erzhi.region.code, erzhi.kind, erzhi.short_name) == ("qingcheng", "zhongzhi", "清二职")
    assert (xueyuan.region.code, xueyuan.kind) == ("lianzhou-city", "gaozhi")
    assert erzhi.departments.exists() and erzhi.years.get().sections.exists()
    assert ActivityEntry.objects.get(year__school=erzhi).action == "setup.school.created"
    context = Context.objects.get(metadata__action="setup.bureau.schools_created")
    assert context.metadata["user"] == bureau_admin.pk  # the history's rows name who did it
    # The accounts workbook holds each link; the administrator sets a password and logs in.
    sheet = load_workbook(BytesIO(client.get(URL + "accounts.xlsx").content)).active
    rows = {r[3]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["qcadmin"][0] == "清城区第二职业学校" and rows["qcadmin"][4] == "张清城"
    link = re.search(r"/welcome/[^<\s]+", rows["qcadmin"][5]).group(0)
    client.logout()
    form = client.get(link, follow=True)
    new = {"new_password1": "Qingcheng-2026!", "new_password2": "Qingcheng-2026!"}
    client.post(form.redirect_chain[-1][0], new)
    login = {"username": "qcadmin", "password": "Qingcheng-2026!"}
    assert client.post("/login/", login, follow=True).context["user"].school == erzhi
    assert "清城区第二职业学校" in text(client.get("/setup/qc-erzhi/"))


def test_a_second_confirm_creates_nothing_more(client, bureau_admin):
    client.force_login(bureau_admin)
    upload(client, *GOOD)
    client.post(URL + "confirm/")
    again = client.post(URL + "confirm/", follow=True)
    assert "没有待确认的学校名单" in text(again)
    assert School.objects.filter(slug__in=["qc-erzhi", "lz-xueyuan"]).count() == 2


def test_confirm_checks_the_rows_again(client, bureau_admin):
    client.force_login(bureau_admin)
    upload(client, *GOOD)
    School.objects.create(name="占位", slug="qc-erzhi")  # taken between preview and confirm
    page = text(client.post(URL + "confirm/"))
    assert "标识“qc-erzhi”已被其他学校使用" in page
    assert not School.objects.filter(slug="lz-xueyuan").exists()


def test_a_school_outside_the_region_is_refused(client, bureau_admin):
    client.force_login(bureau_admin)
    page = text(upload(client, OUTSIDE))
    assert "地区“guangdong”不在您管辖的范围内" in page
    assert not School.objects.filter(slug="gz-zx").exists()


def test_one_school_by_the_form(client, bureau_admin):
    client.force_login(bureau_admin)
    qingcheng = Region.objects.get(code="qingcheng")
    form = {"name": "清城区第三职业学校", "slug": "qc-sanzhi", "kind": "gaozhi",
            "region": qingcheng.pk, "admin_username": "qc3admin", "short_name": ""}  # fmt: skip
    page = text(client.post(URL, form, follow=True))
    assert "qc3admin" in page and "/welcome/" in page
    assert School.objects.get(slug="qc-sanzhi").region == qingcheng
    again = text(client.post(URL, {**form, "admin_username": "other"}))
    assert "学校“清城区第三职业学校”已经存在" in again


def test_the_form_offers_only_regions_of_the_administrator(client, bureau_admin):
    client.force_login(bureau_admin)
    guangdong = Region.objects.get(code="guangdong")
    form = {"name": "某校", "slug": "mx", "kind": "zhongzhi", "region": guangdong.pk,
            "admin_username": "mxadmin"}  # fmt: skip
    client.post(URL, form)
    assert not School.objects.filter(slug="mx").exists()


def test_plain_bureau_user_is_refused_and_nothing_changes(client, bureau):
    client.force_login(bureau)
    assert client.get(URL).status_code == 403
    assert upload(client, *GOOD).status_code == 403
    assert client.post(URL + "confirm/").status_code == 403
    assert not School.objects.filter(slug__in=["qc-erzhi", "lz-xueyuan"]).exists()
    assert "创建学校" not in text(client.get("/"))


def test_my_tasks_show_the_administrator_the_link(client, bureau_admin):
    client.force_login(bureau_admin)
    assert URL in text(client.get("/"))
    assert URL in text(client.get("/region/qingyuan-city/"))


def test_a_school_administrator_does_not_find_the_page(client, schooladmin, bureau):
    client.force_login(schooladmin)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a workbook", "schools.xlsx", "无法读取该文件"),
        (b"a,b", "schools.csv", "请上传 Excel 工作簿（.xlsx）"),
        (b"PK\x03\x04broken", "schools.xlsx", "无法读取该文件"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused(client, bureau_admin, content, name, message):
    client.force_login(bureau_admin)
    handle = BytesIO(content)
    handle.name = name
    response = client.post(URL + "upload/", {"file": handle})
    assert response.status_code == 200 and message in text(response)


def test_empty_and_headerless_workbooks_are_refused(client, bureau_admin):
    client.force_login(bureau_admin)
    assert "工作簿中没有学校" in text(upload(client))
    assert "缺少列" in text(upload(client, header=()))


def test_a_huge_workbook_is_refused_with_a_clear_message(client, bureau_admin):
    client.force_login(bureau_admin)
    rows = [(f"学校{i}", "", f"s{i}", "中职", "qingcheng", f"u{i}", "", "") for i in range(2001)]
    assert "工作簿超过 2000 行" in text(upload(client, *rows))


def test_a_formula_is_read_as_text(client, bureau_admin):
    client.force_login(bureau_admin)
    row = ('=HYPERLINK("http://x")', "", "=1+1", "中职", "qingcheng", "fx", "", "")
    page = text(upload(client, row))
    assert "标识“=1+1”只能包含小写字母" in page


def test_accounts_download_escapes_formulas(client, bureau_admin):
    client.force_login(bureau_admin)
    row = ("=清城区第四职业学校", "", "qc-si", "中职", "qingcheng", "qc4admin", "", "")
    upload(client, row)
    client.post(URL + "confirm/")
    cell = load_workbook(BytesIO(client.get(URL + "accounts.xlsx").content)).active["A2"]
    assert cell.value == "=清城区第四职业学校" and cell.data_type == "s" and cell.quotePrefix


# -- manage.py create_schools ---------------------------------------------------------------
def _file(tmp_path, *rows):
    path = tmp_path / "schools.xlsx"
    path.write_bytes(xlsx(*rows).getvalue())
    return str(path)


def test_command_dry_run_writes_nothing(bureau, tmp_path):
    out = StringIO()
    call_command("create_schools", "--region", "qingyuan-city", "--file",
                 _file(tmp_path, *GOOD), "--dry-run", stdout=out)  # fmt: skip
    assert "将创建 清城区第二职业学校（清城区）" in out.getvalue()
    assert not School.objects.filter(slug="qc-erzhi").exists()


def test_command_creates_the_schools_and_prints_links(bureau, tmp_path):
    out = StringIO()
    call_command("create_schools", "--region", "qingyuan-city", "--file",
                 _file(tmp_path, *GOOD), "--year", "2025", stdout=out)  # fmt: skip
    assert "qcadmin" in out.getvalue() and "/welcome/" in out.getvalue()
    assert School.objects.get(slug="lz-xueyuan").years.get().year == 2025


def test_command_refuses_a_bad_row_with_exit_code_1(bureau, tmp_path):
    err = StringIO()
    path = _file(tmp_path, *GOOD, OUTSIDE)
    with pytest.raises(CommandError) as refused:
        call_command("create_schools", "--region", "qingyuan-city", "--file", path, stderr=err)
    assert refused.value.returncode == 1
    assert "第4行：地区“guangdong”不在您管辖的范围内" in err.getvalue()
    assert not School.objects.filter(slug__in=["qc-erzhi", "lz-xueyuan"]).exists()


def test_command_dry_run_refuses_a_bad_row_with_exit_code_1(bureau, tmp_path):
    err = StringIO()
    path = _file(tmp_path, GOOD[0], GOOD[0])
    with pytest.raises(CommandError) as refused:
        call_command("create_schools", "--region", "qingyuan-city", "--file", path, "--dry-run",
                     stderr=err)  # fmt: skip
    assert refused.value.returncode == 1 and "与第2行重复" in err.getvalue()


def test_command_refuses_an_unknown_region_and_a_file_that_is_not_a_workbook(bureau, tmp_path):
    path = tmp_path / "schools.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match="地区代码“nope”不存在"):
        call_command("create_schools", "--region", "nope", "--file", str(path))
    with pytest.raises(CommandError, match="无法读取该文件"):
        call_command("create_schools", "--region", "qingyuan-city", "--file", str(path))
