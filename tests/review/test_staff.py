"""填报员: fills and writes for their own department like its head, never submits."""

import pytest
from django.db import IntegrityError, transaction

from metrics.models import FindingExplanation
from metrics.services import explanation_version
from reporting.models import User

SECTION = "/report/lianzhou/2025/sections/ch4/"


def test_postgresql_refuses_staff_without_a_department(school):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="nobody", school=school, role=User.Role.STAFF)


def test_staff_writes_a_section_of_their_department_only(client, zhaosheng_staff, chapter):
    client.force_login(zhaosheng_staff)
    assert client.get(SECTION).status_code == 200
    assert client.get("/report/lianzhou/2025/sections/ch1/").status_code == 403
    assert client.get("/figures/lianzhou/2025/d/caiwu/").status_code == 403


def test_staff_explains_findings_of_their_department(client, zhaosheng_staff, figures):
    client.force_login(zhaosheng_staff)
    shown = FindingExplanation.objects.filter(
        year=figures, rule_code="further-study-agrees", subject=""
    ).first()  # the form carries the version of the explanation the page showed
    version = explanation_version(shown.text if shown else "")
    client.post(
        "/figures/lianzhou/2025/findings/explain/",
        {
            "rule_code": "further-study-agrees",
            "subject": "",
            "text": "口径不同",
            "version": version,
        },
    )
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert "口径不同（王填报）" in page


def test_staff_sees_the_heads_tasks_without_a_submit_button(client, zhaosheng_staff, chapter):
    client.force_login(zhaosheng_staff)
    page = client.get("/").content.decode()
    assert "招生就业办 · 单项数据" in page and "招生就业办 · 4. 国际合作" in page
    page = client.get(SECTION).content.decode()
    assert "审核状态" in page and "提交编委会审核" not in page
