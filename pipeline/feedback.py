"""Reviewers' corrections -> labelled passages, so the next `make train` learns from them.

A reviewer writes feedback.jsonl beside a review.json, one line per finding they judged:
  {"finding": "F012", "verdict": "wrong"}                       the passage does not express the signal
  {"finding": "F012", "verdict": "wrong", "signal": "lip-service"}  ... it expresses this one instead
  {"finding": "F012", "verdict": "right"}                       confirmed
  {"finding": "F012", "verdict": "right", "note": "..."}         notes are kept
`import_feedback` turns each judged passage into a corpus line in corpora/text/feedback.jsonl (training
split: the fixed test split is never changed, so metrics stay comparable between models).
"""

from __future__ import annotations

import json
from pathlib import Path

from .corpus import Passage
from .errors import LaaReviewError
from .framework import load_framework

VERDICTS = {"right", "wrong"}


def _read_lines(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise LaaReviewError(f"{Path(path).name}:{n}: not valid JSON") from None
        if row.get("verdict") not in VERDICTS or not row.get("finding"):
            raise LaaReviewError(f"{Path(path).name}:{n}: needs \"finding\" and \"verdict\": \"right\" or \"wrong\"")
        rows.append(row)
    return rows


def feedback_passages(feedback: Path, review_json: Path) -> tuple[list[Passage], list[str]]:
    """The passages the feedback yields, and a note for each line that could not become one."""
    review = json.loads(Path(review_json).read_text(encoding="utf-8"))
    findings = {f["id"]: f for f in review["findings"]}
    framework = load_framework()
    known = set(framework.signals)
    passages, skipped = [], []
    for row in _read_lines(feedback):
        f = findings.get(row["finding"])
        if f is None:
            skipped.append(f"{row['finding']}: no such finding in {Path(review_json).name}")
            continue
        new_signal = row.get("signal")
        if new_signal and new_signal not in known:
            raise LaaReviewError(f"{row['finding']}: '{new_signal}' is not a signal id")
        prose = [e for e in f["evidence"] if e["quote"] and "block" in e.get("location", {})]
        if framework.signal(f["signal"]).kind != "text" and not new_signal:
            skipped.append(f"{row['finding']}: '{f['signal']}' is found by rules, not learned from passages")
            continue
        if not prose:
            skipped.append(f"{row['finding']}: its evidence is a table cell or an absence, not a passage")
            continue
        if row["verdict"] == "right":
            labels = sorted({f["signal"], *([new_signal] if new_signal else [])})
        else:
            labels = [new_signal] if new_signal else []
        note = f"reviewer: {row['verdict']} for {f['signal']}" + (f"; {row['note']}" if row.get("note") else "")
        for ev in prose:
            passages.append(Passage(text=ev["quote"], labels=labels, source=f"feedback:{review['pack']['name']}",
                                    split="train", notes=note, file="feedback.jsonl"))
    return passages, skipped


def import_feedback(feedback: Path, review_json: Path, corpus_dir: Path) -> tuple[int, list[str]]:
    passages, skipped = feedback_passages(feedback, review_json)
    target = Path(corpus_dir) / "feedback.jsonl"
    existing = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
    rows = [json.loads(line) for line in existing if line.strip()]
    seen = {(row["text"], tuple(row["labels"])) for row in rows}
    new = [p for p in passages if (p.text, tuple(p.labels)) not in seen]
    with open(target, "a", encoding="utf-8") as fh:
        for p in new:
            fh.write(p.to_json() + "\n")
    return len(new), skipped
