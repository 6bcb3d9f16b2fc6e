"""Findings -> Review: merge findings to one per signal per place, rate every characteristic by the
schema's rule, mark the framework's questions answered, and say in a sentence why. A pure function of
the findings, the pack's document list and the framework."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .findings import Evidence, Finding
from .framework import Characteristic, Framework
from .pack import Pack

RATING_ORDER = {"red": 0, "amber": 1, "green": 2, "grey": 3}


@dataclass
class QuestionResult:
    text: str
    answered: bool
    findings: list[str]


@dataclass
class CharacteristicResult:
    id: str
    theme: str
    title: str
    rating: str
    summary: str
    findings: list[str]
    questions: list[QuestionResult]


@dataclass
class Review:
    pack: Pack
    characteristics: list[CharacteristicResult]
    findings: list[Finding]
    tool: dict = field(default_factory=dict)

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.findings if f.id == finding_id)


def rate(worst: int, best: int) -> str:
    """green: best and no worst; amber: both; red: worst and no best; grey: neither."""
    if worst and best:
        return "amber"
    if worst:
        return "red"
    if best:
        return "green"
    return "grey"


def _place(ev: Evidence) -> tuple:
    loc = ev.location
    if "table" in loc:
        return (ev.document, "table", loc["table"], loc.get("row"))
    if "block" in loc:
        return (ev.document, "block", loc["block"], loc.get("char_start"))
    return (ev.document, ev.page, ev.quote)


def merge(findings: list[Finding]) -> list[Finding]:
    """One finding per signal per place. Findings from several detectors at one place become one, with
    every detector named, the highest confidence, and each piece of evidence quoted once."""
    merged: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.signal, _place(f.evidence[0]) if f.evidence else ("absence", f.detector))
        if key not in merged:
            merged[key] = Finding(f.signal, f.detector, f.explanation, [], f.confidence, f.characteristic,
                                  f.polarity)
        m = merged[key]
        if f.detector not in m.detector.split(" + "):
            m.detector = f"{m.detector} + {f.detector}"
            m.explanation = f"{m.explanation} {f.explanation}"
        m.confidence = max(m.confidence, f.confidence)
        seen = {e.key() for e in m.evidence}
        for ev in f.evidence:
            if ev.key() not in seen:
                m.evidence.append(ev)
                seen.add(ev.key())
    return list(merged.values())


def build_review(pack: Pack, findings: list[Finding], framework: Framework, tool: dict) -> Review:
    order = {c.id: i for i, c in enumerate(framework.characteristics)}
    findings = sorted(merge(findings), key=lambda f: (order[f.characteristic], f.polarity != "worst",
                                                     -f.confidence, f.signal))
    for n, f in enumerate(findings, start=1):
        f.id = f"F{n:03d}"
    results = [_judge(c, [f for f in findings if f.characteristic == c.id], pack) for c in framework.characteristics]
    return Review(pack=pack, characteristics=results, findings=findings, tool=tool)


def _judge(c: Characteristic, findings: list[Finding], pack: Pack) -> CharacteristicResult:
    worst = [f for f in findings if f.polarity == "worst"]
    best = [f for f in findings if f.polarity == "best"]
    rating = rate(len(worst), len(best))
    questions = []
    for q in c.questions:
        ids = [f.id for f in findings if f.signal in q.signals]
        questions.append(QuestionResult(q.text, bool(ids), ids))
    return CharacteristicResult(c.id, c.theme, c.title, rating, _summary(rating, worst, best, pack),
                                [f.id for f in findings], questions)


def _signal_counts(findings: list[Finding]) -> str:
    counts = Counter(f.signal for f in findings)
    return ", ".join(f"{sig} x{n}" if n > 1 else sig for sig, n in counts.most_common())


def _summary(rating: str, worst: list[Finding], best: list[Finding], pack: Pack) -> str:
    if rating == "grey":
        readable = len(pack.readable())
        if readable == 0:
            return "Not rated: no document of the pack could be read, so there is no evidence either way."
        return f"No evidence either way was found in the {readable} readable document(s) of the pack."
    parts = []
    if worst:
        parts.append(f"{len(worst)} worst-case finding(s) ({_signal_counts(worst)})")
    if best:
        parts.append(f"{len(best)} best-case finding(s) ({_signal_counts(best)})")
    lead = {"red": "Red: worst-case signs and no best-case evidence", "amber": "Amber: both worst- and best-case signs",
            "green": "Green: best-case evidence and no worst-case finding"}[rating]
    return f"{lead}: {' and '.join(parts)}."
