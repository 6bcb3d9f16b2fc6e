"""Batch summaries: summary.csv and summary.xlsx (one row per pack), summary.html (a heat map of packs
against the 16 characteristics, sortable, each cell linking to the pack's review) and batch.log (every
document's status)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from ..framework import load_framework
from .html import template_environment


def summary_frame(outcomes) -> pd.DataFrame:
    framework = load_framework()
    records = []
    for o in outcomes:
        ratings = {c["id"]: c["rating"] for c in o.data["characteristics"]}
        docs = o.data["pack"]["documents"]
        rec = {"pack": o.name, "review": os.path.join(o.out_dir.name, "review.html")}
        for c in framework.characteristics:
            rec[c.id] = ratings.get(c.id, "grey")
        rec["worst_findings"] = sum(f["polarity"] == "worst" for f in o.data["findings"])
        rec["best_findings"] = sum(f["polarity"] == "best" for f in o.data["findings"])
        rec["documents"] = len(docs)
        rec["documents_read"] = sum(d["status"] == "ok" for d in docs)
        rec["documents_partial"] = sum(d["status"] == "partial" for d in docs)
        rec["documents_failed"] = sum(d["status"] == "error" for d in docs)
        rec["seconds"] = o.seconds
        rec["from_cache"] = o.cached
        records.append(rec)
    return pd.DataFrame.from_records(records)


def write_summaries(outcomes, out: Path) -> None:
    frame = summary_frame(outcomes)
    frame.to_csv(out / "summary.csv", index=False)
    frame.to_excel(out / "summary.xlsx", index=False, sheet_name="packs", engine="openpyxl")
    _write_html(frame, out / "summary.html")
    lines = []
    for o in outcomes:
        for d in o.data["pack"]["documents"]:
            reason = f": {d['error']}" if d.get("error") else ""
            lines.append(f"{o.name}\t{d['file']}\t{d['status']}{reason}")
    (out / "batch.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_html(frame: pd.DataFrame, path: Path) -> None:
    framework = load_framework()
    html = template_environment().get_template("summary.html.j2").render(
        rows=frame.to_dict(orient="records"), characteristics=framework.characteristics, themes=framework.themes,
        generated=datetime.now(timezone.utc).strftime("%d %B %Y %H:%M UTC"))
    path.write_text(html, encoding="utf-8")
