#!/usr/bin/env bash
# Installs what building, serving and testing dossier needs, and only what is
# missing: it checks each tool's version first, so a second run takes seconds.
#
#   scripts/setup.sh          wasm32 target, trunk 0.21, wasm-bindgen-cli at the
#                             Cargo.lock version, npm dev tools (wasm-opt, ...)
#   scripts/setup.sh --test   the same, plus rustfmt/clippy and Chromium with
#                             chromedriver from Debian for the browser tests
#
# Meant for Debian 12 (bookworm) with rustup; apt-get runs through sudo when
# not root.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

WITH_TEST=0
for arg in "$@"; do
    case "$arg" in
        --test) WITH_TEST=1 ;;
        -h | --help)
            sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "setup: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

TRUNK_REQ="0.21"   # trunk 0.22 needs a newer rustc than the project's MSRV
START=$(date +%s)
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand"
    if [ "$APT_UPDATED" = 0 ]; then
        say "apt-get update"
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}
have_pkg() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

# --- Rust toolchain ---------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    die "Rust (rustup and cargo) is needed: see https://rustup.rs, then run this again"
fi
if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
if [ "$WITH_TEST" = 1 ]; then
    for comp in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
            say "adding the $comp component"
            rustup component add "$comp"
        fi
    done
fi

# A C toolchain is needed to compile the cargo-installed tools.
need_cc() {
    if ! command -v cc >/dev/null 2>&1; then apt_install build-essential; fi
}

# --- trunk ~0.21 --------------------------------------------------------------
trunk_ver=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
case "$trunk_ver" in
    "$TRUNK_REQ".*) ;;
    *)
        say "installing trunk ~$TRUNK_REQ (found: ${trunk_ver:-none}); this compiles for several minutes"
        need_cc
        cargo install trunk --version "~$TRUNK_REQ" --locked
        ;;
esac

# --- wasm-bindgen-cli at the exact Cargo.lock version -------------------------
wbg_req=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wbg_req" ] || die "no wasm-bindgen in Cargo.lock"
wbg_ver=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
runner_ok=0
if command -v wasm-bindgen-test-runner >/dev/null 2>&1; then runner_ok=1; fi
if [ "$wbg_ver" != "$wbg_req" ] || [ "$runner_ok" = 0 ]; then
    say "installing wasm-bindgen-cli $wbg_req (found: ${wbg_ver:-none}); this compiles for several minutes"
    need_cc
    # Not --locked: its own lock file pins crates that need a newer rustc.
    cargo install wasm-bindgen-cli --version "$wbg_req" --force
fi

# --- node, npm and the npm dev tools -------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "node >= 18 is needed (found $(node --version))"

lock_sum=$(sha256sum package-lock.json package.json | sha256sum | cut -c1-64)
stamp=node_modules/.dossier-lock
npm_ok=1
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then npm_ok=0; fi
for f in node_modules/.bin/wasm-opt node_modules/playwright-core/package.json node_modules/axe-core/axe.min.js; do
    [ -e "$f" ] || npm_ok=0
done
if [ "$npm_ok" = 0 ]; then
    say "npm ci (binaryen, playwright-core, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
    printf '%s\n' "$lock_sum" >"$stamp"
fi
wasm-opt --version >/dev/null 2>&1 || die "wasm-opt from node_modules does not run"

# --- Chromium and chromedriver for the browser tests -----------------------------
if [ "$WITH_TEST" = 1 ]; then
    missing=()
    for p in chromium chromium-driver; do have_pkg "$p" || missing+=("$p"); done
    if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
    command -v chromedriver >/dev/null 2>&1 || die "chromedriver not on PATH after install"
fi

say "ready in $(($(date +%s) - START)) s: $(trunk --version), wasm-bindgen $wbg_req, wasm-opt $(wasm-opt --version | awk '{print $3}')$([ "$WITH_TEST" = 1 ] && printf ', %s' "$(chromium --version 2>/dev/null | awk '{print $1, $2}')")"
