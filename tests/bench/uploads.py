"""Upload benchmark (`make bench`): memory and time of one photo upload's check and print copy.

Each upload runs in a fresh child process, so its peak memory (VmHWM) is its own; the
baseline is the same child without the upload. Goal: ≤ 400 MB per upload, even for the
largest accepted image (40 MP, narrative/uploads.py)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time

GOAL_MB = 400.0
CASES = {
    "jpeg-12mp": ("JPEG", (4000, 3000)),
    "jpeg-40mp": ("JPEG", (7700, 5190)),
    "png-12mp": ("PNG", (4000, 3000)),
    "png-40mp-rgba": ("PNG", (7700, 5190)),
    "webp-12mp": ("WEBP", (4000, 3000)),
}


def _image(fmt: str, size: tuple[int, int]) -> bytes:
    from PIL import Image, ImageDraw

    mode = "RGBA" if fmt == "PNG" and size[0] > 5000 else "RGB"
    image = Image.new(mode, size, "white")
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 97):  # some structure, so the file is not trivially small
        draw.line([(x, 0), (size[0] - x, size[1])], fill=(x % 255, 80, 160), width=9)
    out = io.BytesIO()
    image.save(out, fmt, quality=85) if fmt != "PNG" else image.save(out, fmt, compress_level=1)
    return out.getvalue()


def child(case: str, path: str) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from narrative.uploads import print_copy, read_image

    data = open(path, "rb").read() if case != "baseline" else b""
    start = time.perf_counter()
    if data:
        image = read_image(data)
        print_copy(image)
    seconds = time.perf_counter() - start
    # VmHWM, not ru_maxrss: the latter is inherited from a big parent across fork/exec.
    status = open("/proc/self/status").read()
    peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    peak /= 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "mb": len(data) / 1e6}))


def _measure(case: str, path: str) -> dict:
    code = f"from tests.bench.uploads import child; child({case!r}, {path!r})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> None:
    import tempfile

    print("\nuploads (one photo: header check, one decode, print copy)")
    print(f"{'case':<16}{'file MB':>9}{'seconds':>9}{'memory MB':>11}   goal ≤ {GOAL_MB:.0f} MB")
    with tempfile.TemporaryDirectory() as folder:
        baseline = _measure("baseline", "")["peak_mb"]
        for case, (fmt, size) in CASES.items():
            path = f"{folder}/{case}"
            with open(path, "wb") as handle:
                handle.write(_image(fmt, size))
            result = _measure(case, path)
            used = result["peak_mb"] - baseline
            flag = "" if used <= GOAL_MB else "  over goal"
            if result["mb"] > 10:
                flag += "  (over the 10 MB upload limit: refused before decoding)"
            print(f"{case:<16}{result['mb']:>9.1f}{result['seconds']:>9.2f}{used:>11.0f}{flag}")
