"""Dates as documents write them: '26 June 2008', '18/09/2008', 'September 2008', '2008-11-03', and
plan periods such as '2006-2009', '2008-11' or '2008/09'. Parsed to real dates to reason over."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"

DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+((?:19|20)\d\d)\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d\d)\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d\d)\b")
ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# '2006-2009', '2006 to 2009', '2008-11', '2008/11' (a span of years; 2008/09 is one financial year)
PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|\u2013|\u2014|/|to)\s*((?:19|20)\d\d|\d\d)\b(?![-/.]\d)")


@dataclass(frozen=True)
class FoundDate:
    value: date
    text: str
    start: int
    end: int
    precision: str  # day | month


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order, the most precise reading of each span."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(m, value, precision):
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(FoundDate(value, m.group(0), m.start(), m.end(), precision))

    for m in DAY_MONTH_YEAR.finditer(text):
        _safe(add, m, lambda: date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))), "day")
    for m in MONTH_DAY_YEAR.finditer(text):
        _safe(add, m, lambda: date(int(m.group(3)), MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))), "day")
    for m in ISO.finditer(text):
        _safe(add, m, lambda: date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day")
    for m in NUMERIC.finditer(text):
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        _safe(add, m, lambda: date(year, int(m.group(2)), int(m.group(1))), "day")
    for m in MONTH_YEAR.finditer(text):
        _safe(add, m, lambda: date(int(m.group(2)), MONTHS[m.group(1).lower().rstrip(".")], 1), "month")
    return sorted(found, key=lambda d: d.start)


def _safe(add, m, make, precision):
    try:
        add(m, make(), precision)
    except (ValueError, KeyError):
        pass  # 31/02/2008 and the like: not a date


@dataclass(frozen=True)
class Period:
    start: date  # 1 April of the first financial year
    end: date  # 31 March after the last
    text: str
    offset: int


def find_periods(text: str) -> list[Period]:
    """Spans of years such as '2006-2009' or '2008-11', read as financial years (April to March)."""
    periods = []
    for m in PERIOD.finditer(text):
        first = int(m.group(1))
        last_text = m.group(2)
        last = int(last_text) if len(last_text) == 4 else (first // 100) * 100 + int(last_text)
        if last <= first or last - first > 25:
            continue
        if len(last_text) == 2 and last - first == 1 and "/" in m.group(0):
            continue  # '2008/09' names one financial year, not a plan period
        periods.append(Period(date(first, 4, 1), date(last, 3, 31), m.group(0), m.start()))
    return periods


def financial_year(label: str) -> int | None:
    """'2008/09', '08/09', '2008-09', '2008/2009' -> 2008 (the year the financial year starts)."""
    m = re.search(r"(?<!\d)((?:19|20)?\d\d)\s*[/\-\u2013]\s*((?:19|20)?\d\d)(?!\d)", label)
    if m:
        first = int(m.group(1))
        first = first + 2000 if first < 100 else first
        second = int(m.group(2))
        second = second + (first // 100) * 100 if second < 100 else second
        if second == first + 1:
            return first
    m = re.search(r"\b((?:19|20)\d\d)\b", label)
    return int(m.group(1)) if m else None
