// Interaction latency and scrolling smoothness of the reader.
//
//   node bench/interaction.mjs [--reps 10] [--dist dist] [--big] [--big-dist DIR] [--json FILE]
//
// On the seed article of the release dist/ (and with --big on a generated
// ~1 MB article, built into a temporary copy of the project), measures in the
// page, from just before the click to:
//   dom    the end of the DOM update (the last mutation record of the click)
//   frame  the frame after the update has been painted (requestAnimationFrame,
//          then a message posted from it: runs after that frame's paint)
// for: toggling a type (legend), focusing an entity (entity panel) and
// selecting an event (timeline). Medians over --reps clicks each.
// Then scrolls the whole article, a viewport height per frame, with every
// highlight on, and counts long tasks (PerformanceObserver 'longtask', > 50 ms).
//
// --big builds the 1 MB set with `trunk build --release` in a temporary copy
// (sources only) that shares this project's CARGO_TARGET_DIR (default
// ./target), so dependencies are not recompiled; the copy is removed after.
// --big-dist DIR reuses such a build instead.

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/server.mjs";
import { launch, median } from "./firstpaint.mjs";
import { generate } from "./gen-articles.mjs";
import { opt, flag } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPS = Number(opt("--reps", "10"));
const DIST = resolve(ROOT, opt("--dist", "dist"));
const JSON_OUT = opt("--json", null);

/** Builds a release dist/ whose article set is `articles` (paths); returns its folder. */
export function buildDistWith(articles, keep) {
  const work = mkdtempSync(join(tmpdir(), "dossier-build-"));
  for (const p of ["Cargo.toml", "Cargo.lock", "build.rs", "index.html", "Trunk.toml", "src", "core", "importer", "yours", "assets", "benches", "tests"]) {
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(work, p), { recursive: true });
  }
  rmSync(join(work, "assets", "articles"), { recursive: true, force: true });
  mkdirSync(join(work, "assets", "articles"));
  for (const a of articles) cpSync(a, join(work, "assets", "articles", a.split("/").pop()));
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"),
    PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  };
  const t = Date.now();
  execFileSync("trunk", ["build", "--release", "--offline", "--public-url", "./"], { cwd: work, env, stdio: ["ignore", "ignore", "inherit"] });
  const seconds = (Date.now() - t) / 1000;
  const out = keep ?? mkdtempSync(join(tmpdir(), "dossier-dist-"));
  cpSync(join(work, "dist"), out, { recursive: true });
  rmSync(work, { recursive: true, force: true });
  return { dist: out, seconds };
}

// In the page: click `sel`'s i-th match and time the DOM update and the next painted frame.
async function timeClick(page, sel, i) {
  return page.evaluate(
    ([sel, i]) =>
      new Promise((done) => {
        const list = document.querySelectorAll(sel);
        const el = list[i % list.length];
        if (!el) return done(null);
        let last = null;
        const mo = new MutationObserver(() => (last = performance.now()));
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        el.click();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            const t1 = performance.now();
            // A render scheduled later than the frame shows as a late mutation.
            setTimeout(() => {
              mo.disconnect();
              done({ dom: (last ?? t0) - t0, frame: Math.max(t1, last ?? t1) - t0 });
            }, 50);
          };
          ch.port2.postMessage(0);
        });
      }),
    [sel, i],
  );
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));

async function measure(browser, url, label) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const t = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("dossier-interactive").length > 0, null, {
    timeout: 300000,
  });
  const openMs = Date.now() - t;
  await settle(page);
  const stats = await page.evaluate(() => ({
    bytes: [...document.querySelectorAll("article.body [data-part]")].reduce((n, e) => n + e.textContent.length, 0),
    marks: document.querySelectorAll("article.body mark").length,
    entities: document.querySelectorAll("[data-testid=entities] button.entity").length,
    events: document.querySelectorAll("[data-testid=timeline] button.ev").length,
  }));
  const cases = {
    "toggle a type": "[data-testid=legend] button.toggle",
    "focus an entity": "[data-testid=entities] button.entity",
    "select an event": "[data-testid=timeline] button.ev",
  };
  const result = { label, openMs, ...stats, cases: {} };
  for (const [name, sel] of Object.entries(cases)) {
    const runs = [];
    // Start from a clear state (no focus, no event: every event listed).
    await page.keyboard.press("Escape");
    await settle(page);
    for (let i = 0; i < REPS; i++) {
      // Types: the same toggle off and on; entities and events: the next one.
      const r = await timeClick(page, sel, name === "toggle a type" ? 0 : i);
      if (r) runs.push(r);
      if (process.env.BENCH_DEBUG) console.error(name, i, JSON.stringify(r));
      await settle(page);
    }
    result.cases[name] = { dom: median(runs.map((r) => r.dom)), frame: median(runs.map((r) => r.frame)), max: Math.max(...runs.map((r) => r.frame)), n: runs.length };
  }
  // Every highlight on, no focus, no event; then scroll top to bottom.
  await page.evaluate(() => {
    for (const b of document.querySelectorAll("[data-testid=legend] button.toggle[aria-pressed=false]")) b.click();
  });
  await page.keyboard.press("Escape");
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  const scroll = await page.evaluate(
    () =>
      new Promise((done) => {
        const before = window.__long.length;
        const t0 = performance.now();
        let frames = 0;
        const step = () => {
          frames++;
          const y = window.scrollY;
          window.scrollBy(0, window.innerHeight);
          if (window.scrollY === y || frames > 5000) {
            setTimeout(() => {
              const long = window.__long.slice(before).filter((e) => e.start >= t0);
              done({ frames, ms: performance.now() - t0, long: long.length, worst: long.reduce((m, e) => Math.max(m, e.duration), 0) });
            }, 200);
          } else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  result.scroll = scroll;
  await context.close();
  return result;
}

async function main() {
  const targets = [{ label: "seed", dist: DIST, slug: null, limit: 16 }];
  let cleanup = null;
  let build = null;
  if (flag("--big") || opt("--big-dist", null)) {
    let big = opt("--big-dist", null);
    if (!big) {
      const gen = mkdtempSync(join(tmpdir(), "dossier-articles-"));
      const paths = generate({ out: gen, size: 1_000_000, count: 1 });
      console.error("building the 1 MB set in a temporary copy (trunk build --release) ...");
      build = buildDistWith(paths);
      big = build.dist;
      rmSync(gen, { recursive: true, force: true });
      cleanup = big;
    }
    targets.push({ label: "1 MB", dist: resolve(big), limit: 100 });
  }
  const browser = await launch();
  const results = [];
  try {
    for (const t of targets) {
      const server = await serve({ root: t.dist });
      try {
        // The first article of the set (the only one in a generated set).
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => document.documentElement.dataset.app === "ready", null, { timeout: 300000 });
        const href = await page.evaluate(() => document.querySelector('a[href*="#/a/"]')?.getAttribute("href") ?? location.hash);
        await page.close();
        const hash = href.slice(href.indexOf("#"));
        const r = await measure(browser, `${server.url}index.html${hash}`, t.label);
        r.limit = t.limit;
        results.push(r);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
  }
  const f = (x) => x.toFixed(1);
  console.log(`interaction: median of ${REPS} clicks each (ms; frame = until the next painted frame)`);
  console.log("| article | chars | marks | action | dom | frame | worst | target |");
  console.log("|---|---:|---:|---|---:|---:|---:|---:|");
  for (const r of results) {
    for (const [name, c] of Object.entries(r.cases)) {
      console.log(`| ${r.label} | ${r.bytes} | ${r.marks} | ${name} | ${f(c.dom)} | ${f(c.frame)} | ${f(c.max)} | ≤ ${r.limit} |`);
    }
  }
  console.log("| article | open (ms) | scroll frames | long tasks > 50 ms | worst long task (ms) |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.label} | ${r.openMs} | ${r.scroll.frames} | ${r.scroll.long} | ${f(r.scroll.worst)} |`);
  if (build) console.log(`1 MB set: trunk build --release took ${build.seconds.toFixed(0)} s`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
