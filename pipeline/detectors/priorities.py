"""everything-a-priority: too many priorities to be a choice, every target flagged top priority, or
text declaring all areas equally important."""

from __future__ import annotations

import re

from ..findings import Evidence, Finding
from ..pack import Pack
from ..settings import Settings
from .registry import detector

_ALL_EQUAL = re.compile(
    r"\b(?:all|each|every)\b[^.;]{0,80}?\b(?:equal(?:ly)?\s+(?:important|high|weight(?:ed)?|priority|priorities|status)"
    r"|(?:is|are)\s+(?:all\s+)?(?:an?\s+|our\s+)?(?:top\s+|key\s+|high\s+|equal\s+)?priorit(?:y|ies))", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|cannot|can't|rather than)\b", re.I)
_FLAGGED = re.compile(r"^\s*(?:yes|y|high|top|1|priority|key|\u2713|\u2714|x)\s*$", re.I)


@detector("rule:priorities", signals=["everything-a-priority"])
def everything_a_priority(pack: Pack, settings: Settings):
    for plist in pack.priorities:
        if len(plist.items) > settings.max_priorities:
            yield Finding("everything-a-priority", "",
                          f"The document lists {len(plist.items)} priorities (more than {settings.max_priorities}), "
                          f"which is no real prioritisation.", [plist.lead_in, *plist.items], confidence=0.85)
    yield from _flagged_tables(pack, settings)
    for ad in pack.readable():
        for sentence in ad.sentences:
            m = _ALL_EQUAL.search(sentence.text)
            if m and not _NEGATED.search(sentence.text[: m.end()]):
                yield Finding("everything-a-priority", "",
                              "The text declares every area equally important or a priority.",
                              [sentence.evidence()], confidence=0.8)


def _flagged_tables(pack: Pack, settings: Settings):
    by_table: dict[tuple[str, int], list] = {}
    for row in pack.targets:
        if "priority" in row.cells:
            by_table.setdefault((row.document, row.table), []).append(row)
    for rows in by_table.values():
        flagged = [r for r in rows if _FLAGGED.match(r.cells["priority"].text)]
        if len(rows) >= settings.priority_flag_min_rows and len(flagged) / len(rows) >= settings.priority_flag_share:
            evidence: list[Evidence] = [r.cells["priority"].evidence() for r in flagged[:5]]
            yield Finding("everything-a-priority", "",
                          f"{len(flagged)} of the {len(rows)} targets in the table are flagged as a priority.",
                          evidence, confidence=0.8)
