"""Reading target tables and action tables as data, whatever their exact headings.

A target table has an indicator column and target columns ('Target 08/09', '2009/10 target', ...); an
action table has an action column and an owner, milestone or deadline column. Header rows (one or two,
merged cells repeated across the columns they span) are read into column roles, then every body row
becomes a TargetRow or ActionRow with references to its cells for evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..documents import Document, Table
from ..extract.cleanup import INDICATOR_REF
from ..pack import ActionRow, TableCellRef, TargetRow
from .dates import financial_year
from .values import read_value

_REF = INDICATOR_REF
_ROLE_PATTERNS = [
    ("ref", re.compile(r"^(?:ni|ref|ref\.?\s*no\.?|no\.?|indicator\s*(?:ref|no|number|code)|code|ni\s*(?:ref|no|number))\.?$", re.I)),
    ("baseline", re.compile(r"baseline", re.I)),
    ("target", re.compile(r"target|trajectory|milestone\s*(?:20|\d\d/)", re.I)),
    ("actual", re.compile(r"actual|out-?turn|track\s*record|result|performance\s+(?:19|20)\d\d|^(?:19|20)\d\d\s*/\s*\d\d$", re.I)),
    ("partners", re.compile(r"delivery\s+partners|supporting|contributing|other\s+partners|key\s+partners", re.I)),
    ("lead", re.compile(r"lead|responsib|owner|accountable|partner", re.I)),
    ("priority", re.compile(r"priority", re.I)),
    ("indicator", re.compile(r"indicator|measure|description|title|outcome|kpi|pi\b", re.I)),
]
_ACTION_ROLES = [
    ("action", re.compile(r"^(?:action|actions|activity|task|what|key\s+actions?|deliverable)s?\b", re.I)),
    ("owner", re.compile(r"lead|owner|responsib|who|officer|accountable", re.I)),
    ("milestone", re.compile(r"milestone|output|measure\s+of\s+success", re.I)),
    ("deadline", re.compile(r"deadline|timescale|by\s+when|when|date|completion|target\s+date", re.I)),
]


@dataclass
class Columns:
    roles: dict[int, str] = field(default_factory=dict)  # column -> role
    years: dict[int, int] = field(default_factory=dict)  # column -> financial year of a target/actual
    header_rows: int = 1

    def of(self, role: str) -> list[int]:
        return [c for c, r in self.roles.items() if r == role]


def _header_texts(table: Table, n: int) -> list[str]:
    width = max(len(r) for r in table.rows)
    texts = [""] * width
    for row in table.rows[:n]:
        for c, cell in enumerate(row):
            if cell.text and cell.text not in texts[c]:
                texts[c] = f"{texts[c]} {cell.text}".strip()
    return texts


_YEAR_LABEL = re.compile(r"^\s*(?:19|20)?\d\d\s*[/\-\u2013]\s*(?:19|20)?\d\d\s*$|^\s*(?:19|20)\d\d\s*$")


def _looks_like_body(row) -> bool:
    """A data row: an indicator reference, or two figures that are not year labels such as '2006/07'."""
    figures = sum(read_value(c.text).quantified for c in row if not _YEAR_LABEL.match(c.text))
    return any(_REF.match(c.text) for c in row) or figures >= 2


def target_columns(table: Table) -> Columns | None:
    """Column roles of a target table, or None when the table is not one."""
    if len(table.rows) < 2:
        return None
    header_rows = 2 if len(table.rows) > 2 and not _looks_like_body(table.rows[1]) else 1
    headers = _header_texts(table, header_rows)
    cols = Columns(header_rows=header_rows)
    for c, text in enumerate(headers):
        for role, pattern in _ROLE_PATTERNS:
            if pattern.search(text):
                cols.roles[c] = role
                break
        year = financial_year(text)
        if year is not None and cols.roles.get(c) in (None, "target", "actual", "baseline"):
            if c not in cols.roles:
                # a bare year column: before any target column it is a track record, after it a target
                cols.roles[c] = "target" if cols.of("target") or cols.of("baseline") else "actual"
            cols.years[c] = year
    body = table.rows[header_rows:]
    refs_in_body = sum(any(_REF.match(cell.text) for cell in row) for row in body)
    if not cols.of("ref") and refs_in_body:
        # indicator references without a heading of their own: the first column that holds them
        for c in range(len(headers)):
            if sum(bool(_REF.match(row[c].text)) for row in body if c < len(row)) >= max(1, len(body) // 2):
                cols.roles[c] = "ref"
                break
    has_indicator = bool(cols.of("ref") or cols.of("indicator"))
    return cols if has_indicator and cols.of("target") else None


def action_columns(table: Table) -> Columns | None:
    if len(table.rows) < 2:
        return None
    headers = _header_texts(table, 1)
    cols = Columns(header_rows=1)
    for c, text in enumerate(headers):
        for role, pattern in _ACTION_ROLES:
            if pattern.search(text) and role not in cols.roles.values():
                cols.roles[c] = role
                break
    others = {"owner", "milestone", "deadline"} & set(cols.roles.values())
    return cols if cols.of("action") and others else None


def _ref(doc: Document, table: Table, r: int, c: int) -> TableCellRef:
    cell = table.rows[r][c] if c < len(table.rows[r]) else None
    return TableCellRef(doc.id, table.index, r, c, cell.page if cell else table.page, cell.text if cell else "")


def read_targets(doc: Document, table: Table, cols: Columns) -> list[TargetRow]:
    rows = []
    for r in range(cols.header_rows, len(table.rows)):
        cells = table.rows[r]
        texts = [c.text for c in cells]
        if texts == _header_texts(table, 1)[: len(texts)]:
            continue  # a header repeated inside the table
        ref_col = (cols.of("ref") or [None])[0]
        title_col = (cols.of("indicator") or [None])[0]
        reference = texts[ref_col] if ref_col is not None and ref_col < len(texts) else ""
        title = texts[title_col] if title_col is not None and title_col < len(texts) else ""
        m = _REF.match(reference) or _REF.match(title)
        if m and not reference:
            reference = m.group(0)
        if not (reference or title):
            continue
        refs = {"row": _ref(doc, table, r, 0)}
        targets, actuals = {}, {}
        baseline, baseline_year = None, None
        for c, role in cols.roles.items():
            if c >= len(cells):
                continue
            year = cols.years.get(c)
            if role == "target":
                key = year if year is not None else 9000 + c  # an undated target column keeps its place
                targets[key] = read_value(cells[c].text)
                refs[f"target:{key}"] = _ref(doc, table, r, c)
            elif role == "actual" and year is not None:
                actuals[year] = read_value(cells[c].text)
                refs[f"actual:{year}"] = _ref(doc, table, r, c)
            elif role == "baseline":
                baseline = read_value(cells[c].text)
                baseline_year = year
                refs["baseline"] = _ref(doc, table, r, c)
            elif role in ("lead", "ref", "indicator", "priority", "partners"):
                refs[role] = _ref(doc, table, r, c)
        lead_col = (cols.of("lead") or [None])[0]
        lead = texts[lead_col] if lead_col is not None and lead_col < len(texts) else None
        lead_note = None
        if lead is not None and FOOTNOTE_MARK.match(lead):
            lead_note = footnote_text(doc, table, lead)
        partners_col = (cols.of("partners") or [None])[0]
        partners = texts[partners_col] if partners_col is not None and partners_col < len(texts) else ""
        rows.append(TargetRow(document=doc.id, table=table.index, row=r, page=cells[0].page or table.page,
                              reference=_normal_ref(reference), title=title, baseline=baseline,
                              baseline_year=baseline_year, targets=targets, actuals=actuals, lead=lead,
                              lead_footnote=lead_note, partners=partners, cells=refs,
                              row_text=" | ".join(texts)))
    return rows


def read_actions(doc: Document, table: Table, cols: Columns) -> list[ActionRow]:
    rows = []
    for r in range(cols.header_rows, len(table.rows)):
        cells = table.rows[r]

        def get(role):
            c = (cols.of(role) or [None])[0]
            return cells[c].text if c is not None and c < len(cells) else None

        action = get("action")
        if not action:
            continue
        refs = {role: _ref(doc, table, r, c) for c, role in cols.roles.items() if c < len(cells)}
        rows.append(ActionRow(document=doc.id, table=table.index, row=r, page=cells[0].page or table.page,
                              action=action, owner=get("owner"), milestone=get("milestone"),
                              deadline=get("deadline"), cells=refs))
    return rows


# A cell that only points at a note: '*', '†', '(1)', '[2]', 'See note 3', 'Note a'.
FOOTNOTE_MARK = re.compile(r"^\s*(?:\*{1,3}|\u2020|\u2021|\(\w\)|\[\w\]|\d|(?:see\s+)?note\s*\w+)\s*$", re.I)


def footnote_text(doc: Document, table: Table, mark: str) -> str | None:
    """The note a cell points to, from the text after the table on its last page(s)."""
    key = re.sub(r"(?i)see\s+|note\s*|[()\[\]\s]", "", mark) or mark.strip()
    pattern = re.compile(rf"^\s*(?:note\s*)?[(\[]?{re.escape(key)}[)\]]?[.:)]?\s+(\S.*)$", re.I)
    pages = {p for p in table.pages if p is not None}
    after = False
    for block in doc.blocks:
        if block.kind == "table" and block.table == table.index:
            after = True
            continue
        if not after or (pages and block.page is not None and block.page > max(pages) + 1):
            continue
        m = pattern.match(block.text)
        if m:
            return m.group(1).strip()
    return None


def _normal_ref(text: str) -> str:
    m = re.match(r"^\s*(NI|N\.I\.|LI|L|Local)\s*[-.]?\s*(\d{1,3}[a-z]?)", text or "", re.I)
    if not m:
        return (text or "").strip()
    prefix = "NI" if m.group(1).upper().replace(".", "") == "NI" else "L"
    return f"{prefix} {m.group(2)}"
