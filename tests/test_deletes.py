"""Issue 10, finding 4: deletes never lose work silently."""

import io

import pghistory.models
import pytest
from django.core.files.storage import default_storage
from PIL import Image

from metrics.services import write_figures_unchecked
from narrative import outline, services
from narrative.models import Block, Photo, Section
from reporting.models import Department, ReportYear


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(out, "JPEG")
    return out.getvalue()


def test_a_year_holding_figures_cannot_be_deleted_in_the_admin(client, schooladmin, year):
    write_figures_unchecked(year=year, values={"graduates": 500})
    client.force_login(schooladmin)
    url = f"/admin/reporting/reportyear/{year.pk}/delete/"
    page = client.get(url).content.decode()
    assert "已有数据" in page and "不能删除" in page
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert ReportYear.objects.filter(pk=year.pk).exists()


def test_a_year_with_only_its_generated_outline_can_be_deleted(client, schooladmin, school):
    empty = ReportYear.objects.create(school=school, year=2026)
    assert Section.objects.filter(year=empty).exists()
    client.force_login(schooladmin)
    response = client.post(f"/admin/reporting/reportyear/{empty.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ReportYear.objects.filter(pk=empty.pk).exists()
    assert not Section.objects.filter(year_id=empty.pk).exists()


def test_deleting_a_department_owning_sections_is_refused_until_reassigned(
    client, schooladmin, school, year
):
    library = Department.objects.create(school=school, name="图书馆", code="tushuguan")
    section = Section.objects.get(year=year, key="ch1")
    outline.update_section(
        section=section, title=section.title, department=library,
        version=section.settings_version(),
    )  # fmt: skip
    section.refresh_from_db()
    client.force_login(schooladmin)
    url = f"/admin/reporting/department/{library.pk}/delete/"
    page = client.post(url, {"post": "yes"}).content.decode()
    assert "仍负责" in page and "改派" in page
    assert Department.objects.filter(pk=library.pk).exists()
    section.refresh_from_db()
    assert section.department == library

    outline.update_section(
        section=section, title=section.title, department=None, version=section.settings_version()
    )
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Department.objects.filter(pk=library.pk).exists()


def test_a_department_owning_figures_is_not_deleted(client, schooladmin, school, year):
    zhaosheng = Department.objects.get(school=school, code="zhaosheng")
    zhaosheng.members.update(department=Department.objects.get(school=school, code="caiwu"))
    Section.objects.filter(department=zhaosheng).update(department=None)
    write_figures_unchecked(year=year, values={"graduates": 500})
    client.force_login(schooladmin)
    page = client.post(f"/admin/reporting/department/{zhaosheng.pk}/delete/", {"post": "yes"})
    assert "单项数据" in page.content.decode()
    assert Department.objects.filter(pk=zhaosheng.pk).exists()


def test_deleting_a_section_and_a_block_is_recorded_in_history(editor, year):
    chapter = Section.objects.get(year=year, key="ch1")
    section = outline.add_section(parent=chapter, title="临时小节")
    block = services.add_block(section=section, user=editor, kind="text")
    other = services.add_block(section=section, user=editor, kind="text")
    block_pk, other_pk = block.pk, other.pk
    services.delete_block(block=block, user=editor)
    section_pk = section.pk
    outline.remove_section(section=section)
    deleted = pghistory.models.Events.objects.filter(pgh_label="delete")
    assert deleted.filter(pgh_obj_model="narrative.Block", pgh_obj_id=str(block_pk)).exists()
    assert deleted.filter(pgh_obj_model="narrative.Block", pgh_obj_id=str(other_pk)).exists()
    assert deleted.filter(pgh_obj_model="narrative.Section", pgh_obj_id=str(section_pk)).exists()


@pytest.mark.django_db(transaction=True)
def test_a_deleted_photo_block_removes_the_photo_and_its_files_after_commit(editor, year):
    section = Section.objects.get(year=year, key="ch1")
    block = services.add_block(
        section=section, user=editor, kind="photo", fields={"caption": "图"}, image=_jpeg()
    )
    paths = [block.photo.original.name, block.photo.print_copy.name]
    assert all(default_storage.exists(p) for p in paths)
    services.delete_block(block=Block.objects.get(pk=block.pk), user=editor)
    assert not Photo.objects.filter(pk=block.photo_id).exists()
    assert not any(default_storage.exists(p) for p in paths)


@pytest.mark.django_db(transaction=True)
def test_a_replaced_image_removes_the_old_files(editor, year):
    section = Section.objects.get(year=year, key="ch1")
    block = services.add_block(
        section=section, user=editor, kind="photo", fields={"caption": "图"}, image=_jpeg()
    )
    old = block.photo.original.name
    services.update_block(
        block=block, user=editor, fields={}, image=_jpeg(), version=block.edit_version()
    )
    assert not default_storage.exists(old)
    assert Photo.objects.filter(year=year).count() == 1
