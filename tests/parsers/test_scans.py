"""Hostile input for parsers.scans: what an attachment of a reply really is,
read from its bytes. A photo or a scan of the signed 签收单 counts only when it
is an image or a PDF that can be read, at least 600 px on its short side;
anything else comes back with the reason, in words for the sender, and
inspect_scan never raises. Every file is built here, in code."""
from __future__ import annotations

import hashlib
import io
import os
import struct
import time
import zipfile
import zlib
from email.message import EmailMessage
from email.utils import make_msgid

import pillow_heif
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter

from orders.signoff import MIN_SHORT_SIDE, Scan
from parsers import parse_email, scans
from parsers.scans import inspect_scan

pillow_heif.register_heif_opener()  # to write the iPhone's HEIC here; scans registers it for reading itself


# --- files built in code ------------------------------------------------------------------------

def picture(width: int, height: int, fmt: str, **options) -> bytes:
    """A plain grey page: compresses to a few KB whatever its size."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (210, 205, 200)).save(buffer, fmt, **options)
    return buffer.getvalue()


def noise_jpeg(width: int, height: int, quality: int = 90) -> bytes:
    """Random pixels: a JPEG as large as a real photo of that size, or larger."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def scanned_pdf(*sizes: tuple[int, int]) -> bytes:
    """A PDF as a scanner writes it: one page per scanned image (Pillow draws each image full page)."""
    first, *rest = [Image.new("RGB", size, (230, 230, 230)) for size in sizes]
    buffer = io.BytesIO()
    first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=150)
    return buffer.getvalue()


def text_pdf(text: bytes = b"Delivery note SO2023100001 - received in good order, Wang Jianguo") -> bytes:
    """A one-page PDF with a line of text and no image (an ERP's printout, saved as PDF)."""
    content = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def written_pdf(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(user_password: str, owner_password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(scanned_pdf((1240, 1754)))))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    return written_pdf(writer)


def _png_chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))


def png_claiming(width: int, height: int) -> bytes:
    """A 70-byte PNG whose IHDR claims width×height RGB pixels: a decompression bomb's header."""
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + _png_chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header (SOF0) is rewritten to claim width×height."""
    data = bytearray(picture(64, 64, "JPEG"))
    sof = data.index(b"\xff\xc0")  # marker, length (2), precision (1), height (2), width (2)
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def zip_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("签收单.txt", "not a photo")
    return buffer.getvalue()


def windows_program() -> bytes:
    return b"MZ" + os.urandom(4094)


def read(name: str, data: bytes, declared: str = "application/octet-stream") -> Scan:
    scan = inspect_scan(name, declared, data)
    assert isinstance(scan, Scan)
    assert (scan.size, scan.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    return scan


def outcome(scan: Scan) -> tuple:
    return scan.kind, scan.format, scan.width, scan.height, scan.pages


# --- readable photos and scans are accepted ----------------------------------------------------

def test_a_phone_photo_jpeg_1200x1600_is_accepted_with_its_size():
    scan = read("签收单.jpg", picture(1200, 1600, "JPEG"), "image/jpeg")
    assert outcome(scan) == ("image", "JPEG", 1200, 1600, None)
    assert scan.problem is None
    assert scan.extension == "jpg"


def test_a_png_screenshot_of_the_form_is_accepted():
    scan = read("签收单.png", picture(900, 1300, "PNG"), "image/png")
    assert outcome(scan) == ("image", "PNG", 900, 1300, None) and scan.problem is None


def test_an_iphone_heic_photo_1512x2016_is_accepted():
    scan = read("IMG_0412.HEIC", picture(1512, 2016, "HEIF"), "image/heic")
    assert outcome(scan) == ("image", "HEIF", 1512, 2016, None) and scan.problem is None
    assert scan.extension == "heic"


def test_a_scanned_pdf_is_measured_by_its_scanned_image():
    scan = read("签收单.pdf", scanned_pdf((1240, 1754)), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", 1240, 1754, 1) and scan.problem is None


def test_a_pdf_with_a_small_logo_page_and_a_full_scan_page_is_measured_by_the_scan():
    scan = read("签收单.pdf", scanned_pdf((200, 80), (1240, 1754)), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", 1240, 1754, 2) and scan.problem is None


def test_a_pdf_with_only_text_and_no_image_is_accepted():
    scan = read("送货单.pdf", text_pdf(), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", None, None, 1) and scan.problem is None


def test_a_pdf_with_an_owner_password_only_opens_and_is_accepted():
    scan = read("签收单.pdf", encrypted_pdf(user_password="", owner_password="owner"), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", 1240, 1754, 1) and scan.problem is None


def test_the_bytes_decide_not_the_name_or_the_declared_type():
    png_named_pdf = read("scan.pdf", picture(800, 1000, "PNG"), "application/pdf")
    assert outcome(png_named_pdf) == ("image", "PNG", 800, 1000, None) and png_named_pdf.problem is None
    pdf_without_extension = read("ATT00001", scanned_pdf((1240, 1754)), "application/octet-stream")
    assert outcome(pdf_without_extension) == ("pdf", "PDF", 1240, 1754, 1) and pdf_without_extension.problem is None


@pytest.mark.parametrize("fmt", ["TIFF", "WEBP"])
def test_a_tiff_or_webp_scan_is_accepted(fmt):
    scan = read(f"scan.{fmt.lower()}", picture(700, 990, fmt))
    assert outcome(scan) == ("image", fmt, 700, 990, None) and scan.problem is None


def test_a_30_mb_photo_is_accepted_and_read_in_well_under_5_seconds():
    data = noise_jpeg(6000, 4500, quality=97)
    assert len(data) >= 30 * 2**20
    started = time.perf_counter()
    scan = read("IMG_20231010_152000.jpg", data, "image/jpeg")
    assert time.perf_counter() - started < 5
    assert outcome(scan) == ("image", "JPEG", 6000, 4500, None) and scan.problem is None


def test_exactly_600_px_on_the_short_side_is_enough():
    assert read("a.jpg", picture(MIN_SHORT_SIDE, 2000, "JPEG")).problem is None
    assert read("b.png", picture(2000, MIN_SHORT_SIDE, "PNG")).problem is None


# --- too small to read --------------------------------------------------------------------------

def test_a_jpeg_480x640_is_too_small_and_the_reason_names_600_px():
    scan = read("签收单.jpg", picture(480, 640, "JPEG"), "image/jpeg")
    assert outcome(scan) == ("image", "JPEG", 480, 640, None)
    assert scan.problem == "签收单.jpg is 480×640 px: too small to read (at least 600 px on its short side)"


def test_one_pixel_under_600_on_the_short_side_is_too_small():
    scan = read("wide.png", picture(3000, MIN_SHORT_SIDE - 1, "PNG"))
    assert (scan.width, scan.height) == (3000, 599) and "too small" in scan.problem and "600 px" in scan.problem


def test_a_pdf_whose_scan_is_300x400_is_too_small():
    scan = read("签收单.pdf", scanned_pdf((300, 400)), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", 300, 400, 1)
    assert scan.problem == ("签收单.pdf: the scan in it is 300×400 px, too small to read "
                            "(at least 600 px on its short side)")


# --- not a picture at all -----------------------------------------------------------------------

def test_an_empty_file_is_refused_as_0_bytes():
    scan = read("签收单.jpg", b"", "image/jpeg")
    assert outcome(scan) == (None, None, None, None, None)
    assert scan.problem == "签收单.jpg is empty (0 bytes)"
    assert scan.sha256 == hashlib.sha256(b"").hexdigest() and scan.size == 0


def test_a_windows_program_renamed_jpg_is_refused_as_a_windows_program():
    scan = read("签收单.jpg", windows_program(), "image/jpeg")
    assert scan.kind is None and (scan.width, scan.height) == (None, None)
    assert scan.problem == "签收单.jpg is not an image or a PDF (it is a Windows program)"


def test_a_zip_renamed_png_is_refused_as_a_zip_archive():
    scan = read("签收单.png", zip_file(), "image/png")
    assert scan.kind is None
    assert scan.problem == "签收单.png is not an image or a PDF (it is a zip archive or an Office document)"


def test_random_bytes_named_jpg_are_refused():
    scan = read("photo.jpg", os.urandom(8192), "image/jpeg")
    assert scan.kind is None
    assert scan.problem == "photo.jpg is not an image or a PDF (its content is not a picture or a PDF we can open)"


@pytest.mark.parametrize("fmt, name", [("JPEG", "签收单.jpg"), ("PNG", "签收单.png"), ("HEIF", "IMG_0412.HEIC")])
def test_a_photo_cut_off_halfway_is_refused_as_unreadable(fmt, name):
    whole = noise_jpeg(1200, 1600) if fmt == "JPEG" else picture(1200, 1600, fmt)
    scan = read(name, whole[:len(whole) // 2])
    assert scan.kind is None and scan.width is None
    assert scan.problem.startswith(f"{name} could not be read")


# --- decompression bombs: refused from the header, without decoding ------------------------------

@pytest.mark.parametrize("data", [png_claiming(50_000, 50_000), jpeg_claiming(60_000, 60_000)], ids=["png", "jpeg"])
def test_a_header_claiming_billions_of_pixels_is_refused_at_once_as_too_large(data):
    started = time.perf_counter()
    scan = read("签收单.png", data)
    assert time.perf_counter() - started < 1  # 2.5 billion pixels decoded would take GBs and seconds
    assert scan.problem == "签收单.png is too large to open (more than 120 million pixels)"
    assert scan.width is None  # nothing was measured: Pillow refused it at its header


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_png_claiming_just_over_the_pixel_cap_is_refused_with_its_size():
    started = time.perf_counter()
    scan = read("scan.png", png_claiming(11_000, 11_000))
    assert time.perf_counter() - started < 1
    assert outcome(scan) == ("image", "PNG", 11_000, 11_000, None)
    assert scan.problem == "scan.png is 11000×11000 px, too large to open"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("width, height", [(10_000, 11_000), (2000, 2000)])
def test_a_tiny_jpeg_whose_header_claims_more_pixels_than_its_bytes_hold_is_refused_as_damaged(width, height):
    # libjpeg pads the missing blocks with grey and only warns: without the check it read as a good scan
    started = time.perf_counter()
    scan = read("scan.jpg", jpeg_claiming(width, height))
    assert time.perf_counter() - started < 1
    assert outcome(scan) == (None, None, None, None, None)
    assert scan.problem == f"scan.jpg could not be read (it is damaged: too little data for {width}×{height} px)"


def test_the_smallest_honest_jpeg_a_blank_white_page_at_the_lowest_quality_is_still_read():
    buffer = io.BytesIO()
    Image.new("L", (1200, 1600), 255).save(buffer, "JPEG", quality=1, optimize=True, progressive=True)
    scan = read("blank.jpg", buffer.getvalue())
    assert outcome(scan) == ("image", "JPEG", 1200, 1600, None) and scan.problem is None


# --- size cap -----------------------------------------------------------------------------------

def test_a_file_over_the_size_cap_is_refused_with_its_size_in_the_reason(monkeypatch):
    monkeypatch.setattr(scans, "MAX_SCAN_BYTES", 2 * 2**20)
    data = noise_jpeg(2000, 1500, quality=95)
    assert len(data) > 3 * 2**20
    scan = read("IMG_0001.jpg", data, "image/jpeg")
    assert scan.kind is None and scan.width is None  # not even opened
    megabytes = f"{len(data) / 2**20:.0f} MB"
    assert scan.problem == (f"IMG_0001.jpg is {megabytes}, more than we keep (2 MB): send a smaller photo or a scan")


def test_a_file_at_the_size_cap_is_still_read(monkeypatch):
    data = picture(1200, 1600, "JPEG")
    monkeypatch.setattr(scans, "MAX_SCAN_BYTES", len(data))
    assert read("签收单.jpg", data).problem is None


# --- PDFs that show no form ---------------------------------------------------------------------

def test_a_pdf_with_no_pages_is_refused():
    scan = read("签收单.pdf", written_pdf(PdfWriter()), "application/pdf")
    assert scan.width is None and scan.problem is not None
    assert "no pages" in scan.problem and scan.problem.startswith("签收单.pdf")


def test_a_blank_pdf_page_shows_nothing_and_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    scan = read("签收单.pdf", written_pdf(writer), "application/pdf")
    assert outcome(scan) == ("pdf", "PDF", None, None, 1)
    assert scan.problem == "签收单.pdf shows nothing: no scan and no text"


def test_a_damaged_pdf_is_refused_as_damaged():
    scan = read("签收单.pdf", b"%PDF-1.7\n" + os.urandom(4000), "application/pdf")
    assert scan.kind is None
    assert scan.problem == "签收单.pdf cannot be opened as a PDF (damaged, or no pages)"


def test_a_scanned_pdf_cut_off_before_its_end_is_refused_as_damaged():
    whole = scanned_pdf((1240, 1754))
    scan = read("签收单.pdf", whole[:len(whole) * 9 // 10], "application/pdf")
    assert scan.problem == "签收单.pdf cannot be opened as a PDF (damaged, or no pages)"


def test_a_pdf_locked_with_a_password_is_refused_saying_so():
    scan = read("签收单.pdf", encrypted_pdf(user_password="secret"), "application/pdf")
    assert scan.kind == "pdf" and scan.width is None
    assert scan.problem == "签收单.pdf is protected by a password"


# --- checksums ----------------------------------------------------------------------------------

def test_the_sha256_and_size_are_those_of_the_bytes_received():
    data = picture(1200, 1600, "JPEG")
    scan = inspect_scan("签收单.jpg", "image/jpeg", data)
    assert scan.size == len(data)
    assert scan.sha256 == hashlib.sha256(data).hexdigest() and len(scan.sha256) == 64
    assert (scan.filename, scan.declared_type) == ("签收单.jpg", "image/jpeg")
    refused = inspect_scan("x.jpg", "image/jpeg", b"MZ\x90\x00")
    assert (refused.size, refused.sha256) == (4, hashlib.sha256(b"MZ\x90\x00").hexdigest())


# --- never raises -------------------------------------------------------------------------------

_PREFIXES = [b"", b"%PDF-", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
             b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"\x00\x00\x00\x18ftypheic", b"II*\x00", b"RIFF\x00\x00\x00\x00WEBP",
             b"MZ", b"PK\x03\x04"]


@pytest.mark.filterwarnings("ignore::UserWarning", "ignore::RuntimeWarning")  # Pillow's on corrupt EXIF, bombs
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(_PREFIXES), tail=st.binary(max_size=2000))
def test_inspect_scan_never_raises_on_arbitrary_bytes(prefix, tail):
    data = prefix + tail
    scan = inspect_scan("attachment.bin", "application/octet-stream", data)
    assert isinstance(scan, Scan)
    assert (scan.size, scan.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    if scan.problem is None:  # whatever was accepted is a readable image or PDF, big enough
        assert scan.kind in ("image", "pdf")
        if scan.kind == "image" or scan.width is not None:
            assert min(scan.width, scan.height) >= MIN_SHORT_SIDE
    else:
        assert scan.problem.startswith("attachment.bin")


# --- through parse_email: a customer's reply to the delivery email -------------------------------

SUBJECT = "Re: [SO2023100001] 明日到货,请准备签收 / Arriving tomorrow"


def reply_email(body: str = "已签收，货物完好。\n\n王建国\n华东机械有限公司") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "王建国 <wang@huadong-jixie.cn>"
    msg["To"] = "orders@example.com"
    msg["Subject"] = SUBJECT
    msg["Date"] = "Tue, 10 Oct 2023 15:20:00 +0800"
    msg["Message-ID"] = "<reply-1@huadong-jixie.cn>"
    msg["In-Reply-To"] = "<SO2023100001.delivery@example.com>"
    msg["References"] = "<SO2023100001.delivery@example.com>"
    msg.set_content(body)
    return msg


def attach(msg: EmailMessage, name: str, content_type: str, data: bytes) -> EmailMessage:
    maintype, subtype = content_type.split("/")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def test_a_signed_reply_with_a_good_jpeg_reads_as_a_signoff_with_one_good_scan():
    photo = picture(1200, 1600, "JPEG")
    result = parse_email(attach(reply_email(), "签收单.jpg", "image/jpeg", photo).as_bytes())
    assert result.kind == "reply"
    assert (result.reply.order_no, result.reply.intent) == ("SO2023100001", "signoff")
    assert len(result.scans) == 1
    scan = result.scans[0]
    assert (scan.filename, scan.declared_type) == ("签收单.jpg", "image/jpeg")
    assert outcome(scan) == ("image", "JPEG", 1200, 1600, None) and scan.problem is None
    assert (scan.size, scan.sha256) == (len(photo), hashlib.sha256(photo).hexdigest())


def test_a_signed_reply_with_a_program_renamed_jpg_gives_one_scan_with_the_reason():
    result = parse_email(attach(reply_email(), "签收单.jpg", "image/jpeg", windows_program()).as_bytes())
    assert result.kind == "reply" and result.reply.intent == "signoff"
    assert len(result.scans) == 1
    assert result.scans[0].kind is None
    assert result.scans[0].problem == "签收单.jpg is not an image or a PDF (it is a Windows program)"


def test_a_small_inline_logo_in_the_signature_is_not_taken_for_a_scan():
    msg = reply_email()
    cid = make_msgid(domain="huadong-jixie.cn")
    msg.add_alternative(f'<p>已签收，货物完好。</p><p>王建国</p><img src="cid:{cid[1:-1]}">', subtype="html")
    logo = picture(160, 48, "PNG")
    assert len(logo) < 20_000
    html_part = msg.get_payload()[1]
    html_part.add_related(logo, maintype="image", subtype="png", cid=cid, filename="logo.png",
                          disposition="inline")
    assert html_part.get_content_type() == "multipart/related"
    attach(msg, "签收单.pdf", "application/pdf", scanned_pdf((1240, 1754)))
    result = parse_email(msg.as_bytes())
    assert result.kind == "reply" and result.reply.intent == "signoff"
    assert [scan.filename for scan in result.scans] == ["签收单.pdf"]
    assert result.scans[0].problem is None and result.scans[0].kind == "pdf"


def test_a_photo_put_inline_by_an_iphone_is_taken_as_a_scan():
    msg = reply_email()
    photo = noise_jpeg(900, 1200, quality=80)
    assert len(photo) >= 20_000
    msg.add_attachment(photo, maintype="image", subtype="jpeg", filename="IMG_0412.jpg", disposition="inline")
    result = parse_email(msg.as_bytes())
    assert result.kind == "reply"
    assert [(s.filename, s.width, s.height, s.problem) for s in result.scans] == [("IMG_0412.jpg", 900, 1200, None)]


def test_each_attached_file_of_a_reply_gets_its_own_scan_in_order():
    msg = reply_email()
    attach(msg, "签收单-1.jpg", "image/jpeg", picture(480, 640, "JPEG"))
    attach(msg, "签收单-2.pdf", "application/pdf", b"")
    attach(msg, "签收单-3.heic", "image/heic", picture(1512, 2016, "HEIF"))
    result = parse_email(msg.as_bytes())
    found = [(s.filename, s.kind, s.problem is None) for s in result.scans]
    assert found == [("签收单-1.jpg", "image", False), ("签收单-2.pdf", None, False), ("签收单-3.heic", "image", True)]
    assert "600 px" in result.scans[0].problem and "0 bytes" in result.scans[1].problem


def test_a_cut_off_photo_is_refused_even_after_weasyprint_told_pillow_to_pad_truncated_images():
    from PIL import ImageFile

    import weasyprint  # noqa: F401  (its import sets ImageFile.LOAD_TRUNCATED_IMAGES = True)

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    whole = noise_jpeg(1200, 1600)
    assert read("签收单.jpg", whole[:len(whole) // 2]).problem.startswith("签收单.jpg could not be read")
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # left as WeasyPrint wants it for the PDFs
