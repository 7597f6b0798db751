"""What an attachment of a reply is, read from its bytes: the photo or scan of
a signed 签收单 (orders.signoff judges it).

The bytes decide, never the name or the declared type: a renamed .exe is no
photo whatever it is called. Images are opened with Pillow (HEIC from an
iPhone through pillow-heif) and decoded, at a reduced size where the format
allows, so a truncated or corrupt file is found here; a PDF with pypdfium2, its
pages counted and its scanned images measured. Nothing here raises: a file
that cannot be read comes back with the reason, in words for the sender.
"""
from __future__ import annotations

import hashlib
import io
import logging

from orders.signoff import MIN_SHORT_SIDE, Scan

__all__ = ["inspect_scan", "MAX_SCAN_BYTES", "MAX_PIXELS"]

log = logging.getLogger("orderloop.parsers")

MAX_SCAN_BYTES = 40 * 1024 * 1024  # a phone photo is a few MB; a 30 MB one is still taken
MAX_PIXELS = 120_000_000  # a decompression bomb is bigger; a 108 MP phone photo is not
MAX_PDF_PAGES = 50
_PDF_MAGIC = b"%PDF-"
# Files that are plainly something else, named in the answer to the sender.
_OTHER_MAGIC = ((b"MZ", "a Windows program"), (b"\x7fELF", "a program"), (b"PK\x03\x04", "a zip archive or an "
                "Office document"), (b"\xd0\xcf\x11\xe0", "an Office document"), (b"Rar!", "a RAR archive"),
                (b"7z\xbc\xaf", "a 7-Zip archive"))


def inspect_scan(filename: str, declared_type: str, data: bytes) -> Scan:
    base = dict(filename=filename, declared_type=declared_type, size=len(data),
                sha256=hashlib.sha256(data).hexdigest())
    if not data:
        return Scan(**base, problem=f"{filename} is empty (0 bytes)")
    if len(data) > MAX_SCAN_BYTES:
        return Scan(**base, problem=f"{filename} is {len(data) / 2**20:.0f} MB, more than we keep "
                                    f"({MAX_SCAN_BYTES // 2**20} MB): send a smaller photo or a scan")
    try:
        if _PDF_MAGIC in data[:1024]:
            return Scan(**base, **_read_pdf(filename, data))
        return Scan(**base, **_read_image(filename, data))
    except MemoryError:  # decoded, it needs more than the parse budget allows
        return Scan(**base, problem=f"{filename} is too large to open: send a smaller photo or a scan")
    except Exception as exc:  # a library's error on hostile bytes: the file is refused, the mail goes on
        log.info("%s: not readable as a scan (%s: %s)", filename, type(exc).__name__, exc)
        return Scan(**base, problem=f"{filename} could not be read ({_what(data)})")


def _read_image(filename: str, data: bytes) -> dict:
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height, fmt = image.width, image.height, (image.format or "").upper()
            if width * height > MAX_PIXELS:
                return dict(kind="image", format=fmt, width=width, height=height,
                            problem=f"{filename} is {width}×{height} px, too large to open")
            # libjpeg pads a scan that ends before its EOI with grey and only warns: a header claiming more
            # pixels than the bytes can hold (each 8×8 block costs at least one bit) is damaged, not a photo.
            if fmt in ("JPEG", "MPO") and len(data) * 512 < width * height:
                return dict(problem=f"{filename} could not be read (it is damaged: too little data for "
                                    f"{width}×{height} px)")
            image.draft("RGB", (1200, 1200))  # JPEG decodes at a fraction of its size; others ignore it
            _load_whole(image)  # a truncated or corrupt file fails here
    except Image.DecompressionBombError:  # Pillow refuses it at open, before its size is known: still an image
        return dict(kind="image", problem=f"{filename} is too large to open (more than "
                                          f"{MAX_PIXELS // 1_000_000} million pixels)")
    except UnidentifiedImageError:
        return dict(problem=f"{filename} is not an image or a PDF ({_what(data)})")
    found = dict(kind="image", format=fmt, width=width, height=height)
    if min(width, height) < MIN_SHORT_SIDE:
        found["problem"] = (f"{filename} is {width}×{height} px: too small to read (at least {MIN_SHORT_SIDE} px "
                            f"on its short side)")
    return found


def _load_whole(image) -> None:
    """Decode the image, failing on a file cut short. WeasyPrint, once imported, tells Pillow to
    pad truncated images (ImageFile.LOAD_TRUNCATED_IMAGES, a process-wide flag): a photo cut off
    in sending would pass as whole. The flag is off while this image loads."""
    from PIL import ImageFile

    padding, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = padding


def _read_pdf(filename: str, data: bytes) -> dict:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return dict(kind="pdf", format="PDF", problem=f"{filename} is protected by a password")
        return dict(problem=f"{filename} cannot be opened as a PDF (damaged, or no pages)")
    try:
        pages = len(document)
        if pages == 0:
            return dict(kind="pdf", format="PDF", pages=0, problem=f"{filename} has no pages")
        found, largest, text = dict(kind="pdf", format="PDF", pages=pages), None, False
        for index in range(min(pages, MAX_PDF_PAGES)):
            page = document[index]
            for image in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                size = tuple(int(n) for n in image.get_px_size())  # pixels, from the image's dictionary
                largest = max(largest, size, key=_short) if largest else size
            text = text or bool(page.get_textpage().get_text_range().strip())
    finally:
        document.close()
    if largest:  # a scanned form: its image must be readable, as a photo must
        found["width"], found["height"] = largest
        if _short(largest) < MIN_SHORT_SIDE:
            found["problem"] = (f"{filename}: the scan in it is {largest[0]}×{largest[1]} px, too small to read "
                                f"(at least {MIN_SHORT_SIDE} px on its short side)")
    elif not text:
        found["problem"] = f"{filename} shows nothing: no scan and no text"
    return found


def _short(size: tuple[int, int] | None) -> int:
    return min(size) if size else -1


def _what(data: bytes) -> str:
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            return f"it is {what}"
    if data.startswith(_PICTURE_MAGIC) or data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "the picture is damaged or was cut off in sending"
    return "its content is not a picture or a PDF we can open"


_PICTURE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*", b"RIFF", b"GIF8", b"BM")


_heif_registered = False


def _register_heif() -> None:
    """iPhones send HEIC; pillow-heif teaches Pillow to open it (once per process)."""
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener
            register_heif_opener()
        except ImportError:  # without it, a HEIC photo is refused with its reason
            log.warning("pillow-heif is not installed: HEIC photos cannot be read")
        _heif_registered = True
