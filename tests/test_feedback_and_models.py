"""Analysts' loop: the shipped model loads safely and matches its card; reviewers' corrections become
labelled passages; the corpus keeps its schema and fixed test split."""

import hashlib
import json

import numpy as np
import pytest

from pipeline.corpus import load_corpus
from pipeline.errors import LaaReviewError, ModelError
from pipeline.feedback import import_feedback
from pipeline.framework import load_framework
from pipeline.models import load_model, models_in_use
from pipeline.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpora" / "text"


def test_corpus_schema_and_fixed_split():
    fw = load_framework()
    passages = load_corpus(CORPUS, fw)
    assert all(p.split in ("train", "dev", "test") for p in passages)
    assert 0.06 < sum(p.split == "dev" for p in passages) / len(passages) < 0.10  # a tenth of train
    text_signals = [s.id for s in fw.signals_of_kind("text")]
    for signal in text_signals:
        positives = [p for p in passages if signal in p.labels]
        assert len(positives) >= 30, signal
        assert any(p.split == "test" for p in positives) and any(p.split == "train" for p in positives)
    assert sum(not p.labels for p in passages) >= 500  # neutral passages and hard negatives


def test_shipped_model_loads_and_matches_its_card(settings):
    model = load_model(settings, required=True)
    encoder_card = json.loads((settings.models_dir / "text-encoder.card.json").read_text())
    assert models_in_use(settings) == {"text-signals": model.version, "text-encoder": encoder_card["sha256"][:12]}
    # the encoder was tuned on the train split only, so thresholds chosen on dev are honest
    assert encoder_card["training_data"]["split"] == "train" and model.card["training_data"]["dev"] > 1000
    assert model.signals == [s.id for s in load_framework().signals_of_kind("text")]
    probs = model.predict_proba(["Performance is reported to the LSP board every quarter against each trajectory.",
                                 "Apologies were received from Cllr Jones."])
    assert probs.shape == (2, len(model.signals)) and np.all((probs >= 0) & (probs <= 1))
    assert model.card["test_metrics"]["macro"]["f1"] > 0.5
    assert model.card["training_data"]["sha256"]


def test_a_tampered_model_is_refused(settings, tmp_path):
    import shutil

    models = tmp_path / "models"
    shutil.copytree(settings.models_dir, models)
    card = json.loads((models / "text-signals.card.json").read_text())
    card["version"] = "000000000000"
    (models / "text-signals.card.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="does not match its model card"):
        load_model(settings.replace(models_dir=models))
    (models / "text-signals.npz").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="could not be loaded"):
        load_model(settings.replace(models_dir=models))


def test_a_changed_encoder_is_refused(settings, tmp_path):
    import shutil

    models = tmp_path / "models"
    shutil.copytree(settings.models_dir, models)
    onnx = models / "text-encoder.onnx"
    original = onnx.read_bytes()
    onnx.write_bytes(original[:-1000])  # damaged, or swapped for one its card does not describe
    with pytest.raises(ModelError, match="text-encoder.onnx does not match its card"):
        load_model(settings.replace(models_dir=models))
    # A working encoder the classifiers were not trained with (one protobuf field more: same graph, new hash).
    onnx.write_bytes(original + b"\x78\x01")
    card = json.loads((models / "text-encoder.card.json").read_text())
    card["sha256"] = hashlib.sha256(onnx.read_bytes()).hexdigest()  # a re-tuned encoder
    (models / "text-encoder.card.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="was trained with text encoder"):
        load_model(settings.replace(models_dir=models))


def test_feedback_becomes_labelled_passages(sample_review, tmp_path):
    data = sample_review.data
    prose = next(f for f in data["findings"] if f["detector"].startswith("model:") and len(f["evidence"]) == 1)
    table = next(f for f in data["findings"] if "table" in f["evidence"][0]["location"])
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("\n".join(json.dumps(x) for x in [
        {"finding": prose["id"], "verdict": "wrong", "signal": "lip-service", "note": "rhetoric only"},
        {"finding": table["id"], "verdict": "right"},
        {"finding": "F999", "verdict": "right"}]) + "\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    added, skipped = import_feedback(feedback, sample_review.out_dir / "review.json", corpus)
    assert added == 1 and len(skipped) == 2  # the table finding is a rule's; F999 does not exist
    row = json.loads((corpus / "feedback.jsonl").read_text())
    assert row["text"] == prose["evidence"][0]["quote"] and row["labels"] == ["lip-service"]
    assert row["split"] == "train" and row["source"] == "feedback:northmoor" and "rhetoric only" in row["notes"]
    assert import_feedback(feedback, sample_review.out_dir / "review.json", corpus)[0] == 0  # no duplicates
    feedback.write_text('{"finding": "F001", "verdict": "maybe"}\n')
    with pytest.raises(LaaReviewError, match="verdict"):
        import_feedback(feedback, sample_review.out_dir / "review.json", corpus)


def test_corpus_does_not_copy_the_texts_the_tests_judge_it_on():
    """The packs the tests review must be unseen text: no corpus passage may share half its words with a
    sentence of the test packs, the unseen pack or the sample pack."""
    import ast
    import re

    def words(text):
        return set(re.findall(r"[a-z]{3,}", text.lower()))

    sources = ["tests/packs.py", "tests/test_unseen_pack.py", "tools/make_samples.py"]
    judged = [words(node.value) for src in sources
              for node in ast.walk(ast.parse((PROJECT_ROOT / src).read_text()))
              if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(words(node.value)) >= 4]
    copies = [p.text for p in load_corpus(CORPUS, load_framework())
              if any(len(words(p.text) & w) / len(words(p.text) | w) >= 0.5 for w in judged)]
    assert copies == []


def test_a_sentence_embeds_the_same_whatever_it_is_read_with(settings):
    """A finding's confidence must not depend on which document or batch the sentence came in."""
    from pipeline.encoder import load_encoder

    sentence = "Any target red for two quarters goes to the Executive."
    company = ["Minutes.", "The Board noted the quarterly scorecard, which covers every LAA indicator, and asked the "
               "theme chairs to bring exception reports on NI 117, NI 152 and NI 16 to its March meeting."]
    alone = load_encoder(settings.models_dir, threads=1).embed([sentence])[0]
    for threads in (1, 2):
        together = load_encoder(settings.models_dir, threads=threads).embed(company + [sentence])
        assert np.array_equal(together[2], alone)


def test_the_encoder_computes_in_float_so_padding_and_cpu_do_not_move_a_sentence(settings):
    """With integer kernels the activations are quantised per run (a padded batch-mate moves a sentence by up to
    0.16 per dimension) and int8 products saturate on CPUs without AVX512-VNNI, so the same pack was judged
    differently on two machines. In float, a sentence padded into a batch scores as it does alone, to rounding."""
    from pipeline.encoder import load_encoder

    encoder = load_encoder(settings.models_dir)
    sentence = "Any target red for two quarters goes to the Executive."
    longer = ("The Board noted the quarterly scorecard, which covers every LAA indicator, and asked the theme "
              "chairs to bring exception reports on NI 117, NI 152 and NI 16 to its March meeting.")
    short, long_ = encoder.tokenizer.encode(sentence), encoder.tokenizer.encode(longer)
    width = len(long_.ids)
    ids = np.array([short.ids + [0] * (width - len(short.ids)), long_.ids], dtype=np.int64)
    mask = np.array([[1] * len(short.ids) + [0] * (width - len(short.ids)), [1] * width], dtype=np.int64)
    padded = encoder.session.run(None, {"input_ids": ids, "attention_mask": mask})[0][0]
    assert np.abs(padded - encoder.embed([sentence])[0]).max() < 1e-4


def test_encoder_embeddings_are_cached_by_content(settings, tmp_path):
    from pipeline.encoder import CACHE_FORMAT, load_encoder

    encoder = load_encoder(settings.models_dir)
    texts = ["Red indicators were noted and the Board moved on.", "The scorecard goes to the Executive monthly."]
    first = encoder.embed_cached(texts, tmp_path)
    assert np.allclose(first, encoder.embed(texts), atol=1e-5) and first.shape == (2, 384)
    again = encoder.embed_cached([texts[1], "A third passage, not seen before."], tmp_path)
    assert np.array_equal(again[0], first[1])
    with np.load(tmp_path / f"text-encoder-{encoder.version}-{CACHE_FORMAT}.npz") as cache:
        assert len(cache["keys"]) == 3


def test_the_neighbour_vote_follows_the_nearest_labelled_passages():
    from pipeline.models import neighbour_vote, unit_rows

    rng = np.random.default_rng(7)
    centre_a, centre_b = rng.normal(size=384), rng.normal(size=384)
    references = unit_rows(np.vstack([centre_a + 0.2 * rng.normal(size=(6, 384)),
                                      centre_b + 0.2 * rng.normal(size=(6, 384))]))
    labels = np.array([[1, 0]] * 6 + [[0, 1]] * 6)
    votes = neighbour_vote(np.vstack([centre_a, centre_b]), references, labels, k=6, temperature=0.05)
    assert votes[0, 0] > 0.99 and votes[0, 1] < 0.01 and votes[1, 1] > 0.99
    # halfway between the two groups, with every passage voting and a flat temperature, the vote splits
    between = neighbour_vote(((centre_a + centre_b) / 2)[None], references, labels, k=12, temperature=10.0)
    assert 0.4 < between[0, 0] < 0.6 and between.sum() == pytest.approx(1.0)
    # a sharp temperature lets a near-copy of one passage outvote looser matches with other labels
    mixed = unit_rows(np.vstack([references[:1], centre_b + 0.6 * rng.normal(size=(4, 384))]))
    near_copy = neighbour_vote(references[:1] + 1e-3, mixed, labels[[0, 6, 7, 8, 9]], k=5, temperature=0.02)
    assert near_copy[0, 0] > 0.9
    assert neighbour_vote(np.zeros((0, 384)), references, labels, 5, 0.05).shape == (0, 2)
