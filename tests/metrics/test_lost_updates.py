"""Issue 10, finding 6 (figures side): every form carries a version; a save based on older
data is refused, the user's input kept and the conflict explained; a second save goes through."""

from metrics import services
from metrics.findings import run_checks
from metrics.models import FindingExplanation, ReportedValue, TeacherTitleRow
from tests.metrics.test_entry import FORM, ROWS, form_data, rows_post, stored

NATIONAL = ReportedValue.Source.NATIONAL_SECONDARY
REPORTED = "/figures/lianzhou/2025/d/renshi/reported/"


def test_figures_form_without_a_version_is_refused(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    data = form_data(client, FORM) | {"graduates": "600", "stamp": ""}
    page = client.post(FORM, data).content.decode()
    assert "未保存" in page and 'value="600"' in page
    assert stored(figures, "graduates") != 600


def test_a_row_added_meanwhile_refuses_the_data_set_form_and_is_kept(client, figures, renshi):
    TeacherTitleRow.objects.filter(year=figures, level="junior").delete()
    client.force_login(renshi)
    data = rows_post(client) | {"rows-2-level": "junior", "rows-2-count": "7"}
    TeacherTitleRow.objects.create(year=figures, level="junior", count=2, position=9)
    response = client.post(ROWS, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "增删了行" in page and 'value="7"' in page
    assert TeacherTitleRow.objects.get(year=figures, level="junior").count == 2


def test_a_changed_row_refuses_the_data_set_form_then_a_second_save_wins(client, figures, renshi):
    client.force_login(renshi)
    data = rows_post(client) | {"rows-1-count": "40"}
    TeacherTitleRow.objects.filter(year=figures, level="middle").update(count=39)
    TeacherTitleRow.objects.get(year=figures, level="middle").save()
    response = client.post(ROWS, data)
    assert "未保存" in response.content.decode()
    assert TeacherTitleRow.objects.get(year=figures, level="middle").count == 39
    client.post(ROWS, data | {"stamp": response.context["stamp"]})
    assert TeacherTitleRow.objects.get(year=figures, level="middle").count == 40


def test_data_set_form_without_a_version_is_refused(client, figures, renshi):
    client.force_login(renshi)
    data = rows_post(client) | {"rows-1-count": "40", "stamp": ""}
    assert "未保存" in client.post(ROWS, data).content.decode()
    assert TeacherTitleRow.objects.get(year=figures, level="middle").count != 40


def test_an_explanation_changed_meanwhile_is_not_overwritten(client, figures, editor, zhaosheng):
    finding = next(f for f in run_checks(figures) if f.is_error)
    version = services.explanation_version(finding.explanation)
    services.explain_finding(
        year=figures, user=zhaosheng, rule_code=finding.rule_code, subject=finding.subject,
        text="招就办的说明", version=version,
    )  # fmt: skip
    client.force_login(editor)
    post = {"rule_code": finding.rule_code, "subject": finding.subject, "text": "编委会的说明",
            "version": version}  # fmt: skip
    page = client.post("/figures/lianzhou/2025/findings/explain/", post, follow=True)
    content = page.content.decode()
    assert "说明未保存" in content and "招就办的说明" in content and "编委会的说明" in content
    stored_text = FindingExplanation.objects.get(year=figures, rule_code=finding.rule_code).text
    assert stored_text == "招就办的说明"


def test_a_reported_value_entered_meanwhile_refuses_the_page(client, figures, renshi, editor):
    client.force_login(renshi)
    stamp = client.get(REPORTED).context["form"]["stamp"].value()
    services.set_reported_value(
        year=figures, user=editor, quantity="student_teacher_ratio", source=NATIONAL,
        value=19, places=0, page_quantities=["student_teacher_ratio"],
        stamp=services.reported_stamp(figures, ["student_teacher_ratio"]),
    )  # fmt: skip
    data = {"quantity": "student_teacher_ratio", "source": NATIONAL, "value": "18", "stamp": stamp}
    page = client.post(REPORTED, data).content.decode()
    assert "未保存" in page and 'value="18"' in page
    assert ReportedValue.objects.get(quantity="student_teacher_ratio", source=NATIONAL).value == 19
