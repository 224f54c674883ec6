"""In a locked year every write path is refused and the database stays as it was."""

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from districtreport.models import Aggregation
from metrics import demo as metrics_demo
from metrics import services as figures
from metrics.models import FindingExplanation, ReportedValue
from narrative import demo as narrative_demo
from narrative import outline, services
from narrative.models import Block, FrontMatter, Section
from reporting.errors import YearLocked
from reporting.models import Department, ReportYear
from reporting.year_lock import LOCKED_SQLSTATE
from review import demo as review_demo
from tests.publication.year_owned import year_owned_models

MODELS = year_owned_models()


def test_the_lock_covers_the_tables_we_know_of():
    labels = {model._meta.label for model in MODELS}
    assert {
        "metrics.Figure", "metrics.ReportedValue", "metrics.FindingExplanation",
        "metrics.ProgressionRow", "narrative.Section", "narrative.Block",
        "narrative.SectionRevision", "narrative.Photo", "narrative.FrontMatter",
        "review.ReviewItem", "review.ReviewComment",
    } <= labels  # fmt: skip


@pytest.fixture
def locked(school, year, editor):
    """The whole sample, with an explanation and a text revision, locked by the committee."""
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)
    review_demo.load(school, year)  # submitted, approved and returned items, with a comment
    FindingExplanation.objects.create(year=year, rule_code="x", subject="y", text="说明")
    section = Section.objects.get(year=year, key="s1-4-3")
    block = section.blocks.filter(kind="text").first()
    services.save_section_text(
        section=section, user=editor, texts={block.pk: "<p>改</p>"}, based_on=section.version
    )
    # districtreport's aggregation record (a region report's; any year will do for the lock)
    Aggregation.objects.create(year=year, aggregated_at=timezone.now())
    ReportYear.objects.filter(pk=year.pk).update(
        status=ReportYear.Status.LOCKED, locked_by=editor, locked_at=timezone.now()
    )
    year.refresh_from_db()
    return year


def snapshot() -> dict:
    return {m._meta.label: sorted(map(repr, m.objects.values_list())) for m in MODELS}


def _refused(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except DatabaseError as error:
        return getattr(error.__cause__, "sqlstate", None) == LOCKED_SQLSTATE
    return False


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_raw_sql_update_and_delete_are_refused(locked, model):
    table, pk = model._meta.db_table, model._meta.pk.column
    assert model.objects.exists(), f"the fixture must give {model._meta.label} a row"
    before = snapshot()
    assert _refused(f"UPDATE {table} SET {pk} = {pk}")
    assert _refused(f"DELETE FROM {table}")
    assert snapshot() == before


def test_raw_insert_is_refused(locked):
    sql = (
        "INSERT INTO metrics_findingexplanation (year_id, rule_code, subject, text, updated_at)"
        f" VALUES ({locked.pk}, 'r', 's', 't', now())"
    )
    assert _refused(sql)


def test_a_locked_year_cannot_be_deleted_or_changed_in_sql(locked):
    assert _refused(f"UPDATE reporting_reportyear SET year = 2024 WHERE id = {locked.pk}")
    assert _refused(f"DELETE FROM reporting_reportyear WHERE id = {locked.pk}")


def _service_calls(year, editor):
    section = Section.objects.get(year=year, key="s1-4-3")
    chapter = Section.objects.get(year=year, key="ch1")
    block = Block.objects.filter(section=section).first()
    reported = ReportedValue.objects.filter(year=year).first()
    return {
        "set_figures": lambda: figures.set_figures(
            year=year, user=editor, values={"graduates": Decimal(1)}
        ),
        "write_figures_unchecked": lambda: figures.write_figures_unchecked(
            year=year, values={"graduates": Decimal(1)}
        ),
        "explain_finding": lambda: figures.explain_finding(
            year=year, user=editor, rule_code="a", subject="b", text="c"
        ),
        "set_reported_value": lambda: figures.set_reported_value(
            year=year,
            user=editor,
            quantity="majors_count",
            source="national",
            value=Decimal(9),
            places=0,
        ),
        "remove_reported_value": lambda: figures.remove_reported_value(
            year=year, reported=reported
        ),
        "create_outline": lambda: outline.create_outline(year=year),
        "restart_from_previous": lambda: outline.restart_from_previous(year=year),
        "add_section": lambda: outline.add_section(parent=chapter, title="新节"),
        "update_section": lambda: outline.update_section(
            section=section, title="改名", department=None
        ),
        "move_section": lambda: outline.move_section(section=section, direction="up"),
        "reparent_section": lambda: outline.reparent_section(section=section, new_parent=chapter),
        "remove_section": lambda: outline.remove_section(section=section),
        "save_section_text": lambda: services.save_section_text(
            section=section, user=editor, texts={}, based_on=section.version
        ),
        "add_block": lambda: services.add_block(section=section, user=editor, kind="text"),
        "update_block": lambda: services.update_block(block=block, user=editor, fields={}),
        "move_block": lambda: services.move_block(block=block, user=editor, direction="up"),
        "delete_block": lambda: services.delete_block(block=block, user=editor),
        "save_front_matter": lambda: services.save_front_matter(
            front_matter=FrontMatter.objects.get(year=year), fields={"preface": "x"}
        ),
    }


def test_every_service_refuses_and_names_who_locked(locked, editor):
    before = snapshot()
    for name, call in _service_calls(locked, editor).items():
        with pytest.raises(YearLocked, match=r"已由潘三林（editor）于.*锁定"):
            call()
        assert snapshot() == before, name


def _web_writes(year):
    section = Section.objects.get(year=year, key="s1-4-3")
    block = Block.objects.filter(section=section).first()
    reported = ReportedValue.objects.filter(year=year).first()
    explanation = FindingExplanation.objects.filter(year=year).first()
    s = f"/report/lianzhou/2025/sections/{section.key}/"
    return [
        ("zhaosheng", "/figures/lianzhou/2025/d/zhaosheng/", {"graduates": "600"}),
        ("zhaosheng", "/figures/lianzhou/2025/d/zhaosheng/data/progression/", {}),
        ("editor", "/figures/lianzhou/2025/findings/explain/", {"rule_code": "x", "text": "t"}),
        ("renshi", "/figures/lianzhou/2025/d/renshi/reported/",
         {"quantity": "student_teacher_ratio", "source": "national", "value": "19.65"}),
        ("editor", f"/figures/lianzhou/2025/d/renshi/reported/{reported.pk}/delete/", {}),
        ("zhaosheng", s, {"version": section.version, "action": "save"}),
        ("zhaosheng", f"{s}blocks/new/text/", {}),
        ("zhaosheng", f"{s}blocks/{block.pk}/move/", {"direction": "down"}),
        ("zhaosheng", f"{s}blocks/{block.pk}/delete/", {}),
        ("editor", "/report/lianzhou/2025/sections/ch1/add/", {"title": "新节"}),
        ("editor", f"{s}settings/", {"title": "改名"}),
        ("editor", f"{s}move/", {"direction": "up"}),
        ("editor", f"{s}remove/", {}),
        ("editor", "/report/lianzhou/2025/create-outline/", {}),
        ("editor", "/report/lianzhou/2025/restart-outline/", {}),
        ("editor", "/report/lianzhou/2025/front-matter/", {"preface": "改"}),
        ("schooladmin", f"/admin/metrics/reportedvalue/{reported.pk}/change/",
         {"value": "1", "places": "0", "quantity": reported.quantity, "source": reported.source}),
        ("schooladmin", f"/admin/metrics/reportedvalue/{reported.pk}/delete/", {"post": "yes"}),
        ("schooladmin", f"/admin/metrics/findingexplanation/{explanation.pk}/change/",
         {"text": "改"}),
        ("schooladmin", f"/admin/metrics/findingexplanation/{explanation.pk}/delete/",
         {"post": "yes"}),
        ("schooladmin", f"/admin/reporting/reportyear/{year.pk}/change/",
         {"year": "2024", "publication_date": ""}),
        ("schooladmin", f"/admin/reporting/reportyear/{year.pk}/delete/", {"post": "yes"}),
        ("schooladmin", "/admin/reporting/reportyear/",
         {"action": "delete_selected", "_selected_action": [year.pk], "post": "yes"}),
    ]  # fmt: skip


def test_every_web_and_admin_write_is_refused_and_changes_nothing(client, locked, people):
    from reporting.models import User

    people["renshi"] = User.objects.get(username="renshi")
    before = snapshot()
    for who, url, data in _web_writes(locked):
        client.force_login(people[who])
        response = client.post(url, data)
        assert response.status_code in (200, 302, 403), (who, url, response.status_code)
        assert snapshot() == before, url
    locked.refresh_from_db()
    assert not locked.is_open and ReportYear.objects.filter(pk=locked.pk).exists()


def test_the_refusal_message_names_who_locked_it(client, locked, zhaosheng):
    client.force_login(zhaosheng)
    url = "/figures/lianzhou/2025/d/zhaosheng/"
    page = client.post(url, {"graduates": "600"}, follow=True).content.decode()
    assert "已由潘三林（editor）于" in page


def test_a_database_refusal_becomes_a_message_not_a_server_error(
    client, school, year, editor, schooladmin
):
    # Deleting a department that owns sections (here of a locked year) is refused before any
    # row is touched (sections point at their department with PROTECT, reporting/deletion.py);
    # the user reads why instead of a 500.
    department = Department.objects.create(school=school, name="新部门", code="xin")
    Section.objects.filter(year=year, key="ch1").update(department=department)
    ReportYear.objects.filter(pk=year.pk).update(
        status=ReportYear.Status.LOCKED, locked_by=editor, locked_at=timezone.now()
    )
    client.force_login(schooladmin)
    url = f"/admin/reporting/department/{department.pk}/delete/"
    response = client.post(url, {"post": "yes"}, follow=True, HTTP_REFERER=url)
    assert response.status_code == 200 and "仍负责" in response.content.decode()
    assert type(department).objects.filter(pk=department.pk).exists()
    assert Section.objects.get(year=year, key="ch1").department == department


def test_opening_pages_writes_nothing(client, year, editor):
    Section.objects.filter(year=year).delete()
    FrontMatter.objects.filter(year=year).delete()
    client.force_login(editor)
    for url in ["/report/lianzhou/2025/", "/report/lianzhou/2025/front-matter/",
                "/report/lianzhou/2025/preview/"]:  # fmt: skip
        assert client.get(url).status_code == 200
    assert not Section.objects.filter(year=year).exists()
    assert not FrontMatter.objects.filter(year=year).exists()
    client.post("/report/lianzhou/2025/create-outline/")
    assert Section.objects.filter(year=year, key="ch1").exists()
