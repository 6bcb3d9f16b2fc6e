"""When a document was made, and the period it covers, from what it says: the meeting date of minutes,
'approved/agreed/adopted on <date>', a plan period in the title ('2006-2009'), and later reviews
('reviewed/refreshed/updated in <date>'). Every date keeps its evidence."""

from __future__ import annotations

import re

from ..findings import Evidence
from ..pack import AnalysedDocument, DatedFact
from .dates import find_dates, find_periods

_CUES = [
    ("meeting", re.compile(r"meeting\s+(?:of\s+[^.]{0,60}?\s+)?(?:was\s+)?held|held\s+on|date of meeting", re.I)),
    ("approved", re.compile(r"\b(?:approved|agreed|adopted|endorsed|signed(?:\s+off)?|ratified)\b", re.I)),
    ("dated", re.compile(r"\b(?:dated?|published|issued|version\s+date)\b\s*:?", re.I)),
]
_REVIEW = re.compile(r"\b(?:reviewed|refreshed|revised|updated|re-?issued|amended)\b|\b(?:review|refresh|revision|update)\s+(?:of|was|took place|completed|in)\b", re.I)
_FORWARD = re.compile(r"\b(?:will|to be|next|due|planned|by)\b", re.I)


def date_document(ad: AnalysedDocument) -> None:
    doc = ad.doc
    front = [b for b in doc.blocks if b.kind != "table"][:12]
    for cue, pattern in _CUES:
        for block in front:
            m = pattern.search(block.text)
            if not m:
                continue
            dates = [d for d in find_dates(block.text) if d.start >= m.start() - 40]
            if dates:
                d = dates[0]
                ad.date = DatedFact(d.value, _evidence(block, d.start, d.end, doc.id), cue)
                break
        if ad.date:
            break
    for block in front[:4]:
        periods = find_periods(block.text)
        if periods:
            p = periods[0]
            ad.period = (p.start, p.end)
            ad.period_evidence = _evidence(block, p.offset, p.offset + len(p.text), doc.id)
            break
    if ad.date is None and ad.period is not None:
        ad.date = DatedFact(ad.period[0], ad.period_evidence, "period")
    if ad.date is None:
        for block in front:
            dates = [d for d in find_dates(block.text) if d.precision == "day"]
            if dates:
                ad.date = DatedFact(dates[0].value, _evidence(block, dates[0].start, dates[0].end, doc.id), "first-date")
                break
    for block in doc.blocks:
        if block.kind == "table":
            continue
        for m in _REVIEW.finditer(block.text):
            sentence_start = max(block.text.rfind(".", 0, m.start()) + 1, 0)
            sentence_end = block.text.find(".", m.end())
            sentence_end = len(block.text) if sentence_end < 0 else sentence_end
            if _FORWARD.search(block.text[sentence_start:m.start()]):
                continue  # 'will be reviewed in 2009' is an intention, not a review
            for d in find_dates(block.text[sentence_start:sentence_end]):
                ad.reviews.append(DatedFact(d.value, _evidence(block, sentence_start + d.start,
                                                               sentence_start + d.end, doc.id, whole=True), "reviewed"))


def _evidence(block, start: int, end: int, doc_id: str, whole: bool = True) -> Evidence:
    """Quote the whole block (short) or the sentence around the date, so the reviewer sees the cue."""
    text = block.text
    if whole and len(text) <= 300:
        s, e = 0, len(text)
    else:
        s = max(text.rfind(".", 0, start) + 1, 0)
        e = text.find(".", end)
        e = len(text) if e < 0 else e + 1
        while s < e and text[s] == " ":
            s += 1
    return Evidence(doc_id, block.page, text[s:e], {"block": block.index, "char_start": s, "char_end": e,
                                                    "date_text": text[start:end]})
