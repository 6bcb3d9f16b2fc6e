"""Absences: what a reviewer expects to find in a pack and cannot. Raised only when the pack was read
(an unreadable pack is not evidence of anything); each finding says what was searched for and where, and
it quotes nothing because there is nothing to quote."""

from __future__ import annotations

import re

from ..findings import Evidence, Finding
from ..pack import AnalysedDocument, Pack
from ..settings import Settings
from .registry import detector

_EVERY = r"\b(?:quarterly|monthly|bi-?monthly|six-monthly|regular(?:ly)?|each quarter|every (?:month|quarter))\b"
_TRACK = r"\b(?:report|monitor|review|track|scorecard|dashboard|performance)"
TRACKING = re.compile(
    rf"{_EVERY}[^.]{{0,100}}{_TRACK}|{_TRACK}\w*[^.]{{0,60}}{_EVERY}"
    r"|\b(?:performance (?:report|clinic|scorecard|dashboard|management framework)|exception report|progress report)",
    re.I)
LADDER = re.compile(
    r"ladder of intervention|\bescalat\w*|intervention (?:framework|protocol|strategy|arrangements)"
    r"|\btriggers?\b[^.]{0,60}\b(?:action|intervention|review|escalation)|\brecovery plans?\b"
    r"|red[- ]rated[^.]{0,80}\b(?:referred|escalated|reported|challenge)", re.I)
TRAJECTORY = re.compile(r"\btrajector(?:y|ies)\b|\bmilestones?\b[^.]{0,60}\b(?:20\d\d|quarter|year)", re.I)
NOT_PRESENT = re.compile(r"\b(?:no|not|never|without|lack)\b", re.I)

# Model findings that are positive evidence of the thing an absence looks for.
EVIDENCE_OF = {
    "no-regular-tracking": {"regular-reporting-timetable", "partnership-level-tracking", "plan-progress-reviewed",
                            "early-variance-reporting", "shared-reporting-system"},
    "no-ladder-of-intervention": {"ladder-agreed", "intervention-triggers-agreed", "joint-response-plans",
                                  "recovery-plans"},
    "no-trajectory": {"evidence-based-trajectory"},
}


def _absence(signal: str, docs: list[AnalysedDocument], searched: str, explanation: str) -> Finding:
    evidence = [Evidence(d.id, None, "", {"absence": True, "searched": searched}) for d in docs]
    names = ", ".join(d.doc.file for d in docs)
    return Finding(signal, "", f"{explanation} Searched {len(docs)} document(s) ({names}) for {searched}.",
                   evidence, confidence=0.7)


def _mentions(docs: list[AnalysedDocument], pattern: re.Pattern) -> bool:
    for d in docs:
        for s in d.sentences:
            m = pattern.search(s.text)
            if m and not NOT_PRESENT.search(s.text[max(0, m.start() - 40):m.start()]):
                return True
    return False


def _scored(docs: list[AnalysedDocument], signals: set[str]) -> bool:
    return any(signal in signals for d in docs for _, signal, _, _ in d.signal_scores)


@detector("absence:search", signals=["no-clear-outcomes", "no-trajectory", "no-regular-tracking",
                                     "no-ladder-of-intervention"])
def absences(pack: Pack, settings: Settings):
    docs = pack.readable()
    if not docs:
        return
    laa = pack.of_kind("laa")
    laa_ids = {d.id for d in laa}
    if laa and not pack.outcomes and not any(r.document in laa_ids for r in pack.targets):
        yield _absence("no-clear-outcomes", laa, "an outcomes heading or list, 'Outcome:' lines, an Outcome "
                       "column, or a target table", "The LAA states no recognisable outcomes.")
    laa_rows = [r for r in pack.targets if r.document in laa_ids]
    if laa_rows and not any(sum(v.quantified for v in r.dated_targets().values()) >= 2 for r in laa_rows) \
            and not _mentions(laa, TRAJECTORY) and not _scored(docs, EVIDENCE_OF["no-trajectory"]):
        yield _absence("no-trajectory", laa, "targets for more than one year, or a trajectory or milestones in "
                       "the text", f"None of the {len(laa_rows)} targets has a figure for more than one year.")
    if not _mentions(docs, TRACKING) and not pack.of_kind("report") \
            and not _scored(docs, EVIDENCE_OF["no-regular-tracking"]):
        yield _absence("no-regular-tracking", docs, "a reporting timetable, performance reports or scorecards, "
                       "exception reporting, or review of progress against plans",
                       "The pack shows no regular mechanism for tracking progress.")
    if not _mentions(docs, LADDER) and not _scored(docs, EVIDENCE_OF["no-ladder-of-intervention"]):
        yield _absence("no-ladder-of-intervention", docs, "a ladder of intervention, escalation steps, "
                       "triggers for action or recovery plans",
                       "The pack shows no agreed steps for dealing with under-performance.")
