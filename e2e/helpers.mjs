// Shared pieces of the end-to-end tests: the browser, the expected articles,
// and a guard that records everything a page must not do.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, mkdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { chromiumOptions } from "./browser.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = resolve(ROOT, process.env.DIST ?? "dist");
export const ARTIFACTS = join(ROOT, "e2e", "artifacts");
export const ARTICLES_DIR = join(ROOT, "assets", "articles");
/** How long to wait for the app to render (the first WASM compile can be slow). */
export const APP_TIMEOUT = Number(process.env.E2E_APP_TIMEOUT_MS ?? 30000);

mkdirSync(ARTIFACTS, { recursive: true });

export function launch() {
  return chromium.launch(chromiumOptions());
}

/**
 * The article set as the app should show it: the parser's own output for each
 * file in `dir` (assets/articles unless told), in file-name order: slug,
 * title, date, blocks[].text.
 */
export function loadArticles(dir = ARTICLES_DIR) {
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  assert.ok(files.length > 0, `no articles in ${dir}`);
  // ANALYZE_BIN: an already built `analyze` to use instead of `cargo run`.
  const [cmd, args] = process.env.ANALYZE_BIN
    ? [process.env.ANALYZE_BIN, ["--article", ...files]]
    : ["cargo", ["run", "-q", "-p", "dossier-core", "--bin", "analyze", "--", "--article", ...files]];
  const out = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, `analyze --article failed:\n${out.stderr}`);
  const lines = out.stdout.split("\n").filter((l) => l.trim());
  assert.equal(lines.length, files.length, "one JSON line per article");
  return lines.map((l, i) => {
    const a = JSON.parse(l);
    return {
      file: files[i],
      slug: a.slug,
      title: a.meta.title,
      date: a.meta.date ?? null,
      blocks: a.blocks.map((b) => b.text),
    };
  });
}

/** Opens a page in a fresh context with a guard attached. */
export async function openGuarded(browser, { allow, viewport, colorScheme, bypassCSP = false } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 800 },
    colorScheme: colorScheme ?? "light",
    serviceWorkers: "block",
    bypassCSP,
  });
  const page = await context.newPage();
  const guard = {
    consoleErrors: [],
    pageErrors: [],
    cspConsole: [],
    requests: [],
    foreign: [],
    failed: [],
  };
  const allowed = (url) => url.startsWith("data:") || url.startsWith("blob:") || allow(url);
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // Anything bound elsewhere is recorded and never leaves the machine.
  await context.route(
    (url) => !allowed(url.href),
    (route) => {
      guard.foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  page.on("request", (r) => {
    guard.requests.push(r.url());
    if (!allowed(r.url())) guard.foreign.push(r.url());
  });
  page.on("requestfailed", (r) => {
    if (allowed(r.url())) guard.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on("console", (m) => {
    const text = m.text();
    if (/content security policy/i.test(text)) guard.cspConsole.push(text);
    if (m.type() === "error") guard.consoleErrors.push(text);
  });
  page.on("pageerror", (e) => guard.pageErrors.push(String(e?.stack ?? e)));
  return { context, page, guard };
}

/** Asserts the guard saw nothing wrong (and the page saw no CSP violation). */
export async function assertClean(page, guard, what) {
  const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
  assert.deepEqual(guard.foreign, [], `${what}: requests to another origin`);
  assert.deepEqual(guard.pageErrors, [], `${what}: uncaught errors`);
  assert.deepEqual(guard.consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(guard.failed, [], `${what}: failed requests`);
  assert.deepEqual(csp, [], `${what}: CSP violations (securitypolicyviolation)`);
  assert.deepEqual(guard.cspConsole, [], `${what}: CSP violations (console)`);
}

/** Waits until the app is live: the prerendered page has been hydrated. */
export async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === "ready", null, { timeout: APP_TIMEOUT });
}

/**
 * Waits until the app is live (`<html data-app="ready">`: the prerendered page
 * has been hydrated) and shows either view.
 */
export async function waitForApp(page) {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.app === "ready" &&
      (document.querySelector("article") || document.querySelector('a[href*="#/a/"]')),
    null,
    { timeout: APP_TIMEOUT },
  );
}

/** Waits until the live app shows the article with this title. */
export async function waitForArticle(page, title) {
  await page.waitForFunction(
    (t) => {
      const art = document.querySelector("article");
      if (!art || document.documentElement.dataset.app !== "ready") return false;
      return [...document.querySelectorAll("h1")].some((h) => h.textContent === t);
    },
    title,
    { timeout: APP_TIMEOUT },
  );
}

/**
 * The texts of the reading blocks inside <article>: leaf paragraphs, headings,
 * quotes and list items, outside the header and any panel.
 */
export function articleBlockTexts(page) {
  return page.evaluate(() => {
    const art = document.querySelector("article");
    if (!art) return null;
    const sel = "p, h1, h2, h3, h4, h5, h6, blockquote, li, pre";
    const skip = 'header, nav, aside, footer, figure, [aria-label="Timeline"], [aria-label="Entities"], [hidden], [aria-hidden="true"]';
    return [...art.querySelectorAll(sel)]
      .filter((el) => !el.querySelector(sel))
      .filter((el) => !(el.parentElement && el.parentElement.closest(skip)) && !el.matches(skip))
      .map((el) => el.textContent);
  });
}

/** Asserts that `expected` occurs in `actual` as one contiguous run. */
export function assertContainsRun(actual, expected, what) {
  assert.ok(Array.isArray(actual), `${what}: no <article> on the page`);
  const start = actual.indexOf(expected[0]);
  assert.ok(
    start >= 0,
    `${what}: first paragraph not found as a block of its own.\nexpected: ${JSON.stringify(expected[0])}\nblocks on the page:\n${actual
      .map((t) => "  " + JSON.stringify(t.slice(0, 120)))
      .join("\n")}`,
  );
  assert.deepEqual(actual.slice(start, start + expected.length), expected, `${what}: paragraphs differ from the source`);
}

/**
 * Clicks through what a reader would: mentions, timeline events, buttons,
 * toggles and in-page links (never links that leave the page), up to `limit`
 * of each kind. Returns how many were clicked.
 */
export async function exercise(page, limit = 10) {
  const kinds = [
    "mark[data-entity]",
    '#timeline-list li[data-date]',
    '[aria-label="Entities"] button, [aria-label="Entities"] a[href^="#"]:not(.to-page)',
    '[aria-label="Timeline"] button',
    '[role="group"] button, main button:not([type="submit"])',
    'input[type="checkbox"]',
    'button:not([type="submit"])',
    'a[href^="#"]:not([href*="#/"])',
  ];
  let clicked = 0;
  for (const sel of kinds) {
    const items = await page.locator(sel).all();
    for (const item of items.slice(0, limit)) {
      try {
        if (!(await item.isVisible())) continue;
        await item.click({ timeout: 1000 });
        clicked++;
        await page.waitForTimeout(50);
      } catch {
        // Hidden, detached or covered after an earlier click: not an error of the page.
      }
    }
  }
  // Find in the article: type a word of it, step through the hits, clear.
  const find = page.locator('input[type="search"], main input[type="text"]').first();
  if ((await find.count()) > 0 && (await find.isVisible().catch(() => false))) {
    const word = await page.evaluate(() => {
      const p = document.querySelector("article p");
      return (p?.textContent ?? "").split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w)) ?? "the";
    });
    try {
      await find.fill(word, { timeout: 2000 });
      await find.press("Enter");
      await find.press("Enter");
      await find.fill("", { timeout: 2000 });
      clicked++;
    } catch {
      // The field went away (e.g. a route change): nothing to check here.
    }
  }
  await page.keyboard.press("Escape").catch(() => {});
  return clicked;
}

export const fileExists = existsSync;
