"""plan-predates-laa: an operational plan dated before the LAA began and not reviewed since."""

from __future__ import annotations

from ..findings import Finding
from ..pack import Pack
from ..settings import Settings
from .registry import detector

CUE_CONFIDENCE = {"approved": 0.9, "dated": 0.85, "period": 0.8, "meeting": 0.8, "first-date": 0.65}


@detector("rule:plan-dates", signals=["plan-predates-laa"])
def plan_predates_laa(pack: Pack, settings: Settings):
    start = pack.laa_period[0]
    for ad in pack.of_kind("plan"):
        if ad.date is None or ad.date.value >= start:
            continue
        later = [r for r in ad.reviews if r.value >= start]
        if later:
            continue
        evidence = [ad.date.evidence]
        if pack.laa_period_evidence is not None:
            evidence.append(pack.laa_period_evidence)
        since = (f"; the latest review it records is {max(r.value for r in ad.reviews):%d %B %Y}"
                 if ad.reviews else "; it records no review since")
        yield Finding("plan-predates-laa", "",
                      f"The plan is dated {ad.date.value:%d %B %Y} ({ad.date.cue}), before the LAA began on "
                      f"{start:%d %B %Y}{since}.", evidence, confidence=CUE_CONFIDENCE.get(ad.date.cue, 0.7))
