"""Rules over target and action tables: figures, years and owners are data, so they are checked as data."""

from __future__ import annotations

import re

from ..findings import Evidence, Finding
from ..pack import ActionRow, Pack, TargetRow
from ..settings import Settings
from .registry import detector

_NO_OWNER = re.compile(r"^\s*(?:|tbc|tbd|tba|to be (?:confirmed|agreed|decided)|n/?a|none|unknown|\?+|-+|\u2013)\s*$", re.I)
MIN_ROWS_FOR_MAP = 5


def _label(row: TargetRow) -> str:
    return f"{row.reference} {row.title}".strip() if row.title else row.reference


def _row_evidence(row: TargetRow) -> Evidence:
    """The indicator's own cell names the row; the location points at the whole row."""
    for role in ("ref", "indicator"):
        if role in row.cells and row.cells[role].text:
            ev = row.cells[role].evidence()
            ev.location["row_text"] = row.row_text
            return ev
    return Evidence(row.document, row.page, row.row_text, {"table": row.table, "row": row.row})


def _year_label(key: int) -> str:
    return f"{key}/{(key + 1) % 100:02d}" if key < 9000 else "the target column"


@detector("rule:target-table", signals=["unquantified-target", "missing-owner", "accountability-map"])
def target_table_rules(pack: Pack, settings: Settings):
    for row in pack.targets:
        yield from _unquantified(row)
        if row.lead is not None and _NO_OWNER.match(row.lead):
            what = "blank" if not row.lead.strip() else f"'{row.lead.strip()}'"
            yield Finding("missing-owner", "", f"Target {_label(row)} has no lead partner: the lead cell is {what}.",
                          [_row_evidence(row)], confidence=0.9)
    yield from _accountability_maps(pack)


def _unquantified(row: TargetRow):
    if not row.targets:
        return
    dated = {k: v for k, v in row.targets.items() if k < 9000}
    missing = {k: v for k, v in row.targets.items() if v.kind in ("tbc", "blank", "words")}
    final_year = max(dated) if dated else None
    evidence = [_row_evidence(row)] + [row.cells[f"target:{k}"].evidence() for k, v in missing.items()
                                       if f"target:{k}" in row.cells and v.raw.strip()]
    if missing and (len(missing) == len(row.targets) or (final_year is not None and final_year in missing)):
        shown = "; ".join(f"{_year_label(k)}: {v.raw.strip() or 'blank'}" for k, v in sorted(missing.items()))
        kinds = {v.kind for v in missing.values()}
        confidence = 0.95 if "tbc" in kinds or "words" in kinds else 0.85
        yield Finding("unquantified-target", "",
                      f"Target {_label(row)} has no figure to measure against ({shown}).", evidence, confidence)
    elif not dated and any(v.quantified for v in row.targets.values()):
        yield Finding("unquantified-target", "",
                      f"Target {_label(row)} has a figure but no year: the table gives no date by which it is due.",
                      [_row_evidence(row)], 0.7)


def _accountability_maps(pack: Pack):
    tables: dict[tuple[str, int], list[TargetRow]] = {}
    for row in pack.targets:
        tables.setdefault((row.document, row.table), []).append(row)
    for (doc_id, table), rows in tables.items():
        if len(rows) < MIN_ROWS_FOR_MAP or any(r.lead is None or _NO_OWNER.match(r.lead) for r in rows):
            continue
        leads = sorted({r.lead.strip() for r in rows})
        yield Finding("accountability-map", "",
                      f"Every one of the {len(rows)} targets in this table names a lead partner "
                      f"({len(leads)} different partners).",
                      [_row_evidence(r) for r in rows[:3]], confidence=0.8)


@detector("rule:action-table", signals=["missing-owner"])
def action_table_rules(pack: Pack, settings: Settings):
    for action in pack.actions:
        if action.owner is not None and _NO_OWNER.match(action.owner):
            yield Finding("missing-owner", "", _owner_explanation(action), [action.cells["action"].evidence()]
                          + ([action.cells["owner"].evidence()] if action.owner.strip() else []), confidence=0.9)


def _owner_explanation(action: ActionRow) -> str:
    what = "blank" if not action.owner.strip() else f"'{action.owner.strip()}'"
    return f"The action '{action.action[:80]}' has no responsible owner: the owner cell is {what}."
