"""Hand-made requests to the report text pages get a message or a 404, never a 500, and
change nothing."""

import pytest

from narrative.models import Block, Section, SectionRevision


def test_case_parameter_that_is_not_a_number_is_not_found(client, editor, section_143):
    client.force_login(editor)
    before = Block.objects.count()
    url = f"/report/lianzhou/2025/sections/{section_143.key}/blocks/new/photo/"
    assert client.get(url + "?case=abc").status_code == 404
    assert client.post(url + "?case=%00", {"caption": "图"}).status_code == 404
    assert Block.objects.count() == before


def test_forged_section_version_is_refused_as_a_stale_page(client, zhaosheng, section_143):
    client.force_login(zhaosheng)
    block = section_143.blocks.filter(kind="text").first()
    for forged in ("-1", "99999999999999999999"):
        response = client.post(
            f"/report/lianzhou/2025/sections/{section_143.key}/",
            {"version": forged, f"text_{block.pk}": "<p>改写</p>"},
        )
        assert response.status_code == 200
        assert "页面已过期，未保存" in response.content.decode()
    block.refresh_from_db()
    assert "改写" not in block.body
    assert not SectionRevision.objects.filter(section=section_143).exists()


def test_copying_last_year_outline_over_written_text_is_refused_with_a_message(
    client, editor, sample
):
    from reporting.models import ReportYear

    ReportYear.objects.create(school=sample.school, year=2024)
    client.force_login(editor)
    before = list(Section.objects.filter(year=sample).values_list("pk", flat=True))
    response = client.post("/report/lianzhou/2025/restart-outline/", follow=True)
    assert response.status_code == 200
    assert "本年度已有正文内容" in response.content.decode()
    assert list(Section.objects.filter(year=sample).values_list("pk", flat=True)) == before


@pytest.mark.parametrize(
    ("width", "height"),
    [(100_000, 100_000), (9_000, 9_000)],
    ids=["decompression-bomb", "too-many-pixels"],
)
def test_image_declaring_huge_dimensions_is_refused_in_chinese(
    client, zhaosheng, section_143, width, height
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from narrative.models import Photo
    from tests.test_no_server_errors import png_with_size

    client.force_login(zhaosheng)
    before = (Photo.objects.count(), Block.objects.count())
    bomb = SimpleUploadedFile("bomb.png", png_with_size(width, height), content_type="image/png")
    response = client.post(
        f"/report/lianzhou/2025/sections/{section_143.key}/blocks/new/photo/",
        {"image": bomb, "caption": "炸弹"},
    )
    assert response.status_code == 200
    assert "图片像素过多（最多 4000 万像素），请缩小后再上传" in response.content.decode()
    assert (Photo.objects.count(), Block.objects.count()) == before
