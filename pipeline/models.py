"""Saving, loading and applying the trained text classifiers in models/.

Models are stored with skops, which rebuilds objects from a declared list of types instead of unpickling;
`load_model` refuses a file that asks for any type outside TRUSTED_TYPES. Each model has a card
(models/<name>.card.json) with its training data hash, parameters, thresholds and test metrics.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ModelError
from .settings import Settings
from .textprep import prepare

MODEL_NAME = "text-signals"
# Types a text-signals model is made of, beyond those skops trusts by default.
TRUSTED_TYPES = [
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._label.LabelBinarizer",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "builtins.dict",
    "scipy.sparse._csr.csr_matrix",
]


@dataclass
class TextModel:
    pipeline: object
    card: dict
    version: str

    @property
    def signals(self) -> list[str]:
        return self.card["signals"]

    @property
    def thresholds(self) -> np.ndarray:
        return np.array([self.card["thresholds"][s] for s in self.signals])

    @property
    def detector(self) -> str:
        return f"model:{self.card['model']}@{self.version}"

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.signals)))
        return self.pipeline.predict_proba(prepare(texts))


def _paths(models_dir: Path, name: str = MODEL_NAME) -> tuple[Path, Path]:
    return Path(models_dir) / f"{name}.skops", Path(models_dir) / f"{name}.card.json"


def file_version(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def save_model(pipeline, card: dict, models_dir: Path) -> str:
    import skops.io as sio

    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    model_path, card_path = _paths(models_dir, card["model"])
    sio.dump(pipeline, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    version = file_version(model_path)
    card = {**card, "version": version, "file": model_path.name}
    card_path.write_text(json.dumps(card, indent=2), encoding="utf-8")
    (models_dir / f"{card['model']}.card.md").write_text(card_markdown(card), encoding="utf-8")
    return version


@lru_cache(maxsize=2)
def _load_cached(model_path: str, stamp: float) -> TextModel:
    import skops.io as sio

    path = Path(model_path)
    card_path = path.with_name(path.name.replace(".skops", ".card.json"))
    try:
        untrusted = set(sio.get_untrusted_types(file=path)) - set(TRUSTED_TYPES)
        if untrusted:
            raise ModelError(f"{path.name} asks for types that are not trusted: {sorted(untrusted)[:3]}")
        pipeline = sio.load(path, trusted=TRUSTED_TYPES)
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"the model {path.name} could not be loaded ({type(exc).__name__}); run `make train`") from None
    version = file_version(path)
    if card.get("version") != version:
        raise ModelError(f"{path.name} does not match its model card; run `make train`")
    return TextModel(pipeline, card, version)


def load_model(settings: Settings, required: bool = False) -> TextModel | None:
    model_path, _ = _paths(settings.models_dir)
    if not settings.use_text_models or not model_path.exists():
        if required:
            raise ModelError(f"no trained model at {model_path}; run `make train`")
        return None
    return _load_cached(str(model_path), model_path.stat().st_mtime)


def models_in_use(settings: Settings) -> dict[str, str]:
    model = load_model(settings)
    return {model.card["model"]: model.version} if model else {}


def card_markdown(card: dict) -> str:
    m = card["test_metrics"]
    lines = [f"# Model card: {card['model']}@{card['version']}", "",
             f"- Trained: {card['trained']} with laa-review {card['tool_version']} in {card['training_seconds']} s",
             f"- Training data: `{card['training_data']['corpus']}`, sha256 `{card['training_data']['sha256']}`; "
             f"{card['training_data']['train']} training and {card['training_data']['test']} test passages",
             f"- Parameters: {json.dumps(card['parameters'])}",
             "- Method: TF-IDF word n-grams (negation-marked) and character n-grams, one class-balanced logistic regression per signal; thresholds chosen "
             "on 5-fold out-of-fold predictions over the training split; metrics on the fixed test split.",
             "", f"Test split: macro F1 **{m['macro']['f1']:.3f}** (P {m['macro']['precision']:.3f}, "
             f"R {m['macro']['recall']:.3f}); micro F1 {m['micro']['f1']:.3f}.", "",
             "| signal | threshold | precision | recall | F1 | test positives |", "|---|---|---|---|---|---|"]
    for s in card["signals"]:
        r = m["per_signal"][s]
        lines.append(f"| {s} | {card['thresholds'][s]:.2f} | {r['precision']:.2f} | {r['recall']:.2f} | "
                     f"{r['f1']:.2f} | {r['support']} |")
    return "\n".join(lines) + "\n"
