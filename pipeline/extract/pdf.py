"""PDF through pdfplumber: text lines grouped into headings, paragraphs and list items per page, and
ruled tables as rows and cells, joined across page breaks, every piece with its page and bbox."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFPasswordIncorrect, PDFEncryptionError
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..documents import Block, Cell, Document, Table
from ..errors import UnreadableDocument
from ..settings import Settings
from . import ocr, pdf_text
from .cleanup import INDICATOR_REF, fix_unmapped_glyphs, is_list_item, is_page_furniture, join_lines

NO_TEXT_LAYER = "no text layer on this page (a scanned or image-only page)"


def extract(path: Path, doc: Document, settings: Settings) -> None:
    """Pages through pdfium's fast text layer; a page with one plain ruled grid through pdfium's drawn lines
    too; other table pages through pdfplumber; pages with no text layer through OCR."""
    try:
        fast = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise UnreadableDocument("the PDF is password-protected or encrypted") from None
        raise UnreadableDocument("the PDF is damaged or truncated") from None
    plumber = None
    try:
        doc.pages = len(fast)
        if doc.pages == 0:
            raise UnreadableDocument("the PDF has no pages")
        if doc.pages > settings.max_pages:
            raise UnreadableDocument(f"the PDF has {doc.pages} pages, over the {settings.max_pages}-page limit")
        for number in range(1, doc.pages + 1):
            page = fast[number - 1]
            try:
                # pdfplumber does not apply a page's /Rotate, so a rotated page is read as text even when
                # it carries a table (its rows then read as lines, not cells)
                if settings.pdf_fast_text and (page.get_rotation() or not pdf_text.needs_layout(page)):
                    lines = pdf_text.page_lines(page)
                    items = list(_group_lines(reading_order(lines, page.get_width()), number))
                    _place_items(items, number, doc, settings, pdf_text.has_images(page))
                    continue
                # a table page: one plain ruled grid is read from its drawn lines with pdfium; anything
                # else goes to pdfplumber, with pdfium (faster) reading the prose around the tables
                prose_lines = pdf_text.page_lines(page) if settings.pdf_fast_text else None
                grid = pdf_text.ruled_grid(page) if settings.pdf_fast_text else None
                if grid is not None:
                    _place_grid(grid, prose_lines, number, doc, settings, pdf_text.has_images(page))
                    continue
            finally:
                page.close()
            plumber = plumber or _open_plumber(path)
            layout_page = plumber.pages[number - 1]
            _extract_page(layout_page, number, doc, settings, prose_lines)
            layout_page.flush_cache()  # keep memory bounded on long documents
        for number in sorted(doc.unread_pages):
            _ocr_page(fast, number, doc, settings)
    finally:
        fast.close()
        if plumber is not None:
            plumber.close()
    _join_tables_across_pages(doc)
    if doc.unread_pages:
        reasons = sorted(set(doc.unread_pages.values()))
        if len(doc.unread_pages) == doc.pages:
            raise UnreadableDocument(f"no page could be read ({doc.pages} page(s): {'; '.join(reasons)})")
        doc.status = "partial"
        pages = ", ".join(str(p) for p in sorted(doc.unread_pages))
        doc.error = f"page(s) {pages} could not be read: {'; '.join(reasons)}"


def _ocr_page(fast, number: int, doc: Document, settings: Settings) -> None:
    """Read a page without a text layer by OCR, where Tesseract is installed and OCR is on."""
    if not settings.ocr:
        doc.unread_pages[number] = NO_TEXT_LAYER + "; OCR is switched off"
        return
    if not ocr.available():
        doc.unread_pages[number] = NO_TEXT_LAYER + "; OCR is not available (install Tesseract: see README)"
        return
    page = fast[number - 1]
    try:
        blocks = ocr.read_page(page, number, settings.ocr_dpi, settings.ocr_timeout_s)
    except RuntimeError as exc:  # pytesseract's timeout
        doc.unread_pages[number] = f"{NO_TEXT_LAYER}; OCR failed ({str(exc)[:80]})"
        return
    finally:
        page.close()
    if sum(len(b.text) for b in blocks) < settings.min_page_chars:
        doc.unread_pages[number] = NO_TEXT_LAYER + "; OCR found no readable text"
        return
    del doc.unread_pages[number]
    # keep reading order: OCR blocks go where the page's (empty) place is
    at = next((i for i, b in enumerate(doc.blocks) if b.page is not None and b.page > number), len(doc.blocks))
    doc.blocks[at:at] = blocks
    for i, block in enumerate(doc.blocks):
        block.index = i


def _open_plumber(path: Path):
    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise UnreadableDocument("the PDF is password-protected or encrypted") from None
        if isinstance(cause, PDFSyntaxError):
            raise UnreadableDocument("the PDF is damaged or truncated") from None
        raise UnreadableDocument(f"the PDF could not be opened ({type(cause).__name__})") from None


TEXT_TABLE_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_HEADER_WORDS = re.compile(r"target|baseline|lead|indicator|20\d\d/\d\d|\d\d/\d\d", re.I)


def _extract_page(page, number: int, doc: Document, settings: Settings, prose_lines: list[dict] | None = None) -> None:
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    unruled = [] if found else _unruled_target_tables(page, number)
    boxes += [bbox for bbox, _ in unruled]

    if prose_lines is not None:
        lines = [ln for ln in prose_lines if _outside(ln, boxes)]
    else:
        prose = page.filter(lambda obj: obj.get("object_type") != "char" or _outside(obj, boxes)) if boxes else page
        lines = prose.extract_text_lines(return_chars=True)
        for line in lines:
            line["text"] = fix_unmapped_glyphs(line["text"])
    items: list[tuple[tuple, object]] = [(key, blk) for key, blk in _group_lines(reading_order(lines, page.width),
                                                                                 number)]
    for table in found:
        rows = _table_rows(table, number)
        if rows:
            items.append(((0, table.bbox[1]), rows))
    items.extend(((0, bbox[1]), rows) for bbox, rows in unruled)
    _place_items(items, number, doc, settings, bool(page.images))


def _outside(obj: dict, boxes) -> bool:
    """Whether a line's or character's centre lies outside every table box (x0, top, x1, bottom)."""
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _place_grid(grid, lines: list[dict], number: int, doc: Document, settings: Settings, images: bool) -> None:
    bbox, raw_rows = grid
    rows = [[Cell(text=join_lines(fix_unmapped_glyphs(text)), page=number, bbox=cell_box) for text, cell_box in row]
            for row in raw_rows]
    rows = [row for row in rows if any(c.text for c in row)]
    items: list[tuple[tuple, object]] = list(_group_lines([ln for ln in lines if _outside(ln, [bbox])], number))
    if rows:
        items.append(((0, bbox[1]), rows))
    _place_items(items, number, doc, settings, images)


def _place_items(items: list[tuple[tuple, object]], number: int, doc: Document, settings: Settings,
                 images: bool) -> None:
    """Put a page's blocks and tables into the document in reading order (top to bottom)."""
    items.sort(key=lambda item: item[0])
    chars = sum(len(b.text) for _, b in items if isinstance(b, Block)) + sum(
        len(c.text) for _, rows in items if isinstance(rows, list) for row in rows for c in row)
    if chars < settings.min_page_chars:
        doc.unread_pages[number] = NO_TEXT_LAYER if images or not chars else "almost no text on this page"
        if not chars:
            return

    for _, item in items:
        if isinstance(item, Block) and is_page_furniture(item.text):
            continue
        if isinstance(item, Block):
            item.index = len(doc.blocks)
            doc.blocks.append(item)
        else:
            table = Table(index=len(doc.tables), rows=item, pages=[number])
            doc.tables.append(table)
            doc.blocks.append(Block(index=len(doc.blocks), kind="table", text=table.text,
                                    page=number, table=table.index))


def reading_order(lines: list[dict], width: float) -> list[dict]:
    """Lines top to bottom, except on a two-column page: full-width lines above the columns, then the
    left column, then the right one, then full-width lines below."""
    mid = width / 2
    left = [ln for ln in lines if ln["x1"] < mid + 6]
    right = [ln for ln in lines if ln["x0"] > mid - 6]
    spanning = [ln for ln in lines if ln not in left and ln not in right]
    if len(left) < 4 or len(right) < 4 or len(spanning) > 0.15 * len(lines):
        return lines
    top_of_columns = min(ln["top"] for ln in left + right)
    above = [ln for ln in spanning if ln["top"] < top_of_columns]
    below = [ln for ln in spanning if ln["top"] >= top_of_columns]
    # blocks are later placed by (column, top): mark each line's column
    for col, group in enumerate((above, left, right, below)):
        for ln in group:
            ln["col"] = col
    return above + left + right + below


def _group_lines(lines: list[dict], page: int):
    """Group text lines into blocks: a new block at a vertical gap, a size change, or a bullet."""
    if not lines:
        return
    sizes = [statistics.median(ch["size"] for ch in ln["chars"]) for ln in lines]
    body = statistics.median(sizes)
    current: list[dict] = []
    kind = "paragraph"

    def flush():
        if current:
            text = join_lines("\n".join(ln["text"] for ln in current))
            bbox = (min(ln["x0"] for ln in current), current[0]["top"],
                    max(ln["x1"] for ln in current), current[-1]["bottom"])
            yield (current[0].get("col", 0), current[0]["top"]), Block(index=-1, kind=kind, text=text, page=page,
                                                                       bbox=bbox)

    for i, (ln, size) in enumerate(zip(lines, sizes)):
        bold = all("Bold" in ch.get("fontname", "") for ch in ln["chars"] if ch["text"].strip())
        heading = (size > body * 1.15 or bold) and len(ln["text"].split()) <= 14 and not ln["text"].endswith(".")
        # a bulleted line is a list item whatever its type size
        line_kind = "list-item" if is_list_item(ln["text"]) else ("heading" if heading else "paragraph")
        if current:
            prev = current[-1]
            height = max(prev["bottom"] - prev["top"], 1.0)
            gap = ln["top"] - prev["bottom"]
            continues = (
                gap < height * 0.6
                and abs(size - sizes[i - 1]) < 0.5
                and line_kind == ("paragraph" if kind == "list-item" else kind)
                # a list item continues only on lines indented past its bullet
                and (kind != "list-item" or ln["x0"] > current[0]["x0"] + 3)
            )
            if not continues:
                yield from flush()
                current = []
        if not current:
            kind = line_kind
        current.append(ln)
    yield from flush()


def _table_rows(table, page: int) -> list[list[Cell]]:
    data = table.extract()
    rows: list[list[Cell]] = []
    for r, values in enumerate(data):
        cells_bbox = table.rows[r].cells if r < len(table.rows) else [None] * len(values)
        row: list[Cell] = []
        for c, value in enumerate(values):
            # A None cell is covered by a merged cell: in a header row it repeats its left neighbour.
            if value is None:
                text = row[-1].text if (r == 0 and row) else ""
            else:
                text = join_lines(fix_unmapped_glyphs(value))
            bbox = cells_bbox[c] if c < len(cells_bbox) else None
            row.append(Cell(text=text, page=page, bbox=tuple(bbox) if bbox else None))
        if any(cell.text for cell in row):
            rows.append(row)
    return rows


def _unruled_target_tables(page, number: int):
    """Target tables typed in columns without ruling lines: found only on pages where several lines open
    with an indicator reference, read with pdfplumber's text-alignment strategy, then tidied: wrapped lines
    joined to their row, prose above the header and below the last indicator dropped."""
    text = page.extract_text() or ""
    if sum(bool(INDICATOR_REF.match(line)) for line in text.splitlines()) < 3:
        return []
    out = []
    for table in page.find_tables(TEXT_TABLE_SETTINGS):
        raw = table.extract()
        bboxes = [r.bbox for r in table.rows]
        rows: list[list[str]] = []
        spans: list[list[float]] = []
        for values, bbox in zip(raw, bboxes):
            values = [v or "" for v in values]
            if values and bbox:
                # the text strategy can cut the last column short: read it to the page's right edge
                last_x0 = table.rows[len(spans)].cells[-1]
                if last_x0:
                    values[-1] = (page.within_bbox((last_x0[0], bbox[1], page.width, bbox[3])).extract_text() or "").strip()
            if not any(v.strip() for v in values):
                continue
            if rows and not values[0].strip():
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], values)]
                spans[-1][1] = bbox[3]
            else:
                rows.append(values)
                spans.append([bbox[1], bbox[3]])
        rows = _merge_split_references(rows)
        header = next((i for i, r in enumerate(rows) if sum(bool(_HEADER_WORDS.search(c)) for c in r) >= 2), None)
        last = max((i for i, r in enumerate(rows) if INDICATOR_REF.match(r[0])), default=None)
        if header is None or last is None or last <= header:
            continue
        kept = rows[header:last + 1]
        cells = [[Cell(text=join_lines(fix_unmapped_glyphs(v)), page=number) for v in r] for r in kept]
        bbox = (table.bbox[0], spans[header][0], page.width, spans[last][1])
        out.append((bbox, cells))
    return out


_REF_PREFIX = re.compile(r"^\s*(?:NI|N\.I\.|L|LI|Local)\s*$", re.I)


def _merge_split_references(rows: list[list[str]]) -> list[list[str]]:
    """Text alignment can split 'NI 16' into a column of 'NI' and a column of '16': join them again."""
    width = len(rows[0]) if rows else 0
    for j in range(width - 1):
        pairs = [(r[j], r[j + 1]) for r in rows if r[j].strip()]
        refs = [p for p in pairs if _REF_PREFIX.match(p[0]) and p[1][:1].isdigit()]
        if len(refs) >= 2 and len(refs) >= len(pairs) - 1:
            return [r[:j] + [f"{r[j]} {r[j + 1]}".strip()] + r[j + 2:] for r in rows]
    return rows


def _join_tables_across_pages(doc: Document) -> None:
    """A table that ends one page and one that starts the next, with the same columns, are one table.
    Only page furniture (running heads, page numbers) may stand between them. A repeated header row on
    the continuation is dropped."""
    merged_into: dict[int, int] = {}
    last_table: Block | None = None
    furniture_only = True
    for block in doc.blocks:
        if block.kind != "table":
            if len(block.text.split()) > 8:
                furniture_only = False
            continue
        if last_table is not None and furniture_only and block.page == (last_table.page or 0) + 1 \
                and _first_table_on_page(doc, block):
            first = doc.tables[merged_into.get(last_table.table, last_table.table)]
            nxt = doc.tables[block.table]
            if len(first.rows[0]) == len(nxt.rows[0]):
                rows = nxt.rows[1:] if _texts(nxt.rows[0]) == _texts(first.rows[0]) else nxt.rows
                first.rows.extend(rows)
                first.pages.append(block.page)
                merged_into[block.table] = first.index
        last_table, furniture_only = block, True
    if not merged_into:
        return
    keep = [b for b in doc.blocks if not (b.kind == "table" and b.table in merged_into)]
    tables = [t for t in doc.tables if t.index not in merged_into]
    renumber = {t.index: n for n, t in enumerate(tables)}
    for n, t in enumerate(tables):
        t.index = n
    for n, b in enumerate(keep):
        b.index = n
        if b.kind == "table":
            b.table = renumber[b.table]
            b.text = tables[b.table].text
    doc.blocks, doc.tables = keep, tables


def _first_table_on_page(doc: Document, block: Block) -> bool:
    return next(b for b in doc.blocks if b.page == block.page and b.kind == "table") is block


def _texts(row: list[Cell]) -> list[str]:
    return [c.text for c in row]
