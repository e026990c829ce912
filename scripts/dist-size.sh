#!/usr/bin/env bash
# Prints the size of each file in a release dist/ (raw, gzip -9, brotli q11)
# and the total, as a Markdown table.
#
#   scripts/dist-size.sh [DIST]                   (DIST defaults to dist)
#   scripts/dist-size.sh DIST --update README.md  also writes the table into the
#                                                 file, between <!-- sizes --> and
#                                                 <!-- /sizes -->
set -euo pipefail
dist=${1:-dist}
[ -d "$dist" ] || { echo "dist-size: $dist not found: run 'make dist' first" >&2; exit 1; }
update=""
if [ "${2:-}" = "--update" ]; then update=${3:?"--update needs a file"}; fi
table=$(node --input-type=module - "$dist" <<'JS'
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2];
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dist);

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
const total = { raw: 0, gz: 0, br: 0 };
// What every visit loads: not the importer (loaded when a reader first adds
// an article), not the reader's articles module (loaded then, or to manage
// them, or at start for a reader who has stored some), not article files,
// not the single-file page.
const first = { raw: 0, gz: 0, br: 0 };
const onDemand = (name) =>
  name.startsWith("importer") || name.startsWith("yours") || name.startsWith("pages") || name.startsWith("articles/") || name.startsWith("set/") || name === "dossier.html";
for (const f of files) {
  const data = readFileSync(f);
  const row = {
    name: relative(dist, f),
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
  // A split set's article files and entity shards (fetched one at a time
  // when opened): one row each.
  const folder = ["articles/", "set/e/"].find((d) => row.name.startsWith(d));
  const grouped = folder ? rows.find((r) => r.group === folder) : null;
  if (row.name.startsWith("importer")) row.name += " (when a reader first adds an article)";
  if (row.name.startsWith("yours")) row.name += " (when a reader adds, manages or has stored articles)";
  if (row.name.startsWith("pages")) row.name += " (when a page of the set is opened)";
  if (grouped) {
    for (const k of ["raw", "gz", "br"]) grouped[k] += row[k];
    grouped.count += 1;
    grouped.name = `${folder} (${grouped.count} files, fetched when opened)`;
  } else if (folder) {
    rows.push({ ...row, group: folder, count: 1, name: `${folder} (1 file, fetched when opened)` });
  } else rows.push(row);
  // The self-contained page repeats the other files; count the served set once.
  if (row.name !== "dossier.html") for (const k of ["raw", "gz", "br"]) total[k] += row[k];
  if (!onDemand(row.name)) for (const k of ["raw", "gz", "br"]) first[k] += row[k];
}
console.log("| file | raw KiB | gzip KiB | brotli KiB |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} |`);
console.log(`| **first view (every visit: not the importer, the reader's articles or the set's pages modules, not article files)** | **${kb(first.raw)}** | **${kb(first.gz)}** | **${kb(first.br)}** |`);
console.log(`| **total served (without dossier.html)** | **${kb(total.raw)}** | **${kb(total.gz)}** | **${kb(total.br)}** |`);
JS
)
printf '%s\n' "$table"
if [ -n "$update" ]; then
    TABLE=$table node -e '
const fs = require("fs");
const f = process.argv[1];
const s = fs.readFileSync(f, "utf8");
const re = /(<!-- sizes -->\n)[\s\S]*?(<!-- \/sizes -->)/;
if (!re.test(s)) { console.error(`dist-size: no <!-- sizes --> block in ${f}`); process.exit(1); }
fs.writeFileSync(f, s.replace(re, (_, a, b) => a + process.env.TABLE.replace(/\| [^|]*?-[0-9a-f]{16}(_bg)?\./g, (m) => m.replace(/-[0-9a-f]{16}/, "-…")) + "\n" + b));
console.log(`dist-size: table written into ${f}`);
' "$update"
fi
