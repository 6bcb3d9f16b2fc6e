"""The National Indicator Set (NI 1 to NI 198) as data: data/national_indicators.csv gives each
indicator's title, whether it was a statutory (mandatory) LAA target, and whether higher or lower is better."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .settings import DATA_DIR


@dataclass(frozen=True)
class NationalIndicator:
    ref: str  # 'NI 20'
    title: str
    statutory: bool
    better: int  # +1 higher is better, -1 lower is better, 0 neither


@lru_cache(maxsize=1)
def national_indicators() -> dict[str, NationalIndicator]:
    with open(DATA_DIR / "national_indicators.csv", encoding="utf-8", newline="") as fh:
        return {row["ni"]: NationalIndicator(row["ni"], row["title"], row["statutory"] == "yes",
                                             {"higher": 1, "lower": -1}.get(row["better"], 0))
                for row in csv.DictReader(fh)}
