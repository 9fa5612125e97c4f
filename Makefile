# The two commands a newcomer needs: `make run` and `make test`. Both create the virtual environment from
# the lock file first when it is missing or older than the lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
RAW_DIR ?= raw
OUT_DIR ?= outputs
PYTEST_ARGS ?=

# Offline, quiet, project-local Prefect state for every run and test.
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120
export GX_ANALYTICS_ENABLED := false

BENCH_STAMP := $(VENV)/.installed-bench-lock

.PHONY: setup run test test-fast explore lint generate lock bench bench-large bench-setup bench-sentences bench-lock clean

setup: $(STAMP)

$(STAMP): requirements.lock requirements-pip.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(BIN)/corpus-pipeline run --raw-dir $(RAW_DIR) --out-dir $(OUT_DIR)

lint: setup
	$(BIN)/ruff check flows transforms tests benchmarks
	$(BIN)/mypy
	$(BIN)/corpus-pipeline generate --check

test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

# Everything but the end-to-end flow runs (each starts a temporary Prefect server).
test-fast: lint
	$(BIN)/pytest -m "not e2e" $(PYTEST_ARGS)

# The property tests with fresh random examples (``make test`` draws the same ones on every run).
explore: setup
	HYPOTHESIS_PROFILE=explore $(BIN)/pytest tests/transforms/test_properties.py $(PYTEST_ARGS)

# Benchmarks (benchmarks/); the peers they compare against are pinned in requirements-bench.lock.
bench-setup: $(BENCH_STAMP)

$(BENCH_STAMP): requirements-bench.lock $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bench.lock
	touch $(BENCH_STAMP)

bench-sentences: bench-setup
	$(BIN)/python -m benchmarks.sentences

# The segmenter before the page-structure parser: segmentation may take at most 1.10x its instructions.
SEGMENT_BASELINE := 53baa68

bench: bench-setup
	rm -f .bench-results.jsonl
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.peers --mb 10
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.scale stages --mb 10 100
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.scale flow --mb 100 --rounds 3
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.sentences
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.incremental
	BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.driver
	if command -v valgrind >/dev/null; then \
	  BENCH_RESULTS=.bench-results.jsonl $(BIN)/python -m benchmarks.instructions $(SEGMENT_BASELINE) --limit 1.10; \
	else echo "valgrind is not installed: instruction counts skipped"; fi
	$(BIN)/python -m benchmarks.results .bench-results.jsonl docs/performance.md

# The 1000 MB figures (a few minutes, and ~10 GB of temporary files at the peak).
bench-large: setup
	$(BIN)/python -m benchmarks.scale flow --mb 1000
	$(BIN)/python -m benchmarks.incremental --mb 1000 --repeat 1

bench-lock: setup
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements-bench.in --python-version 3.11 --generate-hashes --quiet -o requirements-bench.lock

# Regenerate expectations/*.json and docs/data_dictionary.md after editing transforms/schema.py.
generate: setup
	$(BIN)/corpus-pipeline generate --write

# Re-pin every dependency (with hashes) from requirements.in.
lock: setup
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements.in --python-version 3.11 --generate-hashes --quiet -o requirements.lock

clean:
	rm -rf $(VENV) .prefect .pytest_cache .mypy_cache .ruff_cache
