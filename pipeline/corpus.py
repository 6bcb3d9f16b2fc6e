"""Labelled passages for the text-signal classifiers: corpora/text/*.jsonl.

Each line is one passage:
  text    1-3 sentences as written in a council or partnership paper
  labels  the signal ids (kind text, or any signal of the catalogue) the passage expresses; [] for none
  source  where it came from: 'synthetic:<register>' for written passages, 'feedback:<pack>' for corrections
  split   'train', 'dev' or 'test'. The test split is fixed: training never reads it. 'dev' passages are
          trained on by the classifiers but held out from fine-tuning the text encoder (tools/finetune.py),
          so they alone give honest scores for choosing the ensemble's decision thresholds
  notes   free text: what the passage was written for, why a hard negative is not a positive

`assign_splits` gives passages without a split one, deterministically (by a hash of the text, stratified
by first label: one in five to test, one in ten to dev), and never moves a passage that already has one.
A round written only to teach the classifiers more (r9-*.jsonl) comes with its splits set, train and dev by
the same hash rule and none to test, so the test split and the figures measured on it stay comparable.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LaaReviewError
from .framework import Framework

SPLITS = ("train", "dev", "test")
TEST_EVERY = 5  # one passage in five of each label goes to the fixed test split
DEV_EVERY = 10  # and one in ten to dev, held out from the encoder's fine-tuning


@dataclass
class Passage:
    text: str
    labels: list[str]
    source: str
    split: str | None = None
    notes: str = ""
    file: str = field(default="", compare=False)

    def to_json(self) -> str:
        return json.dumps({"text": self.text, "labels": self.labels, "source": self.source, "split": self.split,
                           "notes": self.notes}, ensure_ascii=False)


def load_corpus(folder: Path, framework: Framework) -> list[Passage]:
    passages: list[Passage] = []
    known = set(framework.signals)
    for path in sorted(Path(folder).glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                p = Passage(text=row["text"].strip(), labels=list(row["labels"]), source=row["source"],
                            split=row.get("split"), notes=row.get("notes", ""), file=path.name)
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise LaaReviewError(f"{path.name}:{n}: not a valid corpus line ({exc})") from None
            unknown = set(p.labels) - known
            if unknown:
                raise LaaReviewError(f"{path.name}:{n}: unknown signal id(s) {sorted(unknown)}")
            if p.split not in (None, *SPLITS):
                raise LaaReviewError(f"{path.name}:{n}: split must be one of {SPLITS}, not {p.split!r}")
            passages.append(p)
    if not passages:
        raise LaaReviewError(f"no labelled passages in {folder}")
    return passages


def _rank(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def assign_splits(passages: list[Passage]) -> int:
    """Give every passage without a split one. Returns how many were assigned."""
    groups: dict[str, list[Passage]] = {}
    for p in passages:
        groups.setdefault(p.labels[0] if p.labels else "", []).append(p)
    assigned = 0
    for group in groups.values():
        for i, p in enumerate(sorted(group, key=lambda p: _rank(p.text))):
            if p.split is None:
                p.split = ("test" if i % TEST_EVERY == TEST_EVERY // 2 else
                           "dev" if i % DEV_EVERY == DEV_EVERY // 2 else "train")
                assigned += 1
    return assigned


def save_corpus(passages: list[Passage], folder: Path) -> None:
    by_file: dict[str, list[Passage]] = {}
    for p in passages:
        by_file.setdefault(p.file, []).append(p)
    for name, rows in by_file.items():
        (Path(folder) / name).write_text("".join(p.to_json() + "\n" for p in rows), encoding="utf-8")


def corpus_hash(passages: list[Passage]) -> str:
    digest = hashlib.sha256()
    for p in sorted(passages, key=lambda p: (p.file, p.text)):
        digest.update(p.to_json().encode("utf-8"))
    return digest.hexdigest()
