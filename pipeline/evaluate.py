"""`make evaluate`: the shipped model on the fixed test split. Precision, recall and F1 per signal and
overall, and which signals are mistaken for which; written to reports/evaluation.{json,md}."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from .corpus import load_corpus
from .framework import load_framework


def score(pred: np.ndarray, y: np.ndarray, signals: list[str]) -> dict:
    """Precision, recall and F1 per signal and overall, from decisions (see models.decide) and labels."""
    per = {}
    for j, s in enumerate(signals):
        tp = int((pred[:, j] & (y[:, j] == 1)).sum())
        fp = int((pred[:, j] & (y[:, j] == 0)).sum())
        fn = int((~pred[:, j] & (y[:, j] == 1)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[s] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": int(y[:, j].sum()),
                  "tp": tp, "fp": fp, "fn": fn}
    tp = sum(v["tp"] for v in per.values())
    fp = sum(v["fp"] for v in per.values())
    fn = sum(v["fn"] for v in per.values())
    micro_p = tp / (tp + fp) if tp + fp else 0.0
    micro_r = tp / (tp + fn) if tp + fn else 0.0
    scored = [v for v in per.values() if v["support"]]
    return {
        "per_signal": per,
        "macro": {k: round(float(np.mean([v[k] for v in scored])), 4) for k in ("precision", "recall", "f1")},
        "micro": {"precision": round(micro_p, 4), "recall": round(micro_r, 4),
                  "f1": round(2 * micro_p * micro_r / (micro_p + micro_r), 4) if micro_p + micro_r else 0.0},
        "worst_signal": min((s for s in per if per[s]["support"]), key=lambda s: per[s]["f1"], default=None),
    }


def confusions(pred: np.ndarray, y: np.ndarray, signals: list[str]) -> list[dict]:
    """Predicted signal X on a passage labelled Y (not X): the pairs most often mistaken, most frequent first."""
    pairs: Counter = Counter()
    for r in range(len(y)):
        true = {signals[j] for j in np.flatnonzero(y[r])}
        for j in np.flatnonzero(pred[r]):
            if signals[j] in true:
                continue
            for t in true or {"(none)"}:
                pairs[(t, signals[j])] += 1
    return [{"labelled": t, "predicted": p, "count": n} for (t, p), n in pairs.most_common()]


def evaluate(settings, corpus_dir: Path, out_dir: Path) -> dict:
    from .models import decide, load_model
    from .train import label_matrix

    model = load_model(settings, required=True)
    passages = [p for p in load_corpus(corpus_dir, load_framework()) if p.split == "test"]
    signals = model.signals
    probs = model.predict_proba([p.text for p in passages], settings.cache_dir)
    y = label_matrix(passages, signals)
    pred = decide(probs, model.thresholds, settings.max_signals_per_sentence)
    metrics = score(pred, y, signals)
    result = {"model": model.detector, "test_passages": len(passages), "metrics": metrics,
              "confusions": confusions(pred, y, signals)[:40],
              "matches_card": metrics["macro"] == model.card["test_metrics"]["macro"]}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "evaluation.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    (out_dir / "evaluation.md").write_text(_markdown(result, signals), encoding="utf-8")
    return result


def _markdown(result: dict, signals: list[str]) -> str:
    m = result["metrics"]
    lines = [f"# Evaluation of {result['model']} on the test split ({result['test_passages']} passages)", "",
             f"Macro F1 {m['macro']['f1']:.3f} (P {m['macro']['precision']:.3f}, R {m['macro']['recall']:.3f}); "
             f"micro F1 {m['micro']['f1']:.3f}. Same as the model card: {result['matches_card']}.", "",
             "| signal | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for s in signals:
        r = m["per_signal"][s]
        lines.append(f"| {s} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | {r['support']} |")
    lines += ["", "## Most frequent confusions (labelled -> predicted)", "", "| labelled | predicted | count |",
              "|---|---|---|"]
    lines += [f"| {c['labelled']} | {c['predicted']} | {c['count']} |" for c in result["confusions"][:25]]
    return "\n".join(lines) + "\n"
