"""The document model every stage shares: what a file says, in reading order, with provenance.

Extractors build a Document; nothing downstream opens the file again. Every Block and every table Cell
knows its page (1-based, None where the format has no pages) so that any quote can be found again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list-item", "table"]
DocFormat = Literal["pdf", "docx", "txt", "md", "html"]
DocStatus = Literal["ok", "partial", "error"]


@dataclass
class Cell:
    text: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class Table:
    """A table as rows of cells, already joined across pages when it ran over a page break."""

    index: int
    rows: list[list[Cell]]
    pages: list[int | None] = field(default_factory=list)

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.rows[row]]

    @property
    def text(self) -> str:
        """The table as plain text for its Block: one line a row, cells separated by ' | '."""
        return "\n".join(" | ".join(c.text for c in row) for row in self.rows)


@dataclass
class Block:
    """One piece of text in reading order. A table appears as a Block of kind 'table' pointing at it."""

    index: int
    kind: BlockKind
    text: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    level: int | None = None  # heading level, or list nesting
    table: int | None = None  # index into Document.tables for kind 'table'
    ocr: bool = False
    ocr_confidence: float | None = None


@dataclass
class Document:
    id: str
    file: str
    sha256: str
    format: DocFormat
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: int | None = None
    status: DocStatus = "ok"
    error: str | None = None
    # Pages that gave no usable text (1-based), with the reason, e.g. {3: "no text layer (scanned image)"}.
    unread_pages: dict[int, str] = field(default_factory=dict)

    @property
    def ocr(self) -> bool:
        return any(b.ocr for b in self.blocks)

    @property
    def readable(self) -> bool:
        return self.status != "error" and any(b.text.strip() for b in self.blocks)

    def text_blocks(self):
        return (b for b in self.blocks if b.kind != "table")

    def page_text(self, page: int) -> str:
        return "\n".join(b.text for b in self.blocks if b.page == page and b.kind != "table")
