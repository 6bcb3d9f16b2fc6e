"""Detectors, grouped by what they read: target and action tables, priority lists, document dates,
prose (trained models). Importing a module registers its detectors."""

from .registry import REGISTRY, Detector, detector, run_detectors


def load_all() -> None:
    from . import absence, crossdoc, dates, priorities, prose_targets, targets, text_signals, trajectories  # noqa: F401  (registration by import)


__all__ = ["REGISTRY", "Detector", "detector", "run_detectors", "load_all"]
