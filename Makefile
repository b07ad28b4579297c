# Clearpost: `make run` starts the bot (the local sandbox when no Slack credentials are set),
# `make test` runs the tests. Both build .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench bench-crossval train-privacy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/clearpost serve

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m benchmarks.privacy

bench-crossval: $(STAMP)
	$(BIN)/python -m benchmarks.privacy_crossval

# Retrain the privacy engine's tagger and confidence model from the labelled posts.
train-privacy: $(STAMP)
	$(BIN)/python -m policy.privacy.training

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
