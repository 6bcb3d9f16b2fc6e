# laa-review: the two commands a user needs are `make review` and `make test`.
# Everything else (virtual environment, packages, system packages) is set up on first use.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DOC    ?= corpora/samples/northmoor
OUT    ?=
OUT_ARG := $(if $(OUT),--out "$(OUT)",)

.PHONY: setup review review-batch test train evaluate finetune bench samples system-deps clean

setup: $(STAMP)

# Install the project and its pinned dependencies into a local virtual environment.
$(STAMP): pyproject.toml constraints.txt
	@bash tools/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==25.3
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

system-deps:
	@bash tools/system-deps.sh

review: $(STAMP)
	$(VENV)/bin/laa-review review "$(DOC)" $(OUT_ARG)

review-batch: $(STAMP)
	$(VENV)/bin/laa-review batch "$(DIR)" $(OUT_ARG)

test: $(STAMP)
	$(PY) -m pytest

train: $(STAMP)
	$(VENV)/bin/laa-review train

evaluate: $(STAMP)
	$(VENV)/bin/laa-review evaluate

# Re-tune the sentence encoder (slow: about 50 minutes on two cores; needs the `finetune` extra), then retrain.
finetune: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[finetune]"
	$(PY) -m tools.finetune
	$(VENV)/bin/laa-review train

bench: $(STAMP)
	$(PY) -m tools.bench

# Rebuild the sample pack in corpora/samples/ (its files are committed; this is how they were made).
samples: $(STAMP)
	$(PY) -m tools.make_samples

clean:
	rm -rf $(VENV) .pytest_cache
