import pytest

from metrics.models import Figure, Indicator, ProgressionRow, TeacherTitleRow
from reporting.models import ReportYear

FORM = "/figures/lianzhou/2025/d/zhaosheng/"
ROWS = "/figures/lianzhou/2025/d/renshi/data/teacher_titles/"


def form_data(client, url):
    """What the browser would send back: every input as shown."""
    response = client.get(url)
    form = response.context["form"]
    data = {"stamp": form["stamp"].value()}
    for indicator in form.indicators:
        value = form[indicator.code].value()
        data[indicator.code] = "" if value is None else value
    return data


def stored(year, code):
    figure = Figure.objects.filter(year=year, indicator__code=code).first()
    return figure.value if figure else None


def test_head_enters_and_saves_figures(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    data = form_data(client, FORM) | {"graduates": "560"}
    response = client.post(FORM, data, follow=True)
    assert "已保存" in response.content.decode()
    assert stored(figures, "graduates") == 560
    assert Figure.objects.get(year=figures, indicator__code="graduates").updated_by == zhaosheng


def test_form_shows_unit_computed_values_and_who_changed(client, figures, zhaosheng, renshi):
    client.force_login(renshi)
    page = client.get("/figures/lianzhou/2025/d/renshi/").content.decode()
    assert "19.65:1" in page  # 生师比 computed, read-only
    assert 'name="student_teacher_ratio"' not in page
    assert "系统导入" in page  # the demo loader entered the values


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("graduates", "五百", "请输入数字。"),
        ("graduates", "-1", "不能为负数。"),
        ("graduates", "55.5", "人数、个数必须是整数。"),
        ("in_province_placement_rate", "101", "百分比不能超过 100。"),
        ("monthly_income", "1e15", "数值过大"),
        ("graduates", "99999999999", "数值过大"),
        ("monthly_income", "1.123456", "最多保留 4 位小数。"),
        ("graduates", "NaN", "请输入数字。"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_saved(
    client, figures, zhaosheng, field, value, message
):
    client.force_login(zhaosheng)
    data = form_data(client, FORM) | {field: value, "further_study": "130"}
    response = client.post(FORM, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored(figures, "further_study") == 58  # the valid field of the form was not saved


def test_head_of_another_department_gets_403(client, figures, caiwu):
    client.force_login(caiwu)
    assert client.get(FORM).status_code == 403
    assert client.post(FORM, {"graduates": "1"}).status_code == 403
    assert stored(figures, "graduates") == 557


def test_editor_opens_every_departments_form(client, figures, editor):
    client.force_login(editor)
    assert client.get(FORM).status_code == 200
    assert client.get(ROWS).status_code == 200


def test_stale_form_is_refused_and_keeps_the_input(client, figures, zhaosheng, editor):
    client.force_login(zhaosheng)
    data = form_data(client, FORM) | {"graduates": "600"}
    Figure.objects.filter(year=figures, indicator__code="monthly_income").update(value=3700)
    Figure.objects.get(year=figures, indicator__code="monthly_income").save()  # bump updated_at
    page = client.post(FORM, data).content.decode()
    assert "修改了其中的数据" in page and 'value="600"' in page
    assert stored(figures, "graduates") == 557


def test_locked_year_refuses_writes_and_shows_read_only(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    data = form_data(client, FORM) | {"graduates": "600"}
    ReportYear.objects.filter(pk=figures.pk).update(status=ReportYear.Status.LOCKED)
    page = client.post(FORM, data).content.decode()
    assert "已锁定" in page
    assert stored(figures, "graduates") == 557
    assert 'name="graduates"' not in client.get(FORM).content.decode()


def test_form_render_queries_do_not_grow_with_the_catalog(
    client, figures, jiaowu, django_assert_max_num_queries
):
    client.force_login(jiaowu)
    url = "/figures/lianzhou/2025/d/jiaowu/"
    client.get(url)  # the session's first request also moves its idle expiry on
    with django_assert_max_num_queries(40) as before:
        client.get(url)
    for i in range(30):
        Indicator.objects.create(
            code=f"extra_{i}", label=f"新增指标{i}", unit="个", kind="count",
            department_code="jiaowu", order=90000 + i,
        )  # fmt: skip
    with django_assert_max_num_queries(40) as captured:
        response = client.get(url)
    assert "新增指标29" in response.content.decode()
    assert len(captured) == len(before)


def rows_post(client):
    formset = client.get(ROWS).context["formset"]
    data = {f"rows-{k}": v for k, v in formset.management_form.initial.items()}
    data["stamp"] = client.get(ROWS).context["stamp"]
    for i, form in enumerate(formset.forms):
        for name in form.fields:
            value = form[name].value()
            data[f"rows-{i}-{name}"] = "" if value is None else value
    return data


def test_data_set_rows_are_saved_as_a_whole(client, figures, renshi):
    client.force_login(renshi)
    data = rows_post(client) | {"rows-1-count": "38"}
    client.post(ROWS, data)
    counts = dict(TeacherTitleRow.objects.filter(year=figures).values_list("level", "count"))
    assert counts == {"senior": 13, "middle": 38, "junior": 33}


def test_bad_row_saves_nothing_of_the_data_set(client, figures, renshi):
    client.force_login(renshi)
    data = rows_post(client) | {"rows-0-count": "12", "rows-1-count": "-5"}
    page = client.post(ROWS, data).content.decode()
    assert "本表未保存" in page
    assert TeacherTitleRow.objects.get(year=figures, level="senior").count == 13


def test_duplicate_rows_are_refused(client, figures, renshi):
    client.force_login(renshi)
    data = rows_post(client) | {"rows-3-level": "senior", "rows-3-count": "1"}
    assert "有重复的行" in client.post(ROWS, data).content.decode()


def test_dual_teachers_cannot_exceed_specialty_teachers(client, figures, renshi):
    client.force_login(renshi)
    url = "/figures/lianzhou/2025/d/renshi/data/dual_teachers/"
    formset = client.get(url).context["formset"]
    data = {f"rows-{k}": v for k, v in formset.management_form.initial.items()}
    data |= {"rows-0-major_category": "学前教育", "rows-0-specialty_teachers": "2",
             "rows-0-dual_teachers": "5", "stamp": ""}  # fmt: skip
    data["rows-0-id"] = formset.forms[0].instance.pk
    data["rows-TOTAL_FORMS"] = "1"
    page = client.post(url, data).content.decode()
    assert "不能多于专业课教师数" in page


def test_progression_table_reads_earlier_years_from_the_year_that_entered_them(figures, last_year):
    from metrics.api import body_table

    later = ReportYear.objects.create(school=figures.school, year=2026)
    ProgressionRow.objects.create(year=later, school_year=2026, college_exam=99)
    table = body_table(later, "progression")
    assert [row[0].text for row in table.rows] == ["2024年", "2025年", "2026年"]
