"""targets.csv: every parsed target row, one per indicator, with the page it came from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..pack import Pack, Value


def _num(v: Value | None):
    return v.number if v is not None and v.number is not None else None


def targets_frame(pack: Pack) -> pd.DataFrame:
    years = sorted({y for r in pack.targets for y in r.targets if y < 9000})
    actual_years = sorted({y for r in pack.targets for y in r.actuals})
    files = {d.id: d.doc.file for d in pack.documents}
    records = []
    for r in pack.targets:
        rec = {"document": files.get(r.document, r.document), "page": r.page, "table": r.table + 1, "row": r.row,
               "reference": r.reference, "indicator": r.title, "national": r.is_national,
               "national_title": r.national_title or None, "statutory": r.statutory,
               "direction": {1: "higher is better", -1: "lower is better"}.get(r.direction),
               "baseline": r.baseline.raw if r.baseline else None, "baseline_value": _num(r.baseline),
               "baseline_year": r.baseline_year}
        for y in actual_years:
            rec[f"actual_{y}/{(y + 1) % 100:02d}"] = _num(r.actuals.get(y))
        for y in years:
            v = r.targets.get(y)
            rec[f"target_{y}/{(y + 1) % 100:02d}"] = v.raw if v is not None else None
            rec[f"target_{y}/{(y + 1) % 100:02d}_value"] = _num(v)
        rec["lead_partner"] = r.lead_footnote or r.lead
        rec["delivery_partners"] = r.partners or None
        records.append(rec)
    return pd.DataFrame.from_records(records)


def write_targets_csv(pack: Pack, path: Path) -> int:
    frame = targets_frame(pack)
    frame.to_csv(path, index=False)
    return len(frame)
