// The set's pages, in Chromium against a release build.
//
//   node bench/pages.mjs [--dist dist] [--runs 5] [--queries 40] [--only entity,timeline,search] [--corrected rename|merge] [--json FILE]
//
// For the build in --dist (any set: `make dist ARTICLES=...`, or a kept e2e
// build), each run a fresh browser context (cold: nothing cached):
//   open     from the navigation to #/timeline, #/search?q=<word> (the
//            results listed; search_snippets: with their snippets) and an
//            entity's page (the first the first article's panel links to)
//            until its first screen is there (the pages module loaded, the
//            set read, the page rendered; on a split set the entity page
//            comes from its shard, and the run says how many article files
//            and shards it fetched); median of --runs; --only measures some
//   answer   search as one types: from setting the box until the results
//            of that query are rendered (the results' `data-answered`), for
//            --queries words of the first article, once the page is open;
//            median and 95th percentile; then the same words again
//            ("again": on a split set, their shards are at hand)
//   sorted   (a split set) from choosing "by title" until the sorted
//            results are shown with their snippets
//   memory   the renderer processes' resident memory once the page is
//            shown, less that of a blank page (Linux, /proc)
// and the long tasks (over 50 ms) meanwhile. With --corrected, each run
// starts with the reader's corrections kept in the browser: `rename`, the
// entity measured renamed and retyped (which a split set's pages replay on
// what the build made, reading no more); `merge`, the next entity the
// article names merged into it (which needs every article).

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/server.mjs";
import { articleBlockTexts } from "../e2e/helpers.mjs";
import { launch, median } from "./firstpaint.mjs";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(ROOT, opt("--dist", "dist"));
const RUNS = Number(opt("--runs", "5"));
const QUERIES = Number(opt("--queries", "40"));
const JSON_OUT = opt("--json", null);
const ONLY = opt("--only", "timeline,search,entity").split(",");
const CORRECTED = opt("--corrected", null);
if (CORRECTED && !["rename", "merge"].includes(CORRECTED)) throw new Error(`--corrected: rename or merge, not ${CORRECTED}`);

/** The resident memory of the browser's renderer processes, in MiB (Linux). */
function rendererMiB() {
  let kib = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const rss = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m);
      if (rss) kib += Number(rss[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kib / 1024;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const server = await serve({ root: DIST, prefix: "/" });
const browser = await launch();
const opens = Object.fromEntries(ONLY.map((k) => [k, []]));
const memory = Object.fromEntries(ONLY.map((k) => [k, []]));
const fetched = {};
const answers = [];
const answersAgain = [];
let longTasks = 0;
let articles = 0;
try {
  // The words and the entity: from the first article, read once.
  const probe = await browser.newContext();
  const p0 = await probe.newPage();
  // The library lists the set (a set of one article opens on it: search lists it).
  await p0.goto(`${server.url}#/`);
  await p0.waitForSelector("html[data-app=ready]", { timeout: 60000 });
  let list = ".library a[href^='#/a/']";
  if (!(await p0.locator(list).count())) {
    list = '[aria-label="Search results"] li > a';
    await p0.goto(`${server.url}#/search`);
    await p0.waitForSelector(list, { timeout: 60000 });
  }
  // A split set: one file per article; a whole one: what the list shows.
  const files = join(DIST, "articles");
  articles = existsSync(files) ? readdirSync(files).length : await p0.locator(list).count();
  const first = await p0.locator(list).first().getAttribute("href");
  await p0.goto(`${server.url}${first}`);
  await p0.waitForSelector("aside a.to-page", { timeout: 60000 });
  const [entity, other] = await p0.locator("aside a.to-page").evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute("href")));
  const text = (await articleBlockTexts(p0)).join(" ");
  const words = [...new Set(text.match(/\p{L}{5,}/gu) ?? [])].slice(0, QUERIES);
  await probe.close();

  for (let run = 0; run < RUNS; run++) {
    for (const [name, hash, ready] of [
      ["timeline", "#/timeline", 'main[aria-label="Set timeline"] li[data-date]'],
      ["search", `#/search?q=${encodeURIComponent(words[0])}`, '[aria-label="Search results"] li > a'],
      ["entity", entity, 'main[aria-label="Entity"] h1'],
    ].filter(([name]) => ONLY.includes(name))) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      if (CORRECTED) {
        const key = (href) => decodeURIComponent(href.replace(/^#\/e\//, ""));
        const text =
          CORRECTED === "rename"
            ? `rename\t${key(entity)}\tA name the reader gave\ntype\t${key(entity)}\torganization\n`
            : `merge\t${key(other)}\t${key(entity)}\n`;
        await page.addInitScript((text) => {
          try {
            localStorage.setItem("dossier.corrections", text);
          } catch {
            // (about:blank has no storage)
          }
        }, text);
      }
      await page.addInitScript(() => {
        window.__long = 0;
        new PerformanceObserver((l) => (window.__long += l.getEntries().length)).observe({ type: "longtask", buffered: true });
      });
      await page.goto("about:blank");
      const before = rendererMiB();
      await page.goto(`${server.url}${hash}`);
      // performance.now() counts from the navigation.
      const shown = await page
        .waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), ready, { timeout: 60000 })
        .catch(async (e) => {
          throw new Error(`${name} (${hash}) did not show ${ready}: ${(await page.evaluate(() => document.body.innerText)).slice(0, 300)}`, { cause: e });
        });
      opens[name].push(await shown.jsonValue());
      if (name === "search") {
        // The results' snippets (a split set reads them from the articles' files after listing the results).
        const full = await page.waitForFunction(() => (document.querySelector('[aria-label="Search results"][data-answered] li > a') ? performance.now() : false), null, { timeout: 60000 });
        (opens.search_snippets ??= []).push(await full.jsonValue());
      }
      memory[name].push(rendererMiB() - before);
      fetched[name] = {
        articleFiles: requests.filter((u) => /\/articles\/[^/]+\.bin/.test(u)).length,
        shards: requests.filter((u) => /\/set\/e\/\d+\.bin/.test(u)).length,
        setPages: requests.filter((u) => /\/set\/pages\.bin/.test(u)).length,
        searchShards: requests.filter((u) => /\/set\/s\/\d+\.bin/.test(u)).length,
        timelineFiles: requests.filter((u) => /\/set\/t\/\d+\.bin/.test(u)).length,
      };
      if (name === "search" && existsSync(join(DIST, "articles"))) {
        // A split set: the results sorted by title, from the articles'
        // facets (read after the first answer, or then), until shown with
        // their snippets.
        await page.waitForFunction((w) => document.querySelector('[aria-label="Search results"][aria-busy="false"]')?.dataset.answered === w, words[0], { timeout: 60000 });
        const ms = await page.evaluate(async (w) => {
          const results = () => document.querySelector('[aria-label="Search results"]');
          const t = performance.now();
          let left = false;
          const done = new Promise((go) => {
            const seen = new MutationObserver(() => {
              const r = results();
              if (r?.dataset.answered !== w) left = true;
              else if (left && r.getAttribute("aria-busy") === "false") {
                seen.disconnect();
                go(performance.now() - t);
              }
            });
            seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-answered", "aria-busy"] });
          });
          const sort = document.querySelector("#search-sort");
          sort.value = "title";
          sort.dispatchEvent(new Event("change", { bubbles: true }));
          return Promise.race([done, new Promise((go) => setTimeout(() => go(null), 20000))]);
        }, words[0]);
        if (ms !== null) (opens.search_sorted ??= []).push(ms);
      }
      if (name === "search" && run === 0) {
        const box = page.locator('input[aria-label="Search the articles"]');
        // Each word twice: first its shards are read (a split set), then
        // they are at hand.
        for (const [pass, list] of [["first", answers], ["again", answersAgain]]) {
          // (a box holding the word typed next would not change: emptied)
          if (pass === "again") await box.fill("");
          // (not the word the page opened with: the box holds it already)
          for (const w of words.slice(1)) {
            const ms = await page.evaluate(async (w) => {
              const box = document.querySelector('input[aria-label="Search the articles"]');
              const answered = () => document.querySelector('[aria-label="Search results"]')?.dataset.answered === w;
              const t = performance.now();
              const done = new Promise((go) => {
                const seen = new MutationObserver(() => answered() && (seen.disconnect(), go()));
                seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-answered"] });
              });
              box.value = w;
              box.dispatchEvent(new InputEvent("input", { bubbles: true }));
              await done;
              return performance.now() - t;
            }, w);
            list.push(ms);
          }
        }
        await box.fill("");
      }
      longTasks += await page.evaluate(() => window.__long);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const result = {
  dist: DIST,
  articles,
  corrected: CORRECTED,
  runs: RUNS,
  open_ms: Object.fromEntries(Object.entries(opens).map(([k, v]) => [k, Math.round(median(v))])),
  fetched,
  // the renderer processes' resident memory once the page is shown, less
  // that of a blank page (median)
  memory_mib: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, Math.round(median(v))])),
  answer_ms: answers.length ? { queries: answers.length, median: +median(answers).toFixed(1), p95: +pct(answers, 95).toFixed(1) } : null,
  answer_again_ms: answersAgain.length ? { queries: answersAgain.length, median: +median(answersAgain).toFixed(1), p95: +pct(answersAgain, 95).toFixed(1) } : null,
  long_tasks: longTasks,
};
console.log(JSON.stringify(result, null, 2));
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
