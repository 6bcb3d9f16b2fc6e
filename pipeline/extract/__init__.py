"""Extraction: one converter per format behind one function, `extract(path, doc_id) -> Document`.

Formats are recognised from the file's content, not its name. A file that cannot be read comes back as a
Document with status 'error' and a plain reason, so that one bad file never stops a pack.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from ..documents import Document
from ..errors import UnreadableDocument, UnsupportedFormat
from ..settings import Settings
from . import docx as docx_extractor
from . import pdf as pdf_extractor
from . import text as text_extractor

CONVERTERS = {
    "pdf": pdf_extractor.extract,
    "docx": docx_extractor.extract,
    "txt": text_extractor.extract,
    "md": text_extractor.extract,
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_OTHER_FORMATS = [
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"GIF8", "a GIF image"), (b"{\\rtf", "an RTF file (save it as .docx or PDF)"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
]


def sniff_format(path: Path) -> str:
    """What the bytes say the file is. The extension only separates Markdown from plain text."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if not head:
        raise UnreadableDocument("the file is empty")
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            raise UnreadableDocument("the file is a damaged or truncated ZIP/Word archive") from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            raise UnsupportedFormat("an Excel workbook; export the sheet to PDF or save the text as .docx")
        raise UnsupportedFormat("a ZIP archive that is not a Word (.docx) document")
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        with open(path, "rb") as fh:
            container = fh.read(1 << 20)
        if "EncryptionInfo".encode("utf-16-le") in container:
            raise UnreadableDocument("the Office file is password-protected or encrypted")
        raise UnsupportedFormat("an old binary Office file (.doc/.xls); save it as .docx or PDF")
    for magic, what in _OTHER_FORMATS:
        if head.startswith(magic):
            raise UnsupportedFormat(f"{what}, not a PDF, Word or text document")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat("a binary file that is not PDF or Word")
    return "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"


def extract(path: Path, doc_id: str, settings: Settings) -> Document:
    path = Path(path)
    doc = Document(id=doc_id, file=path.name, sha256="0" * 64, format="txt")
    try:
        doc.sha256 = sha256_of(path)
        size_mb = path.stat().st_size / 1e6
        if size_mb > settings.max_file_mb:
            raise UnreadableDocument(f"the file is {size_mb:.0f} MB, over the {settings.max_file_mb:.0f} MB limit")
        doc.format = sniff_format(path)
        CONVERTERS[doc.format](path, doc, settings)
    except UnreadableDocument as exc:
        doc.status, doc.error = "error", str(exc)
    except Exception as exc:  # a parser's own failure on a hostile file: report, never crash the pack
        doc.status, doc.error = "error", f"the file could not be parsed ({type(exc).__name__}: {_first_line(exc)})"
    if doc.status == "ok" and not doc.readable:
        doc.status = "error"
        doc.error = doc.error or "no readable text was found in the document"
    return doc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else "no detail"
