#!/usr/bin/env bash
# Analysis throughput, one command, one table:
#   1. criterion: parse + analysis natively on one core (cargo bench);
#   2. the same analysis compiled to WebAssembly, in headless Chromium and Node;
#   3. compromise (+ compromise-dates) on the same text, in Node and in the page.
#
#   scripts/bench.sh                 everything (about 2-3 minutes on 2 cores)
#   BENCH_SKIP_CRITERION=1 scripts/bench.sh   reuse the last criterion figures
#
# Needs ../shared/eval/meantime-dev beside the repository. Honors
# CARGO_TARGET_DIR. The table is also kept as JSON in bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s) - $1 )); }

[ -d ../shared/eval/meantime-dev ] || die "../shared/eval/meantime-dev not found beside the repository"

# --- tools --------------------------------------------------------------------
if ! command -v wasm-bindgen >/dev/null 2>&1 \
    || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "installing what is missing (scripts/setup.sh)"
    bash scripts/setup.sh
fi
command -v node >/dev/null 2>&1 || die "node is missing (scripts/setup.sh installs it)"
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || die "chromium is missing: apt-get install chromium"

# --- 1. criterion ---------------------------------------------------------------
t=$(date +%s)
if [ -z "${BENCH_SKIP_CRITERION:-}" ]; then
    say "criterion: cargo bench -p dossier-core --bench analysis"
    mkdir -p "$target"
    log=$target/bench-criterion.log
    if ! cargo bench -p dossier-core --bench analysis >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "cargo bench failed (log: $log)"
    fi
    grep -E '^(analysis/|corpus:)|time:|thrpt:' "$log" >&2 || true
fi
criterion_s=$(elapsed "$t")

# --- 2. the WebAssembly build -------------------------------------------------------
t=$(date +%s)
wbg=$(wasm-bindgen --version | awk '{print $2}')
manifest=bench/wasm/Cargo.toml
locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' bench/wasm/Cargo.lock 2>/dev/null || true)
if [ "$locked" != "$wbg" ]; then
    say "pinning the wasm-bindgen crate to the installed tool ($wbg)"
    cargo update --manifest-path "$manifest" -p wasm-bindgen --precise "$wbg"
fi
for build in release:size speed:speed; do
    profile=${build%:*} name=${build#*:}
    say "WASM build ($profile profile)"
    cargo build --quiet --manifest-path "$manifest" --target-dir "$target" \
        --profile "$profile" --target wasm32-unknown-unknown
    rm -rf "bench/pkg/$name"
    wasm-bindgen --target web --out-dir "bench/pkg/$name" \
        "$target/wasm32-unknown-unknown/$profile/dossier_bench_wasm.wasm"
done
wasm_s=$(elapsed "$t")

# --- 3. Chromium, Node, compromise ------------------------------------------------------
t=$(date +%s)
lock_sum=$(sha256sum bench/package-lock.json | cut -d' ' -f1)
if [ "$(cat bench/node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
    say "npm ci in bench/ (compromise, compromise-dates, playwright-core)"
    (cd bench && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" > bench/node_modules/.lock-sum
fi
say "measuring (WASM in Node, compromise in Node, then both in headless Chromium)"
node bench/run.mjs --criterion "$target/criterion" --json bench/results.json
run_s=$(elapsed "$t")
echo "steps: criterion ${criterion_s} s, WASM build ${wasm_s} s, browser and Node ${run_s} s"
