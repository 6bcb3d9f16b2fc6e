"""Text clean-up shared by the extractors: joining wrapped lines the way a reader would."""

from __future__ import annotations

import re

# pdfminer writes "(cid:N)" for glyphs a font does not map to Unicode; 127 is the bullet of the
# standard Type 1 fonts' encoding, the rest carry no readable text.
_CID_BULLET = re.compile(r"\(cid:127\)")
_CID_OTHER = re.compile(r"\(cid:\d+\)")


def fix_unmapped_glyphs(text: str) -> str:
    return _CID_OTHER.sub("", _CID_BULLET.sub("\u2022", text))


_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_HYPHEN_KEPT = re.compile(r"(\w)-\n\s*(?=[A-Z0-9])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def join_lines(text: str) -> str:
    """Join lines wrapped by layout: 'respon-\\nsible' -> 'responsible', 'Anti-\\nSocial' -> 'Anti-Social',
    other breaks -> one space."""
    text = _HYPHEN_BREAK.sub(r"\1", text.replace("\r", ""))
    text = _HYPHEN_KEPT.sub(r"\1-", text)  # 'Anti-\nSocial': a real hyphen at the break
    text = re.sub(r"\s*\n\s*", " ", text)
    return _SPACES.sub(" ", text).strip()


BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u2023\u2043\u25e6\-\*\u2013]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")


def is_list_item(line: str) -> bool:
    return bool(BULLET.match(line))


_FURNITURE = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.IGNORECASE)


def is_page_furniture(text: str) -> bool:
    """A page number on its own ('Page 3', '3 of 12', '- 3 -'): layout, not content."""
    return bool(_FURNITURE.match(text.strip()))


# An indicator reference opening a line or cell: 'NI 20', 'N.I. 152', 'L 01', 'LI 3', 'Local 4'.
INDICATOR_REF = re.compile(r"^\s*(?:NI|N\.I\.|L|LI|Local)\s*[-.]?\s*\d{1,3}[a-z]?\b", re.I)


def tab_row(text: str) -> list[str] | None:
    """The cells of a line typed as a table row with tabs between columns (two tabs or more), else None."""
    if text.count("\t") < 2:
        return None
    return [join_lines(cell) for cell in text.strip("\n").split("\t")]
