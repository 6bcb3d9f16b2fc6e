"""Rules over target and action tables: figures, years and owners are data, so they are checked as data."""

from __future__ import annotations

import re

from ..findings import Evidence, Finding
from ..analyse.tables import FOOTNOTE_MARK
from ..pack import ActionRow, Pack, TargetRow
from ..settings import Settings
from .registry import detector

_NO_OWNER = re.compile(r"^\s*(?:|tbc|tbd|tba|to be (?:confirmed|agreed|decided|identified)|n/?a|none|unknown|\?+|-+|\u2013)[\s.]*$", re.I)
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


def has_owner(row: TargetRow) -> bool:
    """A lead partner in the cell, or in the note the cell points to."""
    if row.lead is None:
        return False
    if FOOTNOTE_MARK.match(row.lead):
        return bool(row.lead_footnote and not _NO_OWNER.match(row.lead_footnote))
    return not _NO_OWNER.match(row.lead)


@detector("rule:target-table", signals=["unquantified-target", "missing-owner", "accountability-map",
                                        "mandatory-indicators-addressed", "local-targets-supplement"])
def target_table_rules(pack: Pack, settings: Settings):
    for row in pack.targets:
        yield from _unquantified(row)
        if row.lead is not None and not has_owner(row):
            what = "blank" if not row.lead.strip() else f"'{row.lead.strip()}'"
            if FOOTNOTE_MARK.match(row.lead):
                what += ", and the note it points to names no one"
            yield Finding("missing-owner", "", f"Target {_label(row)} has no lead partner: the lead cell is {what}.",
                          [_row_evidence(row)], confidence=0.9)
    yield from _accountability_maps(pack)
    yield from _coverage(pack)


def _coverage(pack: Pack):
    statutory = [r for r in pack.targets if r.statutory]
    addressed = [r for r in statutory if r.dated_targets() and all(v.quantified for v in r.dated_targets().values())]
    if addressed and len(addressed) == len(statutory):
        refs = ", ".join(sorted({r.reference for r in addressed}, key=lambda x: int(x.split()[1].rstrip("abc"))))
        yield Finding("mandatory-indicators-addressed", "",
                      f"The {len(addressed)} statutory indicator(s) in the target tables ({refs}) each have a "
                      f"figure for every year.", [_row_evidence(r) for r in addressed[:5]], 0.8)
    national = [r for r in pack.targets if r.is_national]
    local = [r for r in pack.targets if not r.is_national and r.targets]
    if national and local:
        yield Finding("local-targets-supplement", "",
                      f"Beside {len(national)} National Indicator target(s), the tables set {len(local)} local "
                      f"target(s): {'; '.join(_label(r) for r in local[:4])}.",
                      [_row_evidence(r) for r in local[:5]], 0.8)


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
        if len(rows) < MIN_ROWS_FOR_MAP or not all(has_owner(r) for r in rows):
            continue
        leads = sorted({(r.lead_footnote or r.lead).strip() for r in rows})
        yield Finding("accountability-map", "",
                      f"Every one of the {len(rows)} targets in this table names a lead partner "
                      f"({len(leads)} different partners).",
                      [_row_evidence(r) for r in rows[:3]], confidence=0.8)


@detector("rule:action-table", signals=["missing-owner", "missing-milestones"])
def action_table_rules(pack: Pack, settings: Settings):
    for action in pack.actions:
        if action.owner is not None and _NO_OWNER.match(action.owner):
            yield Finding("missing-owner", "", _owner_explanation(action), [action.cells["action"].evidence()]
                          + ([action.cells["owner"].evidence()] if action.owner.strip() else []), confidence=0.9)
        timing = [t for t in (action.milestone, action.deadline) if t is not None]
        if not timing:
            yield Finding("missing-milestones", "", f"The action '{action.action[:80]}' is in a table with no "
                          "milestone, deadline or timescale column.", [action.cells["action"].evidence()], 0.8)
        elif all(_NO_OWNER.match(t) for t in timing):
            yield Finding("missing-milestones", "", f"The action '{action.action[:80]}' has no milestone or "
                          "date: " + "; ".join(f"'{t}'" if t.strip() else "blank" for t in timing) + ".",
                          [action.cells["action"].evidence()], 0.85)


def _owner_explanation(action: ActionRow) -> str:
    what = "blank" if not action.owner.strip() else f"'{action.owner.strip()}'"
    return f"The action '{action.action[:80]}' has no responsible owner: the owner cell is {what}."
