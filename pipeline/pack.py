"""The analysed pack: the documents of one submission after language analysis, plus what was parsed
from them (target and action rows, priority lists, each document's kind and date). Detectors read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .documents import Document
from .findings import Evidence


@dataclass
class Sentence:
    document: str
    block: int
    page: int | None
    start: int  # character offsets within the block's text
    end: int
    text: str
    entities: tuple[tuple[str, str], ...] = ()  # (label, text) from spaCy: DATE, PERCENT, CARDINAL, ...
    ocr: bool = False
    ocr_confidence: float | None = None

    def evidence(self) -> Evidence:
        location = {"block": self.block, "char_start": self.start, "char_end": self.end}
        if self.ocr_confidence is not None:
            location["ocr_confidence"] = self.ocr_confidence
        return Evidence(self.document, self.page, self.text, location, ocr=self.ocr)

    def has_entity(self, *labels: str) -> bool:
        return any(label in labels for label, _ in self.entities)


@dataclass
class Value:
    """One cell of a target table, read: the number (if any), its unit, and what kind of entry it is."""

    raw: str
    number: float | None = None
    unit: str = ""  # '%', 'per 1,000', 't', ...
    kind: str = "number"  # number | tbc | blank | na | words | range

    @property
    def quantified(self) -> bool:
        return self.number is not None


@dataclass
class TableCellRef:
    document: str
    table: int
    row: int
    column: int
    page: int | None
    text: str

    def evidence(self) -> Evidence:
        return Evidence(self.document, self.page, self.text,
                        {"table": self.table, "row": self.row, "cell": self.column})


@dataclass
class TargetRow:
    """One indicator of a target table, normalised."""

    document: str
    table: int
    row: int
    page: int | None
    reference: str  # 'NI 20', 'L 01', '' when none
    title: str
    baseline: Value | None
    baseline_year: int | None
    targets: dict[int, Value]  # financial year start -> target
    actuals: dict[int, Value]  # track record by financial year start
    lead: str | None  # None when the table has no owner column
    lead_footnote: str | None = None  # the note the lead cell points to ('see note 2'), when there is one
    partners: str = ""  # delivery / supporting partners
    cells: dict[str, TableCellRef] = field(default_factory=dict)  # role or 'target:2008' -> cell
    row_text: str = ""
    national_title: str = ""  # the National Indicator Set's title, where the reference is an NI
    statutory: bool = False
    better: int = 0  # the National Indicator Set's direction of improvement, when the targets do not say

    @property
    def is_national(self) -> bool:
        return self.reference.upper().startswith("NI ")

    def dated_targets(self) -> dict[int, Value]:
        return {y: v for y, v in sorted(self.targets.items()) if y < 9000}

    @property
    def direction(self) -> int:
        """+1 when a higher figure is an improvement, -1 when lower is, 0 when the targets do not say.
        Inferred from the targets themselves: the final target against the baseline, else first to last."""
        targets = [v for v in self.dated_targets().values() if v.quantified and v.kind != "words"]
        if any(re.search(r"reduc|fewer|less|lower|cut", v.raw, re.I) for v in targets):
            return -1
        if targets and self.baseline is not None and self.baseline.quantified \
                and targets[-1].unit == self.baseline.unit and targets[-1].number != self.baseline.number:
            return 1 if targets[-1].number > self.baseline.number else -1
        if len(targets) >= 2 and targets[-1].number != targets[0].number:
            return 1 if targets[-1].number > targets[0].number else -1
        return self.better


@dataclass
class ActionRow:
    document: str
    table: int
    row: int
    page: int | None
    action: str
    owner: str | None
    milestone: str | None
    deadline: str | None
    cells: dict[str, TableCellRef] = field(default_factory=dict)


@dataclass
class PriorityList:
    """A list the document presents as its priorities: the lead-in and each item, with their places."""

    document: str
    lead_in: Evidence
    items: list[Evidence]


@dataclass
class DatedFact:
    value: date
    evidence: Evidence
    cue: str  # approved | meeting | dated | period | reviewed | first-date


@dataclass
class AnalysedDocument:
    doc: Document
    kind: str = "other"
    kind_reason: str = ""
    date: DatedFact | None = None
    period: tuple[date, date] | None = None
    period_evidence: Evidence | None = None
    reviews: list[DatedFact] = field(default_factory=list)  # 'reviewed/refreshed on <date>'
    sentences: list[Sentence] = field(default_factory=list)
    # (sentence index, signal, probability, threshold) for every sentence the text model puts above a threshold
    signal_scores: list[tuple[int, str, float, float]] = field(default_factory=list)
    model_version: str = ""

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class Pack:
    name: str
    documents: list[AnalysedDocument]
    targets: list[TargetRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    priorities: list[PriorityList] = field(default_factory=list)
    outcomes: list[Evidence] = field(default_factory=list)  # the LAA's outcome statements
    laa_period: tuple[date, date] | None = None
    laa_period_evidence: Evidence | None = None

    def readable(self) -> list[AnalysedDocument]:
        return [d for d in self.documents if d.doc.readable]

    def of_kind(self, *kinds: str) -> list[AnalysedDocument]:
        return [d for d in self.readable() if d.kind in kinds]

    def document(self, doc_id: str) -> AnalysedDocument:
        return next(d for d in self.documents if d.id == doc_id)

    def sentences(self):
        for d in self.readable():
            yield from d.sentences
