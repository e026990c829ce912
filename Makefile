# dossier: the two commands
#   make serve   install what is missing, then serve the app on http://127.0.0.1:8080
#   make test    install what is missing (with Chromium), then run every test
# and a few more:
#   make dist    release build into dist/ (+ CSP, + dist/dossier.html, + sizes)
#   ARTICLES=DIR with serve, dist (or any build): bundle the articles of DIR
#                instead of assets/articles (e.g. ARTICLES=examples/wikinews-apple)
#   make e2e     end-to-end tests against the current dist/
#   make eval    score the analysis on ../shared/eval/meantime-dev
#   make eval-crossdoc  score entity linking across its articles (analyze --set)
#   make eval-import  score the extraction of saved pages on ../shared/eval/html-dev
#   make eval-reference  score compromise the same way, body and whole file
#                (which scope the reference figures of ../shared were measured on)
#   make bench   analysis throughput (native, WASM in Chromium, compromise),
#                then first paint, interaction and bundle breakdown
#   make bench-scale  build time, size and first paint against article size
#                and set size (10 release builds of generated sets, ~5 min)
#   make soak    long soak against dist/ (SOAK_MINUTES, default 3)
#   make setup   only install what is missing

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.NOTPARALLEL:
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= $(shell command -v chromedriver 2>/dev/null || echo /usr/bin/chromedriver)
export WASM_BINDGEN_TEST_TIMEOUT ?= 180
export CARGO_TERM_COLOR ?= never

# The article folder the build bundles (build.rs reads DOSSIER_ARTICLES).
ifneq ($(strip $(ARTICLES)),)
export DOSSIER_ARTICLES := $(ARTICLES)
endif

WASM := --target wasm32-unknown-unknown
DIST ?= dist

.PHONY: help setup setup-test serve test dist build prerender postbuild size e2e fmt-check clippy \
        test-native test-wasm eval eval-crossdoc eval-import eval-reference bench bench-browser bench-scale soak clean

help:
	@sed -n '/^#/!q;s/^# \{0,1\}//;p' Makefile

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

serve: setup
	trunk serve --offline --address 127.0.0.1 --port 8080

test: setup-test
	@start=$$(date +%s); \
	step() { local t=$$(date +%s); echo "=== $$1"; shift; "$$@"; echo "=== done in $$(( $$(date +%s) - t )) s"; }; \
	step "format"                  $(MAKE) --no-print-directory fmt-check; \
	step "clippy"                  $(MAKE) --no-print-directory clippy; \
	step "native tests"            $(MAKE) --no-print-directory test-native; \
	step "wasm tests (Chromium)"   $(MAKE) --no-print-directory test-wasm; \
	step "release build"           $(MAKE) --no-print-directory dist; \
	step "end-to-end"              $(MAKE) --no-print-directory e2e; \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s"

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets --features dossier/ssr -- -D warnings
	cargo clippy -p dossier --all-targets $(WASM) -- -D warnings
	cargo clippy -p dossier-importer $(WASM) -- -D warnings
	cargo clippy -p dossier-yours $(WASM) -- -D warnings
	cargo clippy -p dossier-pages $(WASM) -- -D warnings

test-native:
	cargo test --workspace --features dossier/ssr

test-wasm:
	cargo test -p dossier $(WASM)

dist: setup build prerender postbuild size

build:
	trunk build --release --offline --public-url ./

# The default view rendered from the same components into index.html (the
# browser hydrates it); for a split set, also one file per article in
# $(DIST)/articles/. The native test step has already built what it needs.
prerender:
	cargo run --quiet --features ssr --bin prerender -- $(DIST)/index.html

postbuild:
	node scripts/postbuild.mjs $(DIST)

size:
	@bash scripts/dist-size.sh $(DIST)

e2e:
	node e2e/run.mjs

eval:
	python3 scripts/eval.py

eval-crossdoc:
	python3 scripts/eval_crossdoc.py

# Saved pages read by `analyze --article`, scored against Readability's
# output: body-text token F1, title and publication date (docs/analysis.md).
eval-import:
	cargo build --quiet --release -p dossier-core --bin analyze
	target/release/analyze --article ../shared/eval/html-dev/*.html \
		| python3 ../shared/eval/score_import.py ../shared/eval/html-dev

eval-reference:
	@[ -d bench/node_modules/compromise-dates ] || (cd bench && npm ci --no-audit --no-fund --loglevel=error)
	node bench/reference.mjs

bench: setup
	bash scripts/bench.sh
	$(MAKE) --no-print-directory bench-browser

BENCH_DIR ?= $(or $(CARGO_TARGET_DIR),target)/bench

bench-browser: dist
	mkdir -p $(BENCH_DIR)
	node bench/firstpaint.mjs --runs 15 --json $(BENCH_DIR)/firstpaint.json
	node bench/interaction.mjs --reps 10 --big --json $(BENCH_DIR)/interaction.json
	node bench/add.mjs --runs 3 --batch-mb 12 --json $(BENCH_DIR)/add.json
	node bench/add.mjs --runs 3 --batch-mb 12 --disk --json $(BENCH_DIR)/add-disk.json
	node bench/readability.mjs --runs 5 --json $(BENCH_DIR)/readability.json
	node bench/pages.mjs --runs 5 --json $(BENCH_DIR)/pages.json
	bash scripts/twiggy.sh
	@echo "=== every figure, its target and its comparison"
	@node bench/summary.mjs --dir $(BENCH_DIR)

# Generated sets built in a temporary copy of the project (never assets/articles).
bench-scale: setup
	node bench/scale.mjs --runs 5

SOAK_MINUTES ?= 3
soak:
	node e2e/soak.mjs --minutes $(SOAK_MINUTES)

clean:
	rm -rf $(DIST) e2e/artifacts
