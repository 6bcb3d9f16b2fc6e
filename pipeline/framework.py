"""The framework (themes, characteristics, questions, signals) loaded from data/framework.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from .settings import DATA_DIR

Polarity = Literal["worst", "best"]
SignalKind = Literal["text", "structure", "absence"]


@dataclass(frozen=True)
class Signal:
    id: str
    kind: SignalKind
    polarity: Polarity
    means: str
    characteristic: str


@dataclass(frozen=True)
class Question:
    text: str
    signals: tuple[str, ...]


@dataclass(frozen=True)
class Characteristic:
    id: str
    theme: str
    title: str
    questions: tuple[Question, ...]
    signals: tuple[Signal, ...]


@dataclass(frozen=True)
class Framework:
    themes: dict[str, str]  # id -> title, in order
    characteristics: tuple[Characteristic, ...]

    @property
    def signals(self) -> dict[str, Signal]:
        return {s.id: s for c in self.characteristics for s in c.signals}

    def signal(self, signal_id: str) -> Signal:
        try:
            return self.signals[signal_id]
        except KeyError:
            raise KeyError(f"'{signal_id}' is not a signal of the framework") from None

    def signals_of_kind(self, kind: SignalKind) -> list[Signal]:
        return [s for s in self.signals.values() if s.kind == kind]


@lru_cache(maxsize=4)
def load_framework(path: Path = DATA_DIR / "framework.yaml") -> Framework:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    characteristics = []
    for c in data["characteristics"]:
        signals = tuple(Signal(id=s["id"], kind=s["kind"], polarity=pol, means=s["means"], characteristic=c["id"])
                        for pol in ("worst", "best") for s in c[pol])
        questions = tuple(Question(text=q["text"], signals=tuple(q["signals"])) for q in c["questions"])
        characteristics.append(Characteristic(id=c["id"], theme=c["theme"], title=c["title"],
                                              questions=questions, signals=signals))
    framework = Framework(themes={t["id"]: t["title"] for t in data["themes"]},
                          characteristics=tuple(characteristics))
    _validate(framework)
    return framework


def _validate(framework: Framework) -> None:
    ids = [s.id for c in framework.characteristics for s in c.signals]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"framework.yaml: signal ids used twice: {sorted(duplicates)}")
    known = set(ids)
    for c in framework.characteristics:
        if c.theme not in framework.themes:
            raise ValueError(f"framework.yaml: characteristic {c.id} has unknown theme {c.theme}")
        for q in c.questions:
            unknown = set(q.signals) - known
            if unknown:
                raise ValueError(f"framework.yaml: question of {c.id} names unknown signals {sorted(unknown)}")
