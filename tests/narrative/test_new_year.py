"""The committee creates next year: outline and assignments carried forward, text not."""

from narrative.models import Section
from reporting.models import ReportYear

NEXT = "/report/lianzhou/2025/next-year/"


def test_committee_creates_next_year_with_this_years_outline_and_assignments(
    client, editor, sample
):
    client.force_login(editor)
    response = client.post(NEXT, follow=True)
    assert response.redirect_chain[-1][0] == "/report/lianzhou/2026/"
    assert "已新建2026年度" in response.content.decode()
    new = ReportYear.objects.get(school=sample.school, year=2026)
    copied = Section.objects.get(year=new, key="s6-3-6")
    assert copied.department.code == "renshi" and not copied.blocks.exists()


def test_the_outline_offers_the_button_to_the_committee_only(client, editor, zhaosheng, sample):
    client.force_login(editor)
    assert 'data-testid="next-year"' in client.get("/report/lianzhou/2025/").content.decode()
    client.force_login(zhaosheng)
    assert 'data-testid="next-year"' not in client.get("/report/lianzhou/2025/").content.decode()


def test_a_department_head_cannot_create_a_year(client, zhaosheng, sample):
    client.force_login(zhaosheng)
    assert client.post(NEXT).status_code == 403
    assert not ReportYear.objects.filter(year=2026).exists()


def test_only_the_latest_year_opens_the_next(client, editor, sample):
    ReportYear.objects.create(school=sample.school, year=2026)
    client.force_login(editor)
    page = client.post(NEXT, follow=True).content.decode()
    assert "只能从最新的报告年度新建下一年度" in page
    assert ReportYear.objects.filter(school=sample.school).count() == 2
