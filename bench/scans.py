"""What reading a signed 签收单 costs: each kind of file a customer sends,
inspected from its bytes as the intake does (parsers/scans.py), timed warm,
with the process's peak memory. A 30 MB photo must not hold up a poll.

    .venv/bin/python bench/scans.py
"""
from __future__ import annotations

import io
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

from parsers.scans import inspect_scan  # noqa: E402


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def files() -> list[tuple[str, bytes]]:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    phone = Image.effect_noise((3024, 4032), 40).convert("RGB")  # a 12 MP phone photo
    page = Image.effect_noise((1654, 2339), 20).convert("RGB")  # A4 at 200 dpi
    noise = Image.frombytes("RGB", (6000, 4500), os.urandom(6000 * 4500 * 3))
    return [("phone photo 12 MP (JPEG)", _save(phone, "JPEG", quality=90)),
            ("iPhone photo 12 MP (HEIC)", _save(phone, "HEIF", quality=80)),
            ("scan A4 200 dpi (PNG)", _save(page, "PNG")),
            ("scan A4 200 dpi (PDF)", _save(page, "PDF")),
            ("photo 27 MP, about 36 MB (JPEG)", _save(noise, "JPEG", quality=97)),
            ("too small 480×640 (JPEG)", _save(phone.resize((480, 640)), "JPEG")),
            ("a program renamed .jpg", b"MZ" + os.urandom(2_000_000))]


def main() -> None:
    cases = files()
    print(f"{'file':34} {'size':>9} {'ms':>7}  verdict")
    for name, data in cases:
        inspect_scan(name, "image/jpeg", data)  # warm: the libraries loaded
        runs, start = 3, time.perf_counter()
        for _ in range(runs):
            scan = inspect_scan(name, "image/jpeg", data)
        ms = (time.perf_counter() - start) / runs * 1000
        verdict = scan.problem or f"{scan.format} {scan.width}×{scan.height} px"
        print(f"{name:34} {len(data) / 2**20:7.1f}MB {ms:7.1f}  {verdict}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process (including the test files in memory): {peak:.0f} MB")


if __name__ == "__main__":
    main()
