"""Year-owned files (exported reports, photos) are never served as public media: only views
that check school and role hand them out (issue 10, finding 1)."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from exports.models import ExportJob
from narrative.uploads import store_photo


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def finished_job(year):
    job = ExportJob.objects.create(year=year, format="pdf")
    job.status, job.progress, job.filename = ExportJob.Status.DONE, 100, "报告.pdf"
    job.file.save("report.pdf", ContentFile(b"%PDF-1.7 secret"), save=True)
    return job


@pytest.fixture
def photo(year):
    return store_photo(year=year, data=_jpeg())


@pytest.mark.parametrize(
    "prefix", ["/media//", "/media/./", "/media/%2e/", "/media/", "/media/a/../"]
)
def test_export_file_is_404_by_any_media_url(client, zhaosheng, editor, finished_job, prefix):
    for user in (zhaosheng, editor):
        client.force_login(user)
        response = client.get(prefix + finished_job.file.name)
        assert response.status_code == 404, f"{user} {prefix}"


def test_committee_downloads_the_export_through_the_checked_view(client, editor, finished_job):
    client.force_login(editor)
    response = client.get(finished_job.download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 secret"


def test_head_and_other_school_cannot_download_the_export(
    client, zhaosheng, outsider, finished_job
):
    client.force_login(zhaosheng)
    assert client.get(finished_job.download_url).status_code == 403
    client.force_login(outsider)
    assert client.get(finished_job.download_url).status_code == 404


def test_member_of_the_school_sees_its_photo(client, zhaosheng, photo):
    client.force_login(zhaosheng)
    response = client.get(photo.print_copy.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_photo_of_school_a_is_404_for_a_user_of_school_b(client, outsider, photo):
    client.force_login(outsider)
    assert client.get(photo.print_copy.url).status_code == 404
    assert client.get(photo.original.url).status_code == 404


def test_photo_by_a_non_normalised_url_is_404(client, zhaosheng, photo):
    client.force_login(zhaosheng)
    for prefix in ("/media//", "/media/./", "/media/%2e/"):
        assert client.get(prefix + photo.print_copy.name).status_code == 404, prefix


def test_a_file_that_is_not_a_photo_of_the_year_is_404(client, zhaosheng, year, settings):
    stray = settings.MEDIA_ROOT / "photos" / "lianzhou" / "2025" / "stray.jpg"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(_jpeg())
    client.force_login(zhaosheng)
    assert client.get("/media/photos/lianzhou/2025/stray.jpg").status_code == 404


def test_anonymous_is_sent_to_login_for_a_photo(client, photo):
    response = client.get(photo.print_copy.url)
    assert response.status_code == 302 and "login/" in response.url


def test_behind_nginx_the_file_is_handed_over_by_x_accel_redirect(
    client, editor, finished_job, photo, settings
):
    settings.MEDIA_ACCEL_PREFIX = "/protected-media/"
    client.force_login(editor)
    response = client.get(finished_job.download_url)
    assert response["X-Accel-Redirect"] == f"/protected-media/{finished_job.file.name}"
    assert response.content == b""
    assert "attachment" in response["Content-Disposition"]
    response = client.get(photo.print_copy.url)
    assert response["X-Accel-Redirect"] == f"/protected-media/{photo.print_copy.name}"


def test_the_print_fetcher_still_loads_photos(photo):
    from exports.exporters.fetcher import PROJECT_ORIGIN, ProjectFilesFetcher

    response = ProjectFilesFetcher().fetch(PROJECT_ORIGIN + photo.print_copy.url)
    assert response.read()[:2] == b"\xff\xd8"
