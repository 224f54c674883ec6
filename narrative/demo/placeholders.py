"""Placeholder photos for the demo (the sample text has no pictures): a tinted card with the
photo number and caption, drawn with Pillow in a CJK font when one is installed."""

from __future__ import annotations

import hashlib
import io
import textwrap
from functools import cache

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]


@cache
def _font(size: int):
    for path in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def draw(label: str, caption: str, size: tuple[int, int] = (960, 640)) -> bytes:
    digest = hashlib.sha1(caption.encode()).digest()
    tint = (200 + digest[0] % 40, 210 + digest[1] % 35, 220 + digest[2] % 30)
    image = Image.new("RGB", size, tint)
    pen = ImageDraw.Draw(image)
    pen.rectangle([20, 20, size[0] - 20, size[1] - 20], outline=(120, 130, 150), width=4)
    pen.text((size[0] // 2, 200), label, font=_font(56), fill=(60, 70, 90), anchor="mm")
    for n, line in enumerate(textwrap.wrap(caption, 18)):
        pen.text((size[0] // 2, 310 + n * 60), line, font=_font(44), fill=(40, 40, 40), anchor="mm")
    pen.text((size[0] // 2, size[1] - 70), "示意图（演示数据）", font=_font(28),
             fill=(100, 100, 110), anchor="mm")  # fmt: skip
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
