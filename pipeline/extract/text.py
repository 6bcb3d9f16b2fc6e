"""Plain text and Markdown: paragraphs split at blank lines, '#' headings, list items, pipe tables.
A form feed starts a new page, so a text export of a paged document keeps its pages."""

from __future__ import annotations

import re
from pathlib import Path

from ..documents import Block, Cell, Document, Table
from ..settings import Settings
from .cleanup import is_list_item, join_lines, tab_row

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}")
MAX_BLOCK_CHARS = 5000


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (which accepts any byte)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def extract(path: Path, doc: Document, settings: Settings) -> None:
    text = decode(path.read_bytes())
    pages = text.split("\f")
    paged = len(pages) > 1
    doc.pages = len(pages) if paged else None
    for number, page_text in enumerate(pages, start=1):
        for chunk in re.split(r"\n\s*\n", page_text):
            _add_chunk(chunk, number if paged else None, doc)


def _add_chunk(chunk: str, page: int | None, doc: Document) -> None:
    lines = [ln.rstrip(" \r") for ln in chunk.strip("\n").splitlines() if ln.strip()]
    if not lines:
        return
    pipe_table = all(ln.lstrip().startswith("|") for ln in lines)
    tab_table = len(lines) >= 3 and all(tab_row(ln) is not None for ln in lines)
    if pipe_table or tab_table:
        if pipe_table:
            cells = [ln.strip().strip("|").split("|") for ln in lines if not _MD_RULE.match(ln.strip())]
        else:
            cells = [tab_row(ln) for ln in lines]
        width = max(len(r) for r in cells)
        rows = [[Cell(text=join_lines(c), page=page) for c in r + [""] * (width - len(r))] for r in cells]
        table = Table(index=len(doc.tables), rows=rows, pages=[page])
        doc.tables.append(table)
        doc.blocks.append(Block(index=len(doc.blocks), kind="table", page=page, table=table.index, text=table.text))
        return
    paragraph: list[str] = []

    def flush():
        if paragraph:
            kind = "list-item" if is_list_item(paragraph[0]) else "paragraph"
            doc.blocks.append(Block(index=len(doc.blocks), kind=kind, text=join_lines("\n".join(paragraph)),
                                    page=page))
            paragraph.clear()

    size = 0

    for line in lines:
        heading = _MD_HEADING.match(line.strip()) if doc.format == "md" else None
        if heading:
            flush()
            doc.blocks.append(Block(index=len(doc.blocks), kind="heading", text=heading.group(2).strip(),
                                    page=page, level=len(heading.group(1))))
        elif is_list_item(line) or size > MAX_BLOCK_CHARS:
            # a new list item, or a 'paragraph' that runs on for pages (text with no blank lines)
            flush()
            size = 0
            paragraph.append(line.strip())
        else:
            paragraph.append(line.strip())
        size += len(line)
    flush()
