// First paint of an article: the release app against a plain static page.
//
//   node bench/firstpaint.mjs [--runs 15] [--dist dist] [--slug SLUG] [--json FILE]
//
// Both pages are served by one static server on 127.0.0.1 in the same run:
//   app    DIST/index.html#/a/SLUG (the release build)
//   plain  a static HTML page with the same article text (from the parser,
//          `analyze --article`) and the same CSS file, no script.
//   html   the release index.html without its scripts and preloads: the
//          build-time render alone (what a reader without JavaScript gets).
// Each load is cold: a new browser context, the HTTP cache disabled. Loads
// alternate app/plain. Reported per page, as medians over the runs:
//   para   ms until the first paragraph of the article is in the DOM
//   lcp    largest-contentful-paint (the last candidate before interaction)
//   fcp    first-contentful-paint
//   ready  app only: the `dossier-interactive` mark (the reader is rendered
//          with its highlights)
// and the ratio app/plain of each (target for LCP: at most 1.3).

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../e2e/server.mjs";
import { chromiumOptions } from "../e2e/browser.mjs";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(opt("--runs", "15"));
const DIST = resolve(ROOT, opt("--dist", "dist"));
const ARTICLES = resolve(ROOT, opt("--articles", "assets/articles"));
const JSON_OUT = opt("--json", null);

export function launch() {
  return chromium.launch(chromiumOptions());
}

/** The parser's view of one article file (slug, meta, blocks). */
export function parseArticle(file) {
  const [cmd, cargs] = process.env.ANALYZE_BIN
    ? [process.env.ANALYZE_BIN, ["--article", file]]
    : ["cargo", ["run", "-q", "-p", "dossier-core", "--bin", "analyze", "--", "--article", file]];
  const out = spawnSync(cmd, cargs, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`analyze --article failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.split("\n").find((l) => l.trim()));
}

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** A static page with the article's text in the reader's markup and CSS. */
export function plainPage(article, cssFile) {
  const blocks = [];
  let list = [];
  const flush = () => {
    if (list.length) blocks.push(`<ul>${list.join("")}</ul>`);
    list = [];
  };
  article.blocks.forEach((b, i) => {
    const part = i + 1;
    const kind = typeof b.kind === "string" ? b.kind : Object.keys(b.kind)[0];
    const text = esc(b.text);
    if (kind === "ListItem") return list.push(`<li data-part="${part}">${text}</li>`);
    flush();
    if (kind === "Quote") blocks.push(`<blockquote><p data-part="${part}">${text}</p></blockquote>`);
    else if (kind === "Heading") {
      const level = Math.min(6, Math.max(2, (b.kind.Heading ?? 1) + 1));
      blocks.push(`<h${level} data-part="${part}">${text}</h${level}>`);
    } else blocks.push(`<p data-part="${part}">${text}</p>`);
  });
  flush();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(article.meta.title)}</title>
    <link rel="stylesheet" href="${cssFile}" />
  </head>
  <body>
    <div class="reader"><main class="text" id="text">
      <article class="body" aria-labelledby="title">
        <header class="reader-head"><h1 id="title">${esc(article.meta.title)}</h1></header>
        <div class="blocks">${blocks.join("\n")}</div>
      </article>
    </main></div>
  </body>
</html>
`;
}

// Installed before any of the page's own code: records when the first
// paragraph enters the DOM, and every LCP / paint entry.
export const PROBE = () => {
  window.__fp = { para: null, lcp: [], fcp: null, live: null };
  const sel = "article.body p[data-part]";
  const check = () => {
    if (window.__fp.para === null && document.querySelector(sel)) {
      window.__fp.para = performance.now();
    }
    if (window.__fp.live === null && document.documentElement.dataset.app === "ready") {
      window.__fp.live = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-app"] });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__fp.lcp.push(e.startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__fp.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
};

/**
 * One cold load of `url`. Waits for the reader (`isApp`), the plain page's
 * first paragraph, or `until` (a function run in the page) when given.
 */
export async function load(browser, url, isApp, until = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: "load" });
  if (until) {
    await page.waitForFunction(until, null, { timeout: 300000 });
  } else if (isApp) {
    // The reader is live with its highlights and panels.
    await page.waitForFunction(
      () => performance.getEntriesByName("dossier-interactive").length > 0,
      null,
      {
        timeout: 30000,
      },
    );
  } else {
    await page.waitForSelector("article.body p[data-part]");
  }
  // Let the last paint land and the LCP entry arrive.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  const r = await page.evaluate(() => {
    const m = performance.getEntriesByName("dossier-interactive")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      para: window.__fp.para,
      lcp: window.__fp.lcp.length ? window.__fp.lcp[window.__fp.lcp.length - 1] : null,
      fcp: window.__fp.fcp,
      ready: m ? m.startTime : null,
      load: nav ? nav.loadEventEnd : null,
      live: window.__fp.live,
    };
  });
  await context.close();
  return r;
}

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

async function main() {
  const files = readdirSync(ARTICLES).filter((f) => /\.(md|txt)$/.test(f)).sort();
  if (!files.length) throw new Error(`no articles in ${ARTICLES}`);
  const article = parseArticle(join(ARTICLES, files[0]));
  const slug = opt("--slug", article.slug);
  const css = readdirSync(DIST).find((f) => /^app-.*\.css$/.test(f) || f === "app.css");
  if (!css) throw new Error(`no app CSS in ${DIST}: run make dist first`);

  // One folder, one server: the release files and the plain page side by side.
  const dir = mkdtempSync(join(tmpdir(), "dossier-firstpaint-"));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, "plain.html"), plainPage(article, css));
  const noScript = readFileSync(join(DIST, "index.html"), "utf8")
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/gi, "");
  writeFileSync(join(dir, "html.html"), noScript);
  const server = await serve({ root: dir });
  const browser = await launch();
  const res = { app: [], plain: [], html: [] };
  try {
    // One warm-up of each (the browser process itself), not counted.
    await load(browser, `${server.url}index.html#/a/${slug}`, true);
    await load(browser, `${server.url}plain.html`, false);
    for (let i = 0; i < RUNS; i++) {
      res.app.push(await load(browser, `${server.url}index.html#/a/${slug}`, true));
      res.plain.push(await load(browser, `${server.url}plain.html`, false));
      res.html.push(await load(browser, `${server.url}html.html#/a/${slug}`, false));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (k, w) => median(res[w].map((r) => r[k]));
  const f = (x) => (x === null ? "-" : x.toFixed(1));
  const out = { runs: RUNS, slug, app: {}, plain: {}, html: {}, ratio: {} };
  console.log(`first paint, ${slug}: median of ${RUNS} cold loads each (ms)`);
  console.log("| metric | app | plain | app/plain | app HTML without scripts |");
  console.log("|---|---:|---:|---:|---:|");
  for (const k of ["para", "fcp", "lcp", "ready", "load"]) {
    const a = med(k, "app");
    const p = med(k, "plain");
    const h = med(k, "html");
    out.app[k] = a;
    out.plain[k] = p;
    out.html[k] = h;
    out.ratio[k] = a !== null && p ? a / p : null;
    console.log(`| ${k} | ${f(a)} | ${f(p)} | ${out.ratio[k] === null ? "-" : out.ratio[k].toFixed(2)} | ${f(h)} |`);
  }
  const lcpRatio = out.ratio.lcp;
  console.log(`LCP ratio app/plain: ${lcpRatio === null ? "-" : lcpRatio.toFixed(2)} (target <= 1.3)`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(out, null, 2) + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
