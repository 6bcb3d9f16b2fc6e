"""The outcomes an LAA states, as a list with evidence: items under a heading about outcomes, lines such
as 'Outcome 3: ...', and the values of an 'Outcome' column in a target table. The same reading serves
no-clear-outcomes, everything-a-priority and the cross-document checks."""

from __future__ import annotations

import re

from ..documents import Document
from ..findings import Evidence
from .priorities import item_text

_OUTCOME_HEADING = re.compile(r"\boutcomes?\b|\bwhat we will achieve\b|\bour ambitions?\b", re.I)
_OUTCOME_LINE = re.compile(r"^\s*(?:\u2022\s*)?outcome\s*(?:\d{1,2}|[a-z])?\s*[:.\-\u2013]\s*(\S.{8,})$", re.I)
_MAX_OUTCOME_CHARS = 300


def find_outcomes(doc: Document) -> list[Evidence]:
    found: list[Evidence] = []
    seen: set[str] = set()

    def add(ev: Evidence):
        key = item_text(ev.quote).lower()
        if key and key not in seen:
            seen.add(key)
            found.append(ev)

    under: int | None = None  # heading level we are inside, when it is an outcomes heading
    for block in doc.blocks:
        if block.kind == "heading":
            level = block.level or 1
            if _OUTCOME_HEADING.search(block.text) and not re.search(r"\bmonitor|\breport", block.text, re.I):
                under = level
                m = _OUTCOME_LINE.match(block.text)
                if m:
                    add(Evidence(doc.id, block.page, block.text, {"block": block.index}))
                continue
            if under is not None and level <= under:
                under = None
        m = _OUTCOME_LINE.match(block.text)
        if m and block.kind != "table":
            add(Evidence(doc.id, block.page, block.text, {"block": block.index}))
            continue
        if under is not None and block.kind == "list-item" and len(block.text) <= _MAX_OUTCOME_CHARS:
            add(Evidence(doc.id, block.page, block.text, {"block": block.index}))
    for table in doc.tables:
        if not table.rows:
            continue
        header = [c.text for c in table.rows[0]]
        for col, name in enumerate(header):
            if re.match(r"^\s*(?:laa\s+)?outcomes?\b", name, re.I):
                for r, row in enumerate(table.rows[1:], start=1):
                    if col < len(row) and row[col].text:
                        add(Evidence(doc.id, row[col].page, row[col].text, {"table": table.index, "row": r,
                                                                             "cell": col}))
    return found
