"""Saving, loading and applying the trained text classifiers in models/.

The text model blends three estimates per signal (see train.py): a linear SVM over TF-IDF n-grams, a
logistic regression over the fine-tuned sentence encoder's embeddings (encoder.py), and a vote of the most
similar labelled passages in that embedding space. Each gives a probability; the model's probability is
their weighted mean.

A model is stored as plain data, never as pickled objects: models/<name>.npz (numpy arrays, read with
allow_pickle=False: the idf weights, both classifiers' coefficients, and the labelled passages' embeddings
(float16) and labels for the neighbour vote) and models/<name>.vocab.json (the
vectorisers' settings and vocabularies, and which encoder the embedding classifier was trained on).
Loading rebuilds scikit-learn TfidfVectorizers from that data and scores with the stored linear weights,
so a model file can carry no code. (skops was tried first: it is safe too, but took 10-15 s to load this
model in every process, against well under a second here.) Each model has a card
(models/<name>.card.json and .md): training data hash, parameters, thresholds, test metrics.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer

from .encoder import Encoder, load_encoder
from .errors import ModelError
from .settings import Settings
from .textprep import prepare

MODEL_NAME = "text-signals"
_WORDS = re.compile(r"[A-Za-z]{2,}")  # words, not bullets, numbers or stray letters
VOTE_CHUNK = 512  # sentences per similarity product in the neighbour vote: 512 x 20,000 floats, 40 MB
VECTORISER_PARAMS = ("analyzer", "ngram_range", "lowercase", "strip_accents", "token_pattern", "sublinear_tf",
                     "norm", "use_idf", "smooth_idf")


def calibrate(scores: np.ndarray, sigmoid_a: np.ndarray, sigmoid_b: np.ndarray) -> np.ndarray:
    """SVM scores -> probabilities through each signal's Platt curve, p = 1 / (1 + exp(a * score + b))."""
    return expit(-(sigmoid_a * scores + sigmoid_b))


BLEND = ("svm", "embedding_classifier", "neighbours")  # the estimates blended, in this order


def blend(estimates: list[np.ndarray], weights: list[float]) -> np.ndarray:
    """The text model's probability: its estimates' weighted mean (in BLEND's order)."""
    return sum(w * p for w, p in zip(weights, estimates))


def neighbour_vote(queries: np.ndarray, references: np.ndarray, labels: np.ndarray, k: int,
                   temperature: float) -> np.ndarray:
    """For each query embedding, the share of its k most similar labelled passages (cosine similarity;
    `references` are unit rows, see unit_rows, so a model normalises them once) that carry each signal, each
    neighbour weighted by exp(similarity / temperature): a near-paraphrase of a labelled passage counts for
    more than a loose match. Queries go in chunks, so memory stays bounded. (A plain matrix
    product: scikit-learn's NearestNeighbors gave the same votes 45% slower, as it sorts and copies.)"""
    k = min(k, len(references))
    votes = np.zeros((len(queries), labels.shape[1]))
    for start in range(0, len(queries), VOTE_CHUNK):
        similarity = unit_rows(queries[start:start + VOTE_CHUNK]) @ references.T
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        near = np.take_along_axis(similarity, nearest, axis=1)
        weights = np.exp((near - near.max(axis=1, keepdims=True)) / temperature)  # shifted: no overflow
        weights /= weights.sum(axis=1, keepdims=True)
        votes[start:start + VOTE_CHUNK] = np.einsum("nk,nkj->nj", weights, labels[nearest])
    return votes


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


@dataclass
class TextModel:
    vectorisers: list[TfidfVectorizer]
    coef: np.ndarray  # signals x features
    intercept: np.ndarray  # signals
    sigmoid_a: np.ndarray  # Platt scaling per signal: p = 1 / (1 + exp(a * score + b))
    sigmoid_b: np.ndarray
    head_coef: np.ndarray | None  # the embedding classifier: signals x encoder dimensions (None: SVM only)
    head_intercept: np.ndarray | None
    neighbour_embeddings: np.ndarray | None  # the labelled passages the vote draws on, unit rows (None: no vote)
    neighbour_labels: np.ndarray | None  # passages x signals, 0/1
    encoder: Encoder | None
    card: dict
    version: str

    def __post_init__(self):
        # features x signals, in the sparse product's own precision, laid out once rather than per call
        self._weights = np.ascontiguousarray(self.coef.T, dtype=np.float64)

    @property
    def signals(self) -> list[str]:
        return self.card["signals"]

    @property
    def thresholds(self) -> np.ndarray:
        return np.array([self.card["thresholds"][s] for s in self.signals])

    @property
    def detector(self) -> str:
        return f"model:{self.card['model']}@{self.version}"

    def predict_proba(self, texts: list[str], cache_dir: Path | None = None) -> np.ndarray:
        """One probability per signal (independent logistic models: the labels are not exclusive).
        With cache_dir, embeddings are remembered there by content (training and evaluation re-read the corpus)."""
        if not texts:
            return np.zeros((0, len(self.signals)))
        prepared = prepare(texts)
        x = sp.hstack([v.transform(prepared) for v in self.vectorisers]).tocsr()
        scores = np.asarray(x @ self._weights) + self.intercept
        svm_probs = calibrate(scores, self.sigmoid_a, self.sigmoid_b)
        if self.encoder is None:
            return svm_probs
        embeddings = self.encoder.embed(texts) if cache_dir is None else self.encoder.embed_cached(texts, cache_dir)
        head_probs = expit(embeddings @ self.head_coef.T + self.head_intercept)
        votes = neighbour_vote(embeddings, self.neighbour_embeddings, self.neighbour_labels,
                               self.card["parameters"]["neighbours"], self.card["parameters"]["neighbour_temperature"])
        return blend([svm_probs, head_probs, votes], [self.card["blend"][name] for name in BLEND])


def _paths(models_dir: Path, name: str = MODEL_NAME) -> tuple[Path, Path, Path]:
    base = Path(models_dir)
    return base / f"{name}.npz", base / f"{name}.vocab.json", base / f"{name}.card.json"


def _version(arrays: dict[str, np.ndarray], vocab_text: str) -> str:
    """A content hash of the weights and vocabularies (not of the zip file, whose timestamps vary)."""
    digest = hashlib.sha256(vocab_text.encode("utf-8"))
    for key in sorted(arrays):
        digest.update(key.encode() + np.ascontiguousarray(arrays[key]).tobytes())
    return digest.hexdigest()[:12]


def save_model(pipeline, sigmoid_a: np.ndarray, sigmoid_b: np.ndarray, head, neighbours: tuple | None,
               card: dict, models_dir: Path) -> str:
    """Write a fitted features+classifier Pipeline, its Platt curves, the fitted embedding classifier
    (a one-vs-rest LogisticRegression, or None) and the neighbour vote's (embeddings, labels) as data;
    returns the model's version (content hash)."""
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    weights_path, vocab_path, card_path = _paths(models_dir, card["model"])
    union = pipeline.named_steps["features"]
    vocab, arrays = {}, {}
    for name, vec in union.transformer_list:
        params = {k: vec.get_params()[k] for k in VECTORISER_PARAMS}
        params["ngram_range"] = list(params["ngram_range"])
        vocab[name] = {"params": params,
                       "vocabulary": {t: int(i) for t, i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])}}
        arrays[f"idf_{name}"] = vec.idf_
    vocab["order"] = [name for name, _ in union.transformer_list]
    # the embedding classifier is only valid with the encoder it was trained on
    vocab["encoder"] = card["encoder"]["version"] if head is not None else None
    width = sum(len(vocab[n]["vocabulary"]) for n in vocab["order"])
    coef, intercept = _linear(pipeline.named_steps["classifier"], len(card["signals"]), width, never=0.0)
    arrays.update(coef=coef, intercept=intercept, sigmoid_a=np.asarray(sigmoid_a, dtype=float),
                  sigmoid_b=np.asarray(sigmoid_b, dtype=float))
    if head is not None:
        # a signal with no positive passage gets a logistic curve that never fires
        arrays["head_coef"], arrays["head_intercept"] = _linear(head, len(card["signals"]),
                                                                head.estimators_[0].n_features_in_, never=-30.0)
        embeddings, labels = neighbours
        arrays["neighbour_embeddings"] = np.asarray(embeddings, dtype=np.float16)
        arrays["neighbour_labels"] = np.asarray(labels, dtype=np.uint8)
    np.savez_compressed(weights_path, **arrays)
    vocab_text = json.dumps(vocab, ensure_ascii=False)
    vocab_path.write_text(vocab_text, encoding="utf-8")
    version = _version(arrays, vocab_text)
    card = {**card, "version": version, "files": [weights_path.name, vocab_path.name]}
    card_path.write_text(json.dumps(card, indent=2), encoding="utf-8")
    (models_dir / f"{card['model']}.card.md").write_text(card_markdown(card), encoding="utf-8")
    _load_cached.cache_clear()
    return version


def _linear(ovr, n_signals: int, width: int, never: float) -> tuple[np.ndarray, np.ndarray]:
    """A fitted OneVsRestClassifier's per-signal linear weights. A signal with no training positive has a
    constant predictor: its weights stay 0 and its intercept is `never`."""
    coef = np.zeros((n_signals, width), dtype=np.float32)
    intercept = np.full(n_signals, never)
    for j, est in enumerate(ovr.estimators_):
        if hasattr(est, "coef_"):
            coef[j] = est.coef_.ravel()
            intercept[j] = float(est.intercept_[0])
    return coef, intercept


def _encoder_threads() -> int:
    """Both cores for a review in one process; one each in the worker processes that share them."""
    return 1 if multiprocessing.parent_process() is not None else 2


@lru_cache(maxsize=2)
def _load_cached(weights: str, vocab: str, card: str, stamp: float) -> TextModel:
    try:
        with np.load(weights, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        vocab_text = Path(vocab).read_text(encoding="utf-8")
        spec = json.loads(vocab_text)
        card_data = json.loads(Path(card).read_text(encoding="utf-8"))
        vectorisers = []
        for name in spec["order"]:
            params = dict(spec[name]["params"], ngram_range=tuple(spec[name]["params"]["ngram_range"]))
            vec = TfidfVectorizer(vocabulary=spec[name]["vocabulary"], dtype=np.float64, **params)
            vec._validate_vocabulary()
            vec.idf_ = arrays[f"idf_{name}"]
            vectorisers.append(vec)
        encoder = None
        if spec.get("encoder"):
            encoder = load_encoder(Path(weights).parent, _encoder_threads())
            if encoder.version != spec["encoder"]:
                raise ModelError(f"{Path(weights).name} was trained with text encoder {spec['encoder']}, not "
                                 f"{encoder.version}; run `make train`")
        neighbours = arrays.get("neighbour_embeddings")
        model = TextModel(vectorisers, arrays["coef"], arrays["intercept"], arrays["sigmoid_a"], arrays["sigmoid_b"],
                          arrays.get("head_coef"), arrays.get("head_intercept"),
                          None if neighbours is None else unit_rows(neighbours), arrays.get("neighbour_labels"),
                          encoder, card_data, _version(arrays, vocab_text))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the model in {Path(weights).parent} could not be loaded ({type(exc).__name__}); "
                         "run `make train`") from None
    if card_data.get("version") != model.version:
        raise ModelError(f"{Path(weights).name} does not match its model card; run `make train`")
    if model.coef.shape != (len(model.signals), sum(len(v.vocabulary_) for v in vectorisers)):
        raise ModelError(f"{Path(weights).name} has the wrong shape for its vocabulary; run `make train`")
    return model


def load_model(settings: Settings, required: bool = False) -> TextModel | None:
    weights, vocab, card = _paths(settings.models_dir)
    if not settings.use_text_models or not weights.exists():
        if required:
            raise ModelError(f"no trained model at {weights}; run `make train`")
        return None
    return _load_cached(str(weights), str(vocab), str(card), weights.stat().st_mtime)


def decide(probs: np.ndarray, thresholds: np.ndarray, max_signals: int) -> np.ndarray:
    """Which signals a passage expresses: those above their thresholds, and of those at most `max_signals`
    (the ones cleared by the widest margin; 0 keeps all). The one decision rule for reviews, training and
    evaluation, so the metrics on the model card are the metrics of the review."""
    above = probs >= thresholds
    if max_signals > 0:
        # a sentence rarely says more than a thing or two: keep the signals it clears its threshold by most
        margin = np.where(above, probs - thresholds, -np.inf)
        ranked = np.argsort(-margin, axis=1, kind="stable")[:, :max_signals]
        keep = np.zeros_like(above)
        np.put_along_axis(keep, ranked, True, axis=1)
        above &= keep
    return above


def score_sentences(ad, settings: Settings) -> None:
    """Score every sentence of an analysed document with the text model; keep what clears a threshold.
    Runs where the document is analysed (a worker), so classification uses every core."""
    model = load_model(settings)
    if model is None or not ad.sentences:
        return
    chosen = [i for i, s in enumerate(ad.sentences) if len(_WORDS.findall(s.text)) >= settings.min_sentence_words]
    if not chosen:
        return
    probs = model.predict_proba([ad.sentences[i].text for i in chosen])
    above = decide(probs, model.thresholds, settings.max_signals_per_sentence)
    ad.model_version = model.detector
    thresholds = model.thresholds
    ad.signal_scores = [(chosen[r], model.signals[j], float(probs[r, j]), float(thresholds[j]))
                        for r, j in zip(*np.nonzero(above))]


def models_in_use(settings: Settings) -> dict[str, str]:
    """Model id -> version, from the model card (cheap: the weights are checked against it when loaded)."""
    weights, _, card = _paths(settings.models_dir)
    if not settings.use_text_models or not weights.exists():
        return {}
    try:
        data = json.loads(card.read_text(encoding="utf-8"))
        used = {data["model"]: data["version"]}
        if data.get("encoder"):
            used[data["encoder"]["model"]] = data["encoder"]["version"]
        return used
    except (OSError, ValueError, KeyError):
        raise ModelError(f"the model card {card.name} is missing or damaged; run `make train`") from None


def card_markdown(card: dict) -> str:
    m = card.get("test_metrics") or {}
    if not m.get("macro"):
        return f"# Model card: {card['model']}@{card['version']}\n\nTest metrics not yet measured.\n"
    lines = [f"# Model card: {card['model']}@{card['version']}", "",
             f"- Trained: {card['trained']} with laa-review {card['tool_version']} in {card['training_seconds']} s",
             f"- Training data: `{card['training_data']['corpus']}`, sha256 `{card['training_data']['sha256']}`; "
             f"{card['training_data']['train']} training and {card['training_data']['test']} test passages",
             f"- Parameters: {json.dumps(card['parameters'])}",
             f"- Method: {card['method']}",
             f"- Decision rule (reviews and metrics alike): {json.dumps(card.get('decision', {}))}",
             "", f"Test split: macro F1 **{m['macro']['f1']:.3f}** (P {m['macro']['precision']:.3f}, "
             f"R {m['macro']['recall']:.3f}); micro F1 {m['micro']['f1']:.3f}.", "",
             "| signal | threshold | precision | recall | F1 | test positives |", "|---|---|---|---|---|---|"]
    for s in card["signals"]:
        r = m["per_signal"][s]
        lines.append(f"| {s} | {card['thresholds'][s]:.2f} | {r['precision']:.2f} | {r['recall']:.2f} | "
                     f"{r['f1']:.2f} | {r['support']} |")
    return "\n".join(lines) + "\n"
