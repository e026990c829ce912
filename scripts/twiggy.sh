#!/usr/bin/env bash
# Bundle breakdown of the release WASM: what each crate costs.
#
#   bash scripts/twiggy.sh [WASM]
#
# WASM defaults to the release build's own output, brought up to date with
# the project's article set first (cargo build --release, as trunk runs it):
# ($CARGO_TARGET_DIR or target)/wasm32-unknown-unknown/release/dossier.wasm. It is run through wasm-bindgen (keeping
# the names) and `wasm-opt -Oz -g`, the same optimisation as the release but
# with the function names kept, so the sizes match dist/ (less the names).
# Prints: the top functions and data segments (twiggy top), the code and data
# grouped by crate, and the brotli size of the gazetteers (core/data) alone.
# Needs twiggy (`cargo install twiggy --locked`), brotli, python3.

set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TARGET="${CARGO_TARGET_DIR:-target}"
WASM="${1:-}"
if [ -z "$WASM" ]; then
  # The same cargo build as trunk's (up to date after make dist: seconds).
  cargo build --release --target wasm32-unknown-unknown -p dossier --bin dossier >&2
  WASM="$TARGET/wasm32-unknown-unknown/release/dossier.wasm"
fi
[ -f "$WASM" ] || { echo "no $WASM: run make dist first" >&2; exit 1; }
command -v twiggy >/dev/null || cargo install twiggy --locked
if ! command -v brotli >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli </dev/null \
        || { echo "brotli is missing (apt-get install brotli)" >&2; exit 1; }
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
          --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$TMP" "$WASM"
wasm-opt -Oz -g "${FEATURES[@]}" "$TMP/dossier_bg.wasm" -o "$TMP/named.wasm"
wasm-opt --strip-debug --strip-producers "${FEATURES[@]}" "$TMP/named.wasm" -o "$TMP/stripped.wasm"

raw=$(wc -c < "$TMP/stripped.wasm")
br=$(brotli -q 11 -c "$TMP/stripped.wasm" | wc -c)
echo "WASM as shipped (names stripped): $raw bytes raw, $br bytes brotli"
echo
echo "## Largest items (twiggy top, with names; the name section is not shipped)"
twiggy top -n 30 "$TMP/named.wasm"
echo
twiggy top -n 1000000 -f csv "$TMP/named.wasm" > "$TMP/top.csv"

echo "## Code and data sections of the shipped WASM"
python3 - "$TMP/stripped.wasm" "$TMP/sections" <<'EOF'
import subprocess, sys
b = open(sys.argv[1], "rb").read()
def leb(i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i
parts, i = {}, 8
while i < len(b):
    sid = b[i]; n, i = leb(i + 1)
    name = {10: "code", 11: "data"}.get(sid, "other sections")
    parts[name] = parts.get(name, b"") + b[i:i + n]; i += n
br = lambda x: len(subprocess.run(["brotli", "-q", "11", "-c"], input=x, capture_output=True, check=True).stdout)
print("| section | raw bytes | brotli bytes (alone) |\n|---|---:|---:|")
sizes = {}
for k, v in parts.items():
    sizes[k] = br(v)
    print(f"| {k} | {len(v)} | {sizes[k]} |")
with open(sys.argv[2], "w") as f:
    f.write(f"{sizes.get('code', 0)} {sizes.get('data', 0)}\n")
EOF
echo
echo "## By crate (raw bytes; generic std code is counted under the crate of its type argument when one of ours)"
python3 - "$TMP/top.csv" "$TMP/sections" <<'EOF'
import csv, re, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
code_br, data_br = map(int, open(sys.argv[2]).read().split())
ours = [("dossier_core::", "engine (dossier-core)"), ("dossier::", "app (dossier components)"),
        ("yew::", "yew"), ("implicit_clone", "yew"), ("gloo", "yew"), ("prokio", "yew"),
        ("postcard", "serde/postcard"), ("serde", "serde/postcard"),
        ("wasm_bindgen", "wasm-bindgen/js-sys/web-sys"), ("js_sys", "wasm-bindgen/js-sys/web-sys"),
        ("web_sys", "wasm-bindgen/js-sys/web-sys"), ("__wbindgen", "wasm-bindgen/js-sys/web-sys")]
def group(name):
    if name.startswith("data segment"):
        return "data segments (gazetteers, article set, strings)"
    if "function names" in name or "custom section" in name or name.startswith('"'):
        return None  # not shipped
    if name.startswith("<yew::html::component::lifecycle::CompStateInner<COMP>"):
        return "app (dossier components)"  # a component's view, monomorphised in yew
    head = name.lstrip("<&")
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", head)
    first = m.group(0) if m else ""
    if first in ("core", "alloc", "std", "hashbrown", "dlmalloc"):
        # Generic code: charge it to the first of our crates in its type arguments.
        for key, label in ours:
            if key in name:
                return "std generics for " + label
        if "::slice::sort" in name:
            return "std: slice sorting"
        return "std (core/alloc/hashbrown/dlmalloc)"
    for key, label in ours:
        if head.startswith(key):
            return label
    return "other (intrinsics, glue, std leaves)"
sizes = collections.Counter()
for r in rows:
    g = group(r["Name"])
    if g:
        sizes[g] += int(r["ShallowSize"])
total = sum(sizes.values())
DATA = "data segments (gazetteers, article set, strings)"
code_total = total - sizes[DATA]
def est(k, v):
    return data_br if k == DATA else v / code_total * code_br
print("| part | raw bytes | share of raw | brotli KiB (est.) |")
print("|---|---:|---:|---:|")
for k, v in sizes.most_common():
    print(f"| {k} | {v} | {100*v/total:.1f}% | {est(k, v)/1024:.1f} |")
print(f"| total (names excluded) | {total} | 100% | {(code_br + data_br)/1024:.1f} |")
print("\n(brotli: the data section compressed alone; each code part its share of the code section compressed alone)")
EOF
echo
echo "## Gazetteers (core/data) alone"
printf '| file | raw | brotli |\n|---|---:|---:|\n'
mapfile -t DATA < <(find core/data -type f | sort)
for f in "${DATA[@]}"; do
  printf '| %s | %s | %s |\n' "${f#core/data/}" "$(wc -c < "$f")" "$(brotli -q 11 -c "$f" | wc -c)"
done
printf '| all, concatenated | %s | %s |\n' "$(cat "${DATA[@]}" | wc -c)" "$(cat "${DATA[@]}" | brotli -q 11 -c | wc -c)"
