"""The trained text classifiers as a detector: every sentence of every readable document is scored for
every text signal; a sentence above its signal's threshold becomes a finding with the sentence as
evidence and the model's probability as confidence."""

from __future__ import annotations

import numpy as np

from ..findings import Finding
from ..framework import load_framework
from ..models import load_model
from ..pack import Pack
from ..settings import Settings
from .registry import detector

TEXT_SIGNALS = [s.id for s in load_framework().signals_of_kind("text")]


@detector("model:text-signals", signals=TEXT_SIGNALS)
def text_signal_model(pack: Pack, settings: Settings):
    model = load_model(settings)
    if model is None:
        return
    sentences = [s for s in pack.sentences() if len(s.text.split()) >= settings.min_sentence_words]
    if not sentences:
        return
    probs = model.predict_proba([s.text for s in sentences])
    above = probs >= model.thresholds
    signals = model.signals
    for j in np.flatnonzero(above.any(axis=0)):
        rows = np.flatnonzero(above[:, j])
        ranked = rows[np.argsort(-probs[rows, j])][: settings.max_model_findings_per_signal]
        for r in ranked:
            s = sentences[r]
            p = float(probs[r, j])
            yield Finding(signals[j], model.detector,
                          f"The passage reads as '{signals[j]}' to the text classifier (probability {p:.2f}, "
                          f"threshold {model.thresholds[j]:.2f}).", [s.evidence()], confidence=p)
