import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from narrative.errors import NarrativeError
from narrative.models import Block, Photo
from narrative.uploads import MAX_UPLOAD_BYTES, read_image, store_photo


def image_bytes(fmt="JPEG", size=(40, 20), exif_orientation=None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, "red")
    kwargs = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kwargs["exif"] = exif
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def upload_url(section):
    return f"/report/lianzhou/2025/sections/{section.key}/blocks/new/photo/"


def test_text_file_renamed_jpg_is_refused_and_nothing_stored(
    client, zhaosheng, sample, section_143
):
    client.force_login(zhaosheng)
    before = (Photo.objects.count(), Block.objects.count())
    fake = SimpleUploadedFile("photo.jpg", b"just some text", content_type="image/jpeg")
    response = client.post(upload_url(section_143), {"image": fake, "caption": "假图"})
    assert response.status_code == 200
    assert "只能上传 JPEG、PNG 或 WebP" in response.content.decode()
    assert (Photo.objects.count(), Block.objects.count()) == before


def test_gif_is_refused_with_a_chinese_message():
    with pytest.raises(NarrativeError, match="只能上传 JPEG、PNG 或 WebP"):
        read_image(image_bytes("GIF"))


def test_oversize_file_is_refused_with_the_limit_in_the_message():
    with pytest.raises(NarrativeError, match="最大 10 MB"):
        read_image(b"\xff" * (MAX_UPLOAD_BYTES + 1))


def test_exif_orientation_is_applied_to_the_print_copy(year):
    photo = store_photo(year=year, data=image_bytes(size=(40, 20), exif_orientation=6))
    with photo.print_copy.open("rb") as f:
        printed = Image.open(f)
        assert printed.size == (20, 40)
    assert photo.original.name.startswith("photos/lianzhou/2025/")
    assert "exports" not in photo.original.name


def test_large_photo_gets_a_print_size_copy_and_keeps_the_original(year):
    photo = store_photo(year=year, data=image_bytes("PNG", size=(3200, 1000)))
    with photo.print_copy.open("rb") as f:
        assert Image.open(f).size == (1600, 500)
    with photo.original.open("rb") as f:
        assert Image.open(f).size == (3200, 1000)


def test_head_adds_a_photo_to_own_section(client, zhaosheng, sample, section_143):
    client.force_login(zhaosheng)
    upload = SimpleUploadedFile("a.webp", image_bytes("WEBP"), content_type="image/webp")
    response = client.post(upload_url(section_143), {"image": upload, "caption": "招聘会现场"})
    assert response.status_code == 302
    block = Block.objects.get(section=section_143, caption="招聘会现场")
    assert block.photo.print_copy.name.endswith("-print.jpg")


# Issue 10, finding 8: allowlisted formats when opening, one decode, a print-sized pixel limit.


def test_an_eps_upload_never_reaches_pillows_eps_parser(monkeypatch):
    from PIL import EpsImagePlugin

    opened = []
    real_open = EpsImagePlugin.EpsImageFile._open
    monkeypatch.setattr(
        EpsImagePlugin.EpsImageFile, "_open", lambda self: opened.append(1) or real_open(self)
    )
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    with pytest.raises(NarrativeError, match="只能上传 JPEG、PNG 或 WebP"):
        read_image(eps)
    assert opened == []


def test_a_web_upload_is_decoded_once(client, zhaosheng, sample, section_143, monkeypatch):
    from PIL import ImageFile

    decodes = []  # loads that still had something to decode (`tile` is emptied by decoding)
    real_load = ImageFile.ImageFile.load

    def counting_load(self):
        if self.tile:
            decodes.append(self.format)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    client.force_login(zhaosheng)
    upload = SimpleUploadedFile("a.png", image_bytes("PNG", (300, 200)), content_type="image/png")
    response = client.post(upload_url(section_143), {"image": upload, "caption": "一次解码"})
    assert response.status_code == 302
    assert decodes.count("PNG") == 1


def test_more_than_40_megapixels_is_refused_with_the_limit():
    from tests.test_no_server_errors import png_with_size

    with pytest.raises(NarrativeError, match="最多 4000 万像素"):
        read_image(png_with_size(8000, 5001))


def test_a_large_jpeg_is_decoded_near_print_size():
    image = read_image(image_bytes("JPEG", size=(6400, 4800)))
    assert 1600 <= max(image.size) < 6400
