"""Reading one table cell as a value: '14.2', '71%', '1,912', '3.5% reduction', '5-7%', 'TBC', 'n/a',
blanks, and footnote marks such as '12.3*' or '40%(a)'."""

from __future__ import annotations

import re

from ..pack import Value

_TBC = re.compile(r"^\s*(?:tbc|tbd|tba|to be (?:confirmed|agreed|determined|set)|awaited|pending|\?+)\b", re.I)
_NA = re.compile(r"^\s*(?:n/?a|not applicable|not available|none|nil|-+|\u2013|\u2014)\s*$", re.I)
_FOOTNOTE = re.compile(r"(?:\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\((?:[a-z]|\d{1,2})\)|\[\d{1,2}\])\s*$", re.I)
_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|\u2013|to)\s*(\d+(?:\.\d+)?)")
_UNIT = re.compile(r"(%|per\s*(?:1,?000|10,?000|100,?000)|pts?|points|tonnes|t\b|\u00a3|days|weeks)", re.I)


def read_value(raw: str) -> Value:
    text = (raw or "").strip()
    if not text:
        return Value(raw=raw or "", kind="blank")
    if _TBC.match(text):
        return Value(raw=raw, kind="tbc")
    if _NA.match(text):
        return Value(raw=raw, kind="na")
    clean = _FOOTNOTE.sub("", text).strip()
    unit_match = _UNIT.search(clean)
    unit = unit_match.group(1).replace(" ", "") if unit_match else ""
    unit = "%" if unit == "%" else unit.lower()
    rng = _RANGE.search(clean)
    if rng and not re.search(r"(?:19|20)\d\d\s*[/-]", clean):
        low, high = float(rng.group(1)), float(rng.group(2))
        return Value(raw=raw, number=(low + high) / 2, unit=unit, kind="range")
    nums = [n for n in _NUMBER.findall(clean) if not _is_year(n, clean)]
    if not nums:
        return Value(raw=raw, kind="words")
    number = float(nums[0].replace(",", ""))
    return Value(raw=raw, number=number, unit=unit, kind="number")


def _is_year(number: str, text: str) -> bool:
    """'by 2010' is a date, not a target figure; '2,000' or '2000 homes' is a figure."""
    if "," in number or "." in number or not re.fullmatch(r"(?:19|20)\d\d", number):
        return False
    return bool(re.search(rf"(?:by|in|from|until|to|of|,)\s*{number}\b|{number}\s*[/-]\s*\d", text)) or text.strip() == number
