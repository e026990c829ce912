// One table for every performance figure, its target and its comparison,
// from the JSON the benchmarks wrote (`make bench` runs them all, then this).
//
//   node bench/summary.mjs [--dir DIR] [--dist dist] [--throughput bench/results.json]
//
// Reads DIR/firstpaint.json (bench/firstpaint.mjs --json), DIR/interaction.json
// (bench/interaction.mjs --json), the throughput results of scripts/bench.sh,
// and measures the first view of the release dist/ (brotli, quality 11).
// A figure whose benchmark did not run is shown as "not run".

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = resolve(ROOT, opt("--dir", join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "bench")));
const DIST = resolve(ROOT, opt("--dist", "dist"));
const THROUGHPUT = resolve(ROOT, opt("--throughput", "bench/results.json"));

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
const fp = read(join(DIR, "firstpaint.json"));
const ia = read(join(DIR, "interaction.json"));
const tp = read(THROUGHPUT);
const add = read(join(DIR, "add.json"));
const addDisk = read(join(DIR, "add-disk.json"));
const rdb = read(join(DIR, "readability.json"));
const pages = read(join(DIR, "pages.json"));

const rows = [];
const row = (figure, measured, target, met, comparison = "") =>
  rows.push([figure, measured, target, met === null ? "–" : met ? "met" : "not met", comparison]);
const NOT_RUN = "not run";

// 1. First paint.
if (fp) {
  const r = fp.ratio.lcp;
  row(
    `first paint: LCP, app / plain HTML page (median of ${fp.runs} cold loads)`,
    `${fp.app.lcp.toFixed(0)} / ${fp.plain.lcp.toFixed(0)} ms = ${r.toFixed(2)}×`,
    "≤ 1.3×",
    r <= 1.3,
    fp.app.ready ? `app live (\`dossier-interactive\`) at ${fp.app.ready.toFixed(0)} ms` : "",
  );
} else row("first paint: LCP, app / plain HTML page", NOT_RUN, "≤ 1.3×", null);

// 1b. Adding a reader's saved pages in one drop (bench/add.mjs).
if (add) {
  row(
    `adding ${add.pages} saved pages (${add.mb.toFixed(1)} MB) in one drop: all listed`,
    `${(add.listed_ms / 1000).toFixed(2)} s`,
    "≤ 10 s",
    add.listed_ms <= 10000 && add.added === add.pages,
    `first listed at ${add.first_ms.toFixed(0)} ms; main-thread tasks over 50 ms: ${add.long_tasks} (longest ${add.longest_ms.toFixed(0)} ms)`,
  );
} else row("adding saved pages in one drop", NOT_RUN, "≤ 10 s", null);
// The same from dossier.html opened from disk: no worker, the main thread.
if (addDisk) {
  row(
    `the same from dossier.html opened from disk (no worker): all listed`,
    `${(addDisk.listed_ms / 1000).toFixed(2)} s`,
    "no task over 50 ms",
    addDisk.added === addDisk.pages && addDisk.long_tasks === 0,
    `${addDisk.added} of ${addDisk.pages} added; main-thread tasks over 50 ms: ${addDisk.long_tasks} (longest ${addDisk.longest_ms.toFixed(0)} ms)`,
  );
}

// 1c. Extraction speed against Readability.js in the same page.
if (rdb) {
  row(
    `extraction in Chromium, ${rdb.pages} saved pages (${rdb.mb.toFixed(1)} MB): Readability.js / dossier`,
    `${rdb.ratio_total.toFixed(2)}× (${rdb.ms.readability.toFixed(0)} / ${rdb.ms.extract.toFixed(0)} ms)`,
    "> 1× (faster)",
    rdb.ratio_total > 1,
    `per page ${rdb.ratio_page_median.toFixed(2)}× (median), faster on ${rdb.pages_faster} of ${rdb.pages}; with dossier's analysis too ${rdb.ratio_total_with_analysis.toFixed(2)}×`,
  );
} else row("extraction against Readability.js", NOT_RUN, "> 1× (faster)", null);

// 1d. The set's pages.
if (pages) {
  const o = pages.open_ms;
  row(
    `the set's pages, ${pages.articles} article(s): first screen from a cold navigation (median of ${pages.runs})`,
    `timeline ${o.timeline} / entity ${o.entity} / search ${o.search} ms`,
    "≤ 300 ms after navigation (10 000 articles)",
    null,
    "the whole page load: the app, the pages module, reading the set",
  );
  row(
    `search as one types, ${pages.answer_ms.queries} queries: until rendered`,
    `median ${pages.answer_ms.median} ms, p95 ${pages.answer_ms.p95} ms`,
    "≤ 100 ms (p95, 100 000 articles)",
    null,
  );
} else row("the set's pages", NOT_RUN, "≤ 300 ms", null);

// 2. Bundle: the first view's files as index.html names them.
if (existsSync(join(DIST, "index.html"))) {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const names = new Set(["index.html"]);
  for (const m of html.matchAll(/(?:href|src|module_or_path:\s*)=?\s*["']\.?\/?([^"'#?]+\.(?:css|js|wasm))["']/g)) names.add(m[1]);
  for (const m of html.matchAll(/(?:from\s+|import\(\s*)["']\.?\/?([^"']+\.js)["']/g)) names.add(m[1]);
  let total = 0;
  const parts = [];
  for (const n of [...names].filter((n) => existsSync(join(DIST, n))).sort()) {
    const size = brotliCompressSync(readFileSync(join(DIST, n)), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    total += size;
    parts.push(`${n.replace(/-[0-9a-f]{16}/, "")} ${(size / 1024).toFixed(1)}`);
  }
  row("first view (HTML + JS + WASM + CSS), brotli", `${(total / 1024).toFixed(1)} KiB`, "≤ 250 KB", total <= 250 * 1000, parts.join(", "));
} else row("first view, brotli", NOT_RUN, "≤ 250 KB", null);

// 3. Interaction.
if (ia) {
  for (const r of ia) {
    const cases = Object.entries(r.cases);
    const worstFrame = Math.max(...cases.map(([, c]) => c.frame));
    row(
      `${cases.map(([n]) => n).join(" / ")}, ${r.label} (${r.marks} marks), to the next frame`,
      `${cases.map(([, c]) => c.frame.toFixed(0)).join(" / ")} ms`,
      `≤ ${r.limit} ms`,
      worstFrame <= r.limit,
      `median of the clicks; slowest single click ${Math.max(...cases.map(([, c]) => c.max)).toFixed(0)} ms`,
    );
    row(
      `scrolling with highlights, ${r.label}: long tasks over 50 ms`,
      `${r.scroll.long}${r.scroll.long ? ` (worst ${r.scroll.worst.toFixed(0)} ms)` : ""}`,
      "none",
      r.scroll.long === 0,
      `${r.scroll.frames} frames`,
    );
  }
} else row("interaction", NOT_RUN, "≤ 16 ms (seed), ≤ 100 ms (1 MB)", null);

// 4. Throughput.
if (tp) {
  const mb = (x) => `${x.best.toFixed(1)} MB/s (typical ${x.median.toFixed(1)})`;
  const comp = tp.browser?.compromise?.best;
  const compNode = tp.compromiseNode?.best;
  row(
    "analysis throughput, native, one core (parse + analysis)",
    mb(tp.native.full),
    "≥ 20 MB/s",
    tp.native.full.best >= 20,
    compNode ? `compromise in Node ${compNode.toFixed(3)} MB/s: ${(tp.native.full.best / compNode).toFixed(0)}×` : "",
  );
  const w = tp.browser?.wasm?.size?.full;
  if (w) {
    row(
      "analysis throughput, WASM in headless Chromium (opt-level s)",
      mb(w),
      "≥ 10 MB/s",
      w.best >= 10,
      comp ? `compromise in the same page ${comp.toFixed(3)} MB/s: ${(w.best / comp).toFixed(0)}×` : "",
    );
  }
  rows.push(["", `throughput measured ${tp.date} (load average ${tp.load1})`, "", "", ""]);
} else row("analysis throughput", NOT_RUN, "≥ 20 MB/s native, ≥ 10 MB/s WASM", null);

console.log("| figure | measured | target | | comparison |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
