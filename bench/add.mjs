// Adding a reader's own articles, in Chromium against the release dist/.
//
//   node bench/add.mjs [--dist dist] [--pages DIR] [--count 25] [--runs 3] [--disk]
//                      [--batch-mb MB] [--json FILE]
//
// Drops the --count largest saved pages of --pages (default
// ../shared/eval/html-dev) on the page at once (the file picker's input, as a
// drop hands over the same File objects) and measures, from the hand-over:
//   listed   every page has its outcome ("Added N of N")
//   first    the first page is readable (the reader shows it is not needed:
//            the library lists it, and its entry is in the page)
// and the long tasks of the main thread meanwhile (PerformanceObserver
// 'longtask': tasks over 50 ms), their count and the longest. Each run is a
// fresh browser context (empty storage), so every page is read and stored.
// Medians over --runs. With --disk the page is dist/dossier.html opened from
// disk (file://), where no worker can start and the importer reads the pages
// on the main thread, one task each.
//
// With --batch-mb each page is brought up to an equal share of that many MB
// the way heavy news pages are heavy: an inline JSON state script and a
// stylesheet in the head, and a footer of navigation links at the end of the
// body (what a saved page of a large news site carries besides its article).
// The article itself is unchanged, so every page is still read and analysed.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "../e2e/server.mjs";
import { launch, median } from "./firstpaint.mjs";
import { flag, opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(ROOT, opt("--dist", "dist"));
const PAGES = resolve(ROOT, opt("--pages", "../shared/eval/html-dev"));
const COUNT = Number(opt("--count", "25"));
const RUNS = Number(opt("--runs", "3"));
const JSON_OUT = opt("--json", null);
const DISK = flag("--disk");

const BATCH_MB = Number(opt("--batch-mb", "0"));

let files = readdirSync(PAGES)
  .filter((f) => /\.html?$/.test(f))
  .map((f) => ({ name: f, size: statSync(join(PAGES, f)).size }))
  .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))
  .slice(0, COUNT)
  .map((f) => ({ path: join(PAGES, f.name), size: f.size }));
if (BATCH_MB > 0) files = heavy(files, (BATCH_MB * 1e6) / files.length);
const bytes = files.reduce((n, f) => n + f.size, 0);

const server = await serve({ root: DIST, prefix: "/" });
const browser = await launch();
const runs = [];
try {
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    await context.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    await page.goto(DISK ? pathToFileURL(join(DIST, "dossier.html")).href : server.url);
    await page.waitForFunction(() => document.documentElement.dataset.app === "ready");
    const t0 = await page.evaluate(() => performance.now());
    // Paths, not buffers: the browser reads the files from disk as it would
    // a reader's (buffers would be copied into the page first, a long task
    // of the test harness, not of the app).
    await page.locator("[data-testid=add-input]").setInputFiles(files.map((f) => f.path));
    const first = await page.waitForFunction(
      () => {
        const li = document.querySelector("[data-testid=add-outcomes] li");
        return li ? performance.now() : null;
      },
      null,
      { timeout: 120000, polling: "raf" },
    );
    const firstAt = (await first.jsonValue()) - t0;
    const done = await page.waitForFunction(
      (n) => {
        const p = document.querySelector("[data-testid=add-progress]")?.textContent ?? "";
        return /^Added \d+ of \d+$/.test(p) && document.querySelectorAll("[data-testid=add-outcomes] li").length === n
          ? performance.now()
          : null;
      },
      files.length,
      { timeout: 120000, polling: "raf" },
    );
    const listed = (await done.jsonValue()) - t0;
    const outcome = await page.$$eval("[data-testid=add-outcomes] li", (ls) => ls.map((l) => l.textContent));
    const added = outcome.filter((l) => l.endsWith(": added")).length;
    const long = (await page.evaluate(() => window.__long)).filter((e) => e.start >= t0);
    if (process.env.ADD_DEBUG) console.error(JSON.stringify(long.map((e) => [Math.round(e.start - t0), Math.round(e.duration)])));
    runs.push({ listed, first: firstAt, added, long: long.length, longest: Math.max(0, ...long.map((e) => e.duration)) });
    if (added !== files.length) console.error(`run ${r + 1}: ${files.length - added} not added:\n${outcome.filter((l) => !l.endsWith(": added")).join("\n")}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const result = {
  where: DISK ? "dossier.html from disk, main thread" : "served, worker",
  pages: files.length,
  mb: bytes / 1e6,
  runs: runs.length,
  listed_ms: median(runs.map((r) => r.listed)),
  first_ms: median(runs.map((r) => r.first)),
  added: Math.min(...runs.map((r) => r.added)),
  long_tasks: Math.max(...runs.map((r) => r.long)),
  longest_ms: Math.max(...runs.map((r) => r.longest)),
  mb_per_s: bytes / 1e6 / (median(runs.map((r) => r.listed)) / 1000),
};
console.log(
  `add (${result.where}): ${result.pages} pages (${result.mb.toFixed(1)} MB) in one drop: all listed in ${(result.listed_ms / 1000).toFixed(2)} s ` +
    `(first in ${result.first_ms.toFixed(0)} ms; ${result.mb_per_s.toFixed(1)} MB/s), ${result.added} added; ` +
    `main thread: ${result.long_tasks} task(s) over 50 ms, longest ${result.longest_ms.toFixed(0)} ms (median of ${result.runs} runs)`,
);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));

// The pages brought up to `each` bytes (see the header), written to a
// temporary folder.
function heavy(list, each) {
  const dir = mkdtempSync(join(tmpdir(), "dossier-add-batch-"));
  return list.map((f, i) => {
    let html = readFileSync(f.path, "latin1");
    const need = Math.max(0, Math.round(each) - html.length);
    const state = [];
    for (let n = 0; state.join(",").length < need * 0.6; n++) {
      state.push(JSON.stringify({ id: `item-${i}-${n}`, kind: ["story", "video", "gallery"][n % 3], headline: `Teaser headline number ${n} for section ${n % 17}`, url: `/section-${n % 17}/story-${n}`, tags: [`tag${n % 29}`, `tag${n % 31}`], published: 1700000000 + n * 3600 }));
    }
    const css = [];
    for (let n = 0; css.join("").length < need * 0.25; n++) {
      css.push(`.c-${n}{margin:${n % 9}px ${n % 7}px;color:#${(n * 2654435761 >>> 8).toString(16).padStart(6, "0").slice(0, 6)};}`);
    }
    const links = [];
    for (let n = 0; links.join("").length < need * 0.15; n++) {
      links.push(`<li><a href="/section-${n % 17}/topic-${n}">Topic ${n}</a></li>`);
    }
    const head = `<script type="application/json" id="state">[${state.join(",")}]</script><style>${css.join("")}</style>`;
    const foot = `<footer><nav aria-label="Sections"><ul>${links.join("")}</ul></nav></footer>`;
    html = html.replace(/<\/head>/i, (m) => head + m);
    html = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, (m) => foot + m) : html + foot;
    const path = join(dir, f.path.split("/").pop());
    writeFileSync(path, html, "latin1");
    return { path, size: Buffer.byteLength(html, "latin1") };
  });
}
