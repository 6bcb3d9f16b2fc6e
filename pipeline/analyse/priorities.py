"""The priorities a document declares: a heading or lead-in that speaks of priorities followed by a list,
or a table whose first column is headed 'Priority'. Each item keeps its place for evidence."""

from __future__ import annotations

import re

from ..documents import Document
from ..findings import Evidence
from ..pack import PriorityList

_PRIORITY_LEAD = re.compile(r"\bpriorit(?:y|ies)\b|\bprioritised\b|\bkey themes\b|\bpriority (?:areas|outcomes)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\-\*\u2013]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*")


def _block_evidence(doc: Document, block) -> Evidence:
    return Evidence(doc.id, block.page, block.text, {"block": block.index})


def item_text(text: str) -> str:
    return _BULLET.sub("", text).strip()


def find_priority_lists(doc: Document) -> list[PriorityList]:
    lists: list[PriorityList] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind in ("heading", "paragraph") and _PRIORITY_LEAD.search(block.text) and len(block.text) < 400:
            lead = block
            j = i + 1
            # a heading may be followed by one short lead-in paragraph before the list
            if lead.kind == "heading" and j < len(blocks) and blocks[j].kind == "paragraph" \
                    and blocks[j].text.rstrip().endswith(":"):
                lead, j = blocks[j], j + 1
            items = []
            while j < len(blocks) and blocks[j].kind == "list-item":
                items.append(blocks[j])
                j += 1
            if len(items) >= 2:
                lists.append(PriorityList(doc.id, _block_evidence(doc, lead),
                                          [_block_evidence(doc, b) for b in items]))
                i = j
                continue
        i += 1
    for table in doc.tables:
        header = table.rows[0][0].text if table.rows and table.rows[0] else ""
        if re.match(r"^\s*(?:our\s+)?(?:priorit(?:y|ies)|priority\s+(?:area|theme|outcome)s?)\b", header, re.I):
            items = [Evidence(doc.id, row[0].page, row[0].text, {"table": table.index, "row": r, "cell": 0})
                     for r, row in enumerate(table.rows[1:], start=1) if row and row[0].text]
            if len(items) >= 2:
                lead = Evidence(doc.id, table.rows[0][0].page, header, {"table": table.index, "row": 0, "cell": 0})
                lists.append(PriorityList(doc.id, lead, items))
    return lists
