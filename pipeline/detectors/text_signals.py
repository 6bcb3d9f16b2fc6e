"""The trained text classifiers as a detector: every sentence of every readable document is scored for
every text signal; a sentence above its signal's threshold becomes a finding with the sentence as
evidence and the model's probability as confidence."""

from __future__ import annotations

from ..findings import Finding
from ..framework import load_framework
from ..pack import Pack
from ..settings import Settings
from .registry import detector

TEXT_SIGNALS = [s.id for s in load_framework().signals_of_kind("text")]


@detector("model:text-signals", signals=TEXT_SIGNALS)
def text_signal_model(pack: Pack, settings: Settings):
    """Sentences the text model scored above a signal's threshold (scored during analysis, in the worker
    that read the document), the most probable first, at most max_model_findings_per_signal per signal."""
    scored: dict[str, list[tuple[float, float, object, str]]] = {}
    for ad in pack.readable():
        for index, signal, prob, threshold in ad.signal_scores:
            scored.setdefault(signal, []).append((prob, threshold, ad.sentences[index], ad.model_version))
    for signal, hits in scored.items():
        for prob, threshold, sentence, version in sorted(hits, key=lambda h: -h[0])[
                : settings.max_model_findings_per_signal]:
            yield Finding(signal, version, f"The passage reads as '{signal}' to the text classifier "
                          f"(probability {prob:.2f}, threshold {threshold:.2f}).", [sentence.evidence()],
                          confidence=prob)
