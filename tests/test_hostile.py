"""Hostile and broken input: every case ends in a plain one-line reason or a correct review, within the
time limit, and the other documents of its pack are unaffected."""

import random
import time
import zipfile

import pytest

from pipeline.extract import extract
from pipeline.run import review_pack, slug
from pipeline.workers import Job, run_jobs
from tests.conftest import SAMPLE_PACK

GOOD_PDF = SAMPLE_PACK / "northmoor-laa-2008-11.pdf"
GOOD_DOCX = SAMPLE_PACK / "community-safety-plan-2006-09.docx"


def _encrypted_pdf(path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "Confidential Local Area Agreement draft")
    c.save()
    return path


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * 60_000_000)
    return path


def _xxe_docx(path):
    """A Word file whose XML declares an external entity pointing at a local file."""
    with zipfile.ZipFile(GOOD_DOCX) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                decl_end = text.index("?>") + 2
                text = (text[:decl_end] + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                        + text[decl_end:]).replace("Purpose of this plan", "Purpose &xxe; plan", 1)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return path


CASES = {
    "empty.pdf": (lambda p: p.write_bytes(b""), "the file is empty"),
    "truncated.pdf": (lambda p: p.write_bytes(GOOD_PDF.read_bytes()[:1200]), "damaged or truncated"),
    "corrupt.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40), "damaged or truncated"),
    "encrypted.pdf": (_encrypted_pdf, "password-protected"),
    "word-renamed.docx": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200), "damaged or truncated"),
    "encrypted.docx": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                                               + "EncryptionInfo".encode("utf-16-le")), "password-protected"),
    "old.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000), "old binary Office"),
    "scan.png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100), "a PNG image"),
    "bomb.docx": (_zip_bomb, "unsafe size"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 10), "binary file"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_one_plain_line(name, tmp_path, settings):
    make, expected = CASES[name]
    path = tmp_path / name
    make(path)
    start = time.perf_counter()
    doc = extract(path, "x", settings)
    assert time.perf_counter() - start < 10
    assert doc.status == "error", name
    assert expected in doc.error and "\n" not in doc.error and "Traceback" not in doc.error


def test_external_entities_are_not_resolved(tmp_path, settings):
    doc = extract(_xxe_docx(tmp_path / "xxe.docx"), "x", settings)
    text = " ".join(b.text for b in doc.blocks)
    assert "root:" not in text


def test_bad_files_do_not_disturb_the_rest_of_the_pack(tmp_path, settings):
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, (make, _) in CASES.items():
        if name != "bomb.docx":
            make(pack / name)
    (pack / "laa.pdf").write_bytes(GOOD_PDF.read_bytes())
    result = review_pack([pack], settings, out_dir=tmp_path / "out")
    docs = {d["file"]: d for d in result.data["pack"]["documents"]}
    assert docs["laa.pdf"]["status"] == "ok"
    assert all(d["status"] == "error" for f, d in docs.items() if f != "laa.pdf")
    assert {e["document"] for f in result.data["findings"] for e in f["evidence"]} == {docs["laa.pdf"]["id"]}


def test_limits_on_time_and_pages(tmp_path, settings):
    slow = run_jobs([Job((0,), GOOD_PDF, "a")], settings.replace(doc_timeout_s=0.001))
    (_, ad), = list(slow)
    assert ad.doc.status == "error" and "longer than" in ad.doc.error
    doc = extract(GOOD_PDF, "b", settings.replace(max_pages=2))
    assert doc.status == "error" and "page limit" in doc.error
    doc = extract(GOOD_PDF, "c", settings.replace(max_file_mb=0.001))
    assert doc.status == "error" and "MB limit" in doc.error


def test_output_names_cannot_escape_the_output_folder(tmp_path, settings):
    assert slug("../../etc/passwd") == "etc-passwd"
    odd = tmp_path / "in" / "..%2F..%2Fx <script>.pdf"
    odd.parent.mkdir()
    odd.write_bytes(GOOD_PDF.read_bytes())
    result = review_pack([odd], settings.replace(reports_dir=tmp_path / "reports"))
    assert result.out_dir.parent == tmp_path / "reports"
    assert result.data["pack"]["documents"][0]["file"] == odd.name  # a name, never a path


def test_two_column_page_is_read_column_by_column(tmp_path, settings):
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(path))
    left = [f"Left column line {n} about the crime reduction partnership." for n in range(1, 9)]
    right = [f"Right column line {n} about the health partnership." for n in range(1, 9)]
    for n, (a, b) in enumerate(zip(left, right)):
        c.drawString(50, 760 - 14 * n, a[:38])
        c.drawString(320, 760 - 14 * n, b[:38])
    c.save()
    doc = extract(path, "x", settings)
    text = " ".join(b.text for b in doc.blocks)
    assert text.index("Left column line 8") < text.index("Right column line 1")


def test_fuzzed_pdf_and_word_files_end_in_a_status(tmp_path, settings):
    """Seeded random mutations of valid files, read in worker processes (a crash costs a worker, not the
    run): every one ends as ok, partial or error with a one-line reason, within the time limit."""
    rng = random.Random(2008)
    jobs = []
    for source in (GOOD_PDF, GOOD_DOCX):
        data = source.read_bytes()
        for n in range(30):
            mutant = bytearray(data)
            for _ in range(rng.randint(1, 40)):
                op = rng.random()
                at = rng.randrange(len(mutant))
                if op < 0.5:
                    mutant[at] = rng.randrange(256)
                elif op < 0.75:
                    del mutant[at:at + rng.randint(1, 200)]
                else:
                    mutant[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
            if n % 10 == 0:
                mutant = mutant[: rng.randrange(len(mutant))]
            path = tmp_path / f"mutant-{n:02d}{source.suffix}"
            path.write_bytes(bytes(mutant))
            jobs.append(Job((len(jobs),), path, f"m{len(jobs)}"))
    start = time.perf_counter()
    results = list(run_jobs(jobs, settings.replace(doc_timeout_s=20)))
    assert len(results) == len(jobs)
    for job, ad in results:
        assert ad.doc.status in ("ok", "partial", "error")
        if ad.doc.status != "ok":
            assert ad.doc.error and "\n" not in ad.doc.error
    assert time.perf_counter() - start < 240


def test_rotated_and_landscape_pages_read_in_order(tmp_path, settings):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.drawString(72, 760, "Rotated page heading line one about targets.")
    c.drawString(72, 740, "Second line of the rotated page text.")
    c.showPage()
    c.setPageSize(landscape(A4))
    c.drawString(72, 500, "Landscape page first line.")
    c.drawString(72, 480, "Landscape page second line.")
    c.save()
    doc = extract(path, "r", settings)
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "Rotated page heading line one about targets."), (1, "Second line of the rotated page text."),
        (2, "Landscape page first line."), (2, "Landscape page second line.")]


def test_enormous_paragraph_is_read_in_pieces_with_true_offsets(settings):
    from pipeline.analyse.language import MAX_PIECE_CHARS, sentences
    from pipeline.documents import Block, Document

    text = "The board reviewed the plan. " * 9000  # about 260,000 characters in one block
    doc = Document(id="big", file="big.txt", sha256="0" * 64, format="txt",
                   blocks=[Block(index=0, kind="paragraph", text=text)])
    found = sentences(doc, settings)
    assert len(found) >= 8900 and len(text) > 2 * MAX_PIECE_CHARS
    assert all(text[s.start:s.end] == s.text for s in found)


def test_a_fault_in_analysis_costs_only_that_document(tmp_path, settings, monkeypatch):
    import pipeline.workers as workers

    def broken(doc, settings):
        raise ValueError("analysis bug")

    monkeypatch.setattr(workers, "analyse_document", broken)
    (_, ad), = list(run_jobs([Job((0,), GOOD_PDF, "a")], settings.replace(workers=1)))
    assert ad.doc.status == "error" and ad.doc.error == "the document could not be analysed (ValueError)"


def test_scanned_pack_is_reviewed_with_ocr_quotes(tmp_path, settings):
    from tools.docbuild import write_pdf

    pack = tmp_path / "scanned"
    pack.mkdir()
    write_pdf(pack / "laa-scan.pdf", [("scan", ["LOCAL AREA AGREEMENT 2008-2011", "",
                                                "We will improve the quality of life of older people.",
                                                "We will reduce crime and the fear of crime."])])
    write_pdf(pack / "minutes-scan.pdf", [("scan", ["PARTNERSHIP BOARD MINUTES", "",
                                                    "Performance reports come to the Board every quarter."])])
    result = review_pack([pack], settings, out_dir=tmp_path / "out")
    docs = result.data["pack"]["documents"]
    assert all(d["status"] == "ok" and d["ocr"] for d in docs)
    prose = [f for f in result.data["findings"] if f["signal"] == "unquantified-target"]
    quotes = {e["quote"] for f in prose for e in f["evidence"]}
    assert "We will improve the quality of life of older people." in quotes
    assert all(e["ocr"] and 0 < e["location"]["ocr_confidence"] <= 1 for f in prose for e in f["evidence"])
    assert not [f for f in result.data["findings"] if f["signal"] == "no-regular-tracking"]
