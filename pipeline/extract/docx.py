"""Word (.docx) through python-docx: headings, paragraphs, list items and tables in reading order.

Word files have no fixed pages. Where the file records page breaks (explicit breaks, or the breaks Word
rendered when it last saved), blocks get page numbers from them; otherwise page is None and the block
index pins the text down.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from ..documents import Block, Cell, Document, Table
from ..errors import UnreadableDocument
from ..settings import Settings
from .cleanup import is_list_item, join_lines, tab_row

# A .docx is a ZIP of XML; refuse archives that would inflate beyond this before python-docx opens them.
MAX_UNCOMPRESSED_BYTES = 500_000_000
MAX_COMPRESSION_RATIO = 200

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if any(i.flag_bits & 0x1 for i in infos):
                raise UnreadableDocument("the Word file is password-protected or encrypted")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO and total > 50_000_000:
                raise UnreadableDocument("the Word file expands to an unsafe size (a possible decompression bomb)")
            bad = zf.testzip()
            if bad is not None:
                raise UnreadableDocument(f"the Word file is damaged (part {bad} is corrupt)")
    except zipfile.BadZipFile:
        raise UnreadableDocument("the Word file is damaged or truncated") from None


def extract(path: Path, doc: Document, settings: Settings) -> None:
    check_archive(path)
    try:
        word = docx.Document(str(path))
    except Exception as exc:
        raise UnreadableDocument(f"the Word file could not be opened ({type(exc).__name__})") from None

    body = word.element.body
    has_page_info = any(True for _ in body.iter(f"{_W}lastRenderedPageBreak")) or any(
        br.get(f"{_W}type") == "page" for br in body.iter(f"{_W}br"))
    page = 1 if has_page_info else None

    pending: list[tuple[list[str], int | None, str]] = []  # tab-typed rows waiting to become a table

    def flush_tab_rows():
        if len(pending) >= 3 and len({len(r) for r, _, _ in pending}) <= 2:
            width = max(len(r) for r, _, _ in pending)
            rows = [[Cell(text=(r + [""] * width)[i], page=p) for i in range(width)] for r, p, _ in pending]
            _add_table(doc, rows, pending[0][1])
        else:
            for _, p, text in pending:
                doc.blocks.append(Block(index=len(doc.blocks), kind="paragraph", text=text, page=p))
        pending.clear()

    for item in word.iter_inner_content():
        if isinstance(item, Paragraph) and tab_row(item.text) is not None:
            pending.append((tab_row(item.text), page, join_lines(item.text)))
            continue
        if pending:
            flush_tab_rows()
        if isinstance(item, Paragraph):
            text = join_lines(item.text)
            breaks = _page_breaks_before_text(item) if has_page_info else 0
            if page is not None:
                page += breaks
            if text:
                kind, level = _paragraph_kind(item, text)
                doc.blocks.append(Block(index=len(doc.blocks), kind=kind, text=text, page=page, level=level))
            if page is not None:
                page += _page_breaks_after_text(item)
        elif isinstance(item, DocxTable):
            rows = _table_rows(item, page)
            if rows:
                _add_table(doc, rows, page)
    if pending:
        flush_tab_rows()
    doc.pages = page if has_page_info else None


def _add_table(doc: Document, rows: list[list[Cell]], page: int | None) -> None:
    table = Table(index=len(doc.tables), rows=rows, pages=[page])
    doc.tables.append(table)
    doc.blocks.append(Block(index=len(doc.blocks), kind="table", text=table.text, page=page, table=table.index))


def _paragraph_kind(par: Paragraph, text: str) -> tuple[str, int | None]:
    style = (par.style.name if par.style is not None else "") or ""
    if style.startswith("Heading") or style == "Title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return "heading", int(digits) if digits else 0
    numbered = par._p.pPr is not None and par._p.pPr.numPr is not None
    if "List" in style or numbered or is_list_item(text):
        return "list-item", None
    return "paragraph", None


def _page_breaks_before_text(par: Paragraph) -> int:
    """Breaks that Word rendered or that were typed before the paragraph's first text."""
    count = 0
    for el in par._p.iter():
        if el.tag == f"{_W}t" and el.text:
            break
        if el.tag == f"{_W}lastRenderedPageBreak" or (el.tag == f"{_W}br" and el.get(f"{_W}type") == "page"):
            count += 1
    pPr = par._p.pPr
    if pPr is not None and pPr.find(f"{_W}pageBreakBefore") is not None:
        count += 1
    return count


def _page_breaks_after_text(par: Paragraph) -> int:
    seen_text, count = False, 0
    for el in par._p.iter():
        if el.tag == f"{_W}t" and el.text:
            seen_text = True
        elif seen_text and (el.tag == f"{_W}lastRenderedPageBreak"
                            or (el.tag == f"{_W}br" and el.get(f"{_W}type") == "page")):
            count += 1
    return count


def _table_rows(table: DocxTable, page: int | None) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for row in table.rows:
        cells: list[Cell] = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column it spans.
            text = "" if cell._tc is previous else join_lines(cell.text)
            if cell._tc is previous and not rows:
                text = cells[-1].text  # a merged header cell heads every column it spans
            previous = cell._tc
            cells.append(Cell(text=text, page=page))
        if any(c.text for c in cells):
            rows.append(cells)
    return rows
