"""OBJECT_STORAGE_BUCKET: photos, exports and published editions in an S3-compatible bucket
(moto's in-process S3 stands in for MinIO/OSS), so app processes on several hosts share them.
What users see does not change: the photo uploaded through the editor is in the bucket and
prints in the PDF, the published files are there with the SHA-256 signed, every download
still goes through the access-checked views, and nothing is written to the local folders."""

import io
import json
import subprocess
import tarfile
from pathlib import Path

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws
from PIL import Image

from metrics import demo as metrics_demo
from narrative import demo as narrative_demo
from narrative.models import Block, Section
from publication import storage
from publication.models import EditionFile
from publication.services import lock_year
from reporting.backup import create_backup
from tests.publication.conftest import explain_all

BUCKET = "vocreport-test"


def object_storage(location: str) -> dict:
    return {
        "BACKEND": "reporting.object_storage.PrivateObjectStorage",
        "OPTIONS": {
            "bucket_name": BUCKET, "location": location, "region_name": "us-east-1",
            "access_key": "test", "secret_key": "test",
        },
    }  # fmt: skip


@pytest.fixture
def bucket(settings, tmp_path):
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.OBJECT_STORAGE_BUCKET = BUCKET
        settings.MEDIA_ROOT = tmp_path / "media-unused"
        settings.STORAGES = {
            **settings.STORAGES,
            "default": object_storage("media"),
            "published": object_storage("published"),
        }
        yield s3


def keys(s3, prefix: str) -> set[str]:
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return {item["Key"] for item in listed}


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), "red").save(out, "JPEG")
    return out.getvalue()


def test_a_photo_is_stored_in_the_bucket_served_by_the_checked_view_and_printed(
    bucket, client, school, year, zhaosheng, editor, outsider, tmp_path, settings
):
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)  # the sample's text: 1.4.3 is 招生就业办's
    section = Section.objects.get(year=year, key="s1-4-3")
    client.force_login(zhaosheng)
    upload = SimpleUploadedFile("现场.jpg", jpeg(), content_type="image/jpeg")
    url = f"/report/lianzhou/2025/sections/{section.key}/blocks/new/photo/"
    assert client.post(url, {"image": upload, "caption": "招聘会现场"}).status_code == 302
    photo = Block.objects.get(section=section, caption="招聘会现场").photo

    stored = keys(bucket, "media/photos/lianzhou/2025/")
    assert {f"media/{photo.original.name}", f"media/{photo.print_copy.name}"} <= stored
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on this host's disk
    assert photo.print_copy.url.startswith("/media/photos/lianzhou/2025/")  # never a bucket link
    response = client.get(photo.print_copy.url)
    assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    client.force_login(outsider)
    assert client.get(photo.print_copy.url).status_code == 404

    from review.demo import complete

    complete(school, year)
    explain_all(year, editor)
    lock_year(year=year, user=editor, note="编委会审定")
    pdf = EditionFile.objects.get(edition__year=year, format="pdf")
    path = tmp_path / "edition.pdf"
    path.write_bytes(storage.read_bytes(pdf.path))
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    rows = images.stdout.splitlines()[2:]  # two header lines, then one line per image
    assert any(" 400 " in row and " 300 " in row for row in rows), images.stdout


def test_published_files_are_written_once_to_the_bucket_and_downloaded_signed(
    bucket, client, lockable, editor
):
    lock_year(year=lockable, user=editor, note="编委会审定")
    files = list(EditionFile.objects.filter(edition__year=lockable))
    assert {f.format for f in files} == {"pdf", "xlsx", "docx"}
    assert keys(bucket, "published/") == {f"published/{f.path}" for f in files}
    client.force_login(editor)
    for file in files:
        response = client.get(f"/publication/lianzhou/2025/editions/1/{file.format}/")
        body = b"".join(response.streaming_content)
        assert response.status_code == 200 and storage.sha256_of(body) == file.sha256
    with pytest.raises(FileExistsError):  # an edition's bytes are never replaced
        storage.write_once(files[0].path, b"%PDF-1.7 forged")
    assert storage.sha256_of_file(files[0].path) == (files[0].sha256, files[0].size)


def test_the_backup_holds_the_database_and_names_the_bucket(bucket, year, tmp_path):
    from narrative.uploads import store_photo

    store_photo(year=year, data=jpeg())
    archive = create_backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["object_storage"] == [f"s3://{BUCKET}/media", f"s3://{BUCKET}/published"]
    assert "database.dump" in manifest["files"]
    assert not any(name.startswith(("media/", "published/")) for name in manifest["files"])
