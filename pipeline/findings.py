"""Findings: one signal at one place, with evidence that can be found again."""

from __future__ import annotations

from dataclasses import dataclass, field

from .framework import Framework


@dataclass
class Evidence:
    document: str
    page: int | None
    quote: str  # exactly as extracted (whitespace normalised); empty only for an absence finding
    location: dict = field(default_factory=dict)  # block / table / row / cell / char offsets / bbox
    ocr: bool = False

    def key(self) -> tuple:
        return (self.document, self.page, self.quote, tuple(sorted(
            (k, str(v)) for k, v in self.location.items() if k not in {"bbox", "ocr_confidence"})))


@dataclass
class Finding:
    signal: str
    detector: str
    explanation: str
    evidence: list[Evidence]
    confidence: float
    # Filled from the framework by `resolve`, so detectors only name the signal.
    characteristic: str = ""
    polarity: str = ""
    id: str = ""

    def resolve(self, framework: Framework) -> "Finding":
        signal = framework.signal(self.signal)
        self.characteristic, self.polarity = signal.characteristic, signal.polarity
        return self
