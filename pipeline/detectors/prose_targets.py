"""Targets written as prose with nothing to measure: 'we will improve...', 'aim to reduce...' in a
sentence that carries no figure and no date. spaCy's entities tell whether a figure or date is there."""

from __future__ import annotations

import re

from ..analyse.language import CHANGE, COMMITMENT, is_target_like
from ..findings import Finding
from ..pack import Pack
from ..settings import Settings
from .registry import detector

_FIGURE_ENTITIES = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY")
PLANNING_KINDS = ("laa", "plan", "strategy")


@detector("rule:prose-target", signals=["unquantified-target"])
def prose_unquantified_targets(pack: Pack, settings: Settings):
    for ad in pack.of_kind(*PLANNING_KINDS):
        for sentence in ad.sentences:
            text = sentence.text
            if not is_target_like(text):
                continue
            has_figure = sentence.has_entity(*_FIGURE_ENTITIES) or re.search(r"\d", text)
            has_date = sentence.has_entity("DATE")
            if has_figure or has_date or text.rstrip().endswith("?"):
                continue
            verb = CHANGE.search(text, COMMITMENT.search(text).start()).group(0)
            yield Finding("unquantified-target", "",
                          f"An intention to '{verb}' with no figure and no date to measure it by.",
                          [sentence.evidence()], confidence=0.7)
