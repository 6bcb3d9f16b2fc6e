"""Targets written as prose with nothing to measure: 'we will improve...', 'aim to reduce...' in a
sentence that carries no figure and no date. spaCy's entities tell whether a figure or date is there."""

from __future__ import annotations

import re

from ..findings import Finding
from ..pack import Pack
from ..settings import Settings
from .registry import detector

_COMMITMENT = re.compile(
    r"\b(?:we|the partnership|partners|the council|the board)\s+(?:will|shall|intend to|aim to|plan to|are committed to|commit to)\b"
    r"|\b(?:aims?|seeks?|targets?|ambition|objective|goal)\s+(?:is\s+)?to\b|^\s*targets?\s*:", re.I)
_CHANGE = re.compile(r"\b(?:improv|increas|reduc|rais|lower|decreas|boost|narrow|enhanc|maximis|minimis|cut|halv|grow)\w*", re.I)
_FIGURE_ENTITIES = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY")
PLANNING_KINDS = ("laa", "plan", "strategy")


@detector("rule:prose-target", signals=["unquantified-target"])
def prose_unquantified_targets(pack: Pack, settings: Settings):
    for ad in pack.of_kind(*PLANNING_KINDS):
        for sentence in ad.sentences:
            text = sentence.text
            commitment = _COMMITMENT.search(text)
            if not commitment or not _CHANGE.search(text, commitment.start()):
                continue
            has_figure = sentence.has_entity(*_FIGURE_ENTITIES) or re.search(r"\d", text)
            has_date = sentence.has_entity("DATE")
            if has_figure or has_date or text.rstrip().endswith("?"):
                continue
            verb = _CHANGE.search(text, commitment.start()).group(0)
            yield Finding("unquantified-target", "",
                          f"An intention to '{verb}' with no figure and no date to measure it by.",
                          [sentence.evidence()], confidence=0.7)
