"""What kind of document this is (laa, strategy, minutes, plan, report, other), from what it says.

Cues in the title weigh more than cues in the body; the file name is never read. The reason names the
cues that decided, so a reviewer can see why.
"""

from __future__ import annotations

import re

from ..documents import Document

KINDS = ("laa", "strategy", "minutes", "plan", "report")

_CUES: dict[str, list[tuple[re.Pattern, str]]] = {
    "laa": [(re.compile(r"local area agreement|\bLAA\b", re.I), "names the Local Area Agreement"),
            (re.compile(r"designated (?:improvement )?targets?|improvement targets?", re.I), "lists improvement targets")],
    "strategy": [(re.compile(r"(?:sustainable )?community strategy|strategy\b", re.I), "calls itself a strategy"),
                 (re.compile(r"\bvision\b|20[12]\d\b vision|long-term", re.I), "sets out a vision")],
    "minutes": [(re.compile(r"\bminutes\b", re.I), "calls itself minutes"),
                (re.compile(r"^\s*(?:present|apologies|in attendance)\s*:?", re.I | re.M), "records attendance"),
                (re.compile(r"meeting (?:was )?held|^\s*(?:agreed|resolved|action)\s*:", re.I | re.M), "records a meeting's decisions")],
    "plan": [(re.compile(r"\b(?:action|business|service|operational|delivery|improvement|community safety|team) plan\b|\bplan\b", re.I), "calls itself a plan"),
             (re.compile(r"\b(?:lead officer|deadline|milestones?|timescales?)\b", re.I), "has actions with owners or deadlines")],
    "report": [(re.compile(r"performance report|progress report|monitoring report|exception report|annual report", re.I), "calls itself a report"),
               (re.compile(r"\bquarter\s*[1-4]\b|\bQ[1-4]\b|year[- ]end|on track|off track|RAG|red/amber/green", re.I), "reports performance by period")],
}


def classify(doc: Document) -> tuple[str, str]:
    if not doc.readable:
        return "other", "no text could be read"
    title = _title(doc)
    body = "\n".join(b.text for b in doc.blocks[:200])
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for kind, cues in _CUES.items():
        for pattern, reason in cues:
            in_title = bool(pattern.search(title))
            hits = len(pattern.findall(body))
            score = (4.0 if in_title else 0.0) + min(hits, 5) * 0.5
            if score:
                scores[kind] = scores.get(kind, 0.0) + score
                reasons.setdefault(kind, []).append(reason + (" in its title" if in_title else ""))
    if not scores:
        return "other", "no cue of any kind of LAA paper"
    # A minutes' title ('Partnership Board: Minutes') outranks an agenda item that names the LAA.
    best = max(KINDS, key=lambda k: scores.get(k, 0.0))
    if scores.get(best, 0.0) < 1.5:
        return "other", "only weak cues: " + "; ".join(reasons.get(best, []))
    return best, "; ".join(dict.fromkeys(reasons[best]))


def _title(doc: Document) -> str:
    """The first heading, or failing that the first block, of the first page."""
    for block in doc.blocks[:8]:
        if block.kind == "heading":
            return block.text
    return doc.blocks[0].text if doc.blocks else ""
