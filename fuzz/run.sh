#!/usr/bin/env bash
# Fuzzes the parser and the analysis with libFuzzer (cargo-fuzz).
#
#   fuzz/run.sh [SECONDS]      default 60; findings land in fuzz/artifacts/
#
# cargo-fuzz needs nightly compiler flags (the address sanitizer); the
# stable toolchain accepts them with RUSTC_BOOTSTRAP=1. The first build takes
# a few minutes. The corpus starts from the bundled articles and, when
# present, the development set beside the repository.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/analysis
seeds=(../assets/articles)
[ -d ../../shared/eval/meantime-dev ] && seeds+=(../../shared/eval/meantime-dev)
cargo fuzz run analysis corpus/analysis "${seeds[@]}" -- \
    -max_total_time="$secs" -max_len=8192 -timeout=10
