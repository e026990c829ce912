// Extraction speed in Chromium: dossier's importer against Mozilla's
// Readability.js, on the same saved pages, in the same page.
//
//   node bench/readability.mjs [--dist dist] [--pages DIR] [--runs 3] [--json FILE]
//
// The page is dist/dossier.html, served: it holds the importer inline, so
// both run on the page's main thread, one page after the other, with the same
// input. For each saved page of --pages (default ../shared/eval/html-dev):
//   readability   DOMParser.parseFromString + new Readability(doc).parse()
//                 (@mozilla/readability, the extractor Firefox's Reader View
//                 uses; the text decoded as UTF-8 beforehand, untimed)
//   extract       the importer's extraction alone (`begin_item` and one
//                 `step_item`: charset, HTML parse, the article found, its
//                 text and metadata)
//   extract+analyse  the importer's whole work on an added page (one more
//                 `step_item`: the analysis, its JSON and the encoded result
//                 the page receives)
// One untimed pass first (the browser compiles both on first use), then
// --runs timed passes; the totals are medians over the passes. The ratio is
// Readability's time over dossier's (above 1: dossier is faster).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/server.mjs";
import { launch, median } from "./firstpaint.mjs";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(ROOT, opt("--dist", "dist"));
const PAGES = resolve(ROOT, opt("--pages", "../shared/eval/html-dev"));
const RUNS = Number(opt("--runs", "3"));
const JSON_OUT = opt("--json", null);
const READABILITY = join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js");

const pages = readdirSync(PAGES)
  .filter((f) => /\.html?$/.test(f))
  .sort()
  .map((name) => ({ name, b64: readFileSync(join(PAGES, name)).toString("base64") }));
if (!pages.length) throw new Error(`no saved pages (.html) in ${PAGES}`);

const server = await serve({ root: DIST, prefix: "/" });
const browser = await launch();
let result;
try {
  // Readability.js is injected as a script: the benchmark's context lifts
  // the page's CSP for it (the page itself is unchanged).
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${server.url}dossier.html`);
  await page.waitForFunction(() => document.documentElement.dataset.app === "ready");
  await page.addScriptTag({ path: READABILITY });
  result = await page.evaluate(
    async ({ pages, runs }) => {
      const w = await window.dossierImporter();
      const items = pages.map((p) => {
        const bin = atob(p.b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        return { name: p.name, bytes, text: new TextDecoder().decode(bytes) };
      });
      const ways = {
        readability: (it) => {
          const doc = new DOMParser().parseFromString(it.text, "text/html");
          return (new Readability(doc).parse()?.textContent ?? "").length;
        },
        extract: (it) => {
          w.begin_item(0, it.name, it.bytes);
          w.step_item();
        },
        "extract+analyse": (it) => {
          w.begin_item(0, it.name, it.bytes);
          w.step_item();
          return w.step_item().length;
        },
      };
      const pass = () => {
        const ms = {};
        const failed = {};
        for (const [way, f] of Object.entries(ways)) {
          ms[way] = [];
          failed[way] = 0;
          for (const it of items) {
            const t0 = performance.now();
            try {
              f(it);
            } catch {
              failed[way]++;
            }
            ms[way].push(performance.now() - t0);
          }
        }
        return { ms, failed };
      };
      pass();
      const passes = [];
      for (let r = 0; r < runs; r++) {
        passes.push(pass());
        await new Promise((go) => setTimeout(go, 0));
      }
      return { passes, bytes: items.reduce((n, it) => n + it.bytes.length, 0) };
    },
    { pages, runs: RUNS },
  );
} finally {
  await browser.close();
  await server.close();
}

const ways = Object.keys(result.passes[0].ms);
const total = (way) => median(result.passes.map((p) => p.ms[way].reduce((a, b) => a + b, 0)));
// Per page: Readability's time over dossier's extraction, median over pages
// (each page's times the median over the passes).
const perPage = (way) =>
  pages.map((_, i) => median(result.passes.map((p) => p.ms[way][i])));
const rd = perPage("readability");
const ex = perPage("extract");
const pageRatios = rd.map((t, i) => t / Math.max(ex[i], 0.01));
const out = {
  pages: pages.length,
  mb: result.bytes / 1e6,
  runs: RUNS,
  ms: Object.fromEntries(ways.map((w) => [w, total(w)])),
  mb_per_s: Object.fromEntries(ways.map((w) => [w, result.bytes / 1e6 / (total(w) / 1000)])),
  failed: result.passes[0].failed,
  ratio_total: total("readability") / total("extract"),
  ratio_total_with_analysis: total("readability") / total("extract+analyse"),
  ratio_page_median: median(pageRatios),
  pages_faster: pageRatios.filter((r) => r > 1).length,
};
console.log(
  `readability: ${out.pages} saved pages (${out.mb.toFixed(1)} MB), Chromium, main thread, median of ${RUNS} passes:\n` +
    ways.map((w) => `  ${w.padEnd(16)} ${out.ms[w].toFixed(0).padStart(6)} ms  ${out.mb_per_s[w].toFixed(1).padStart(6)} MB/s  (${out.failed[w]} refused)`).join("\n") +
    `\n  Readability.js / dossier extraction: ${out.ratio_total.toFixed(2)}× in all, ${out.ratio_page_median.toFixed(2)}× per page (median), ` +
    `dossier faster on ${out.pages_faster} of ${out.pages}; with dossier's analysis too: ${out.ratio_total_with_analysis.toFixed(2)}×`,
);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(out, null, 2));
