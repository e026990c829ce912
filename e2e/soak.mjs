// Long soak of the release build in dist/: for a few minutes, open every
// article of the library and use everything a reader can use (highlight
// toggles, the entity panel, mentions and their cards, the timeline by mouse
// and by keys, find, help, Escape), over and over. Then check that nothing
// went wrong and that memory did not grow.
//
//   node e2e/soak.mjs [--minutes N] [--dist DIR] [--only STEP,...]
//
// --only runs some of the steps (legend, panel, marks, timeline, find, help),
// to find which one a failure or a growth comes from.
// N defaults to $SOAK_MINUTES, else 3. DIR defaults to $DIST, else dist.
// CHROMIUM names the browser binary (default /usr/bin/chromium); SOAK_DEBUG=1
// prints the whole message of a step that threw.
//
// Fails (exit status 1) on any console error, uncaught page error, CSP
// violation, request to another origin, request after the page has loaded,
// a check of the page that did not hold, or memory growth after garbage
// collection (see TOLERANCE below). Ends with one line:
//   soak: N passed, N failed

import { existsSync } from "node:fs";
import { resolve, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { chromiumOptions } from "./browser.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// --- options ----------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name) {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) usage(`${name} needs a value`);
  argv.splice(i, 2);
  return v;
}
function usage(msg) {
  console.error(`soak: ${msg}\nusage: node e2e/soak.mjs [--minutes N] [--dist DIR] [--only ${STEPS.join(",")}]`);
  process.exit(2);
}
const minutes = Number(option("--minutes") ?? process.env.SOAK_MINUTES ?? 3);
const DIST = resolve(ROOT, option("--dist") ?? process.env.DIST ?? "dist");
const STEPS = ["legend", "panel", "marks", "timeline", "find", "help"];
const only = (option("--only") ?? STEPS.join(",")).split(",").filter(Boolean);
if (only.some((s) => !STEPS.includes(s))) usage(`--only takes some of ${STEPS.join(",")}`);
if (argv.length) usage(`unknown argument ${argv[0]}`);
if (!Number.isFinite(minutes) || minutes <= 0) usage(`--minutes must be a positive number`);
if (!existsSync(join(DIST, "index.html"))) usage(`${DIST}/index.html missing: run 'make dist' first`);

// Memory after a forced garbage collection may grow by this much between the
// warmed-up page and the page after the soak, in the same view. Both limits
// must be exceeded to fail: after GC the V8 heap of an idle page still moves
// by a few hundred KB (compiled code, inline caches, feedback vectors), and a
// small heap makes a percentage alone too strict; a real leak (a closure, a
// listener or a detached subtree per click) over the tens of thousands of
// actions of a soak adds megabytes and keeps growing with the run time.
// The WASM linear memory never shrinks, so after the warm-up round it should
// not grow at all; it gets the same allowance for allocator fragmentation.
// DOM nodes alive after GC (attached or detached): a leaked subtree per render
// is tens to hundreds of nodes per action, thousands of actions a minute; the
// allowance leaves room for the slow growth measured on the card's
// Previous/Next mention buttons (about one node per click, JS heap flat),
// which shows in the report as a rising count without failing a 3-minute run.
const TOLERANCE = {
  JSHeapUsedSize: { ratio: 0.2, abs: 2 * 1024 * 1024, unit: "MB" },
  wasmMemory: { ratio: 0.2, abs: 2 * 1024 * 1024, unit: "MB" },
  Nodes: { ratio: 0.5, abs: 5000, unit: "" },
  JSEventListeners: { ratio: 0.2, abs: 200, unit: "" },
};

// --- bookkeeping --------------------------------------------------------------

const stats = { passed: 0, failed: 0, failures: new Map() };
const actions = {};
function count(what, n = 1) {
  actions[what] = (actions[what] ?? 0) + n;
}
function check(ok, what) {
  if (ok) {
    stats.passed++;
    return true;
  }
  stats.failed++;
  stats.failures.set(what, (stats.failures.get(what) ?? 0) + 1);
  return false;
}
/** Runs a step; an exception (a timeout, a missing element) is a failure. */
async function step(what, fn) {
  try {
    await fn();
  } catch (e) {
    const lines = String(e?.message ?? e).split("\n");
    if (process.env.SOAK_DEBUG) console.log(`soak: ${what}:\n${lines.join("\n")}`);
    const why = lines.find((l) => /intercepts pointer events|not visible|not stable|detached/.test(l));
    check(false, `${what}: ${lines[0]}${why ? ` (${why.trim()})` : ""}`);
  }
}
const SHORT = 3000;
/** Waits until `fn(arg)` holds in the page; false after `timeout`. */
async function until(page, fn, arg, timeout = SHORT) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 20 });
    return true;
  } catch {
    return false;
  }
}

// --- the page -------------------------------------------------------------------

const server = await serve({ root: DIST, prefix: "/" });
const browser = await chromium.launch(chromiumOptions());
const context = await browser.newContext({
  viewport: { width: 1280, height: 900 },
  serviceWorkers: "block",
});
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
  });
});
const guard = { console: [], page: [], csp: [], foreign: [], afterLoad: [], requests: 0 };
const sameOrigin = (url) => url.startsWith(server.origin + "/");
const local = (url) => url.startsWith("data:") || url.startsWith("blob:");
await context.route(
  (url) => !sameOrigin(url.href) && !local(url.href),
  (route) => {
    guard.foreign.push(route.request().url());
    return route.abort("blockedbyclient");
  },
);
const page = await context.newPage();
let loaded = false;
page.on("request", (r) => {
  const url = r.url();
  if (local(url)) return;
  guard.requests++;
  if (!sameOrigin(url) && !guard.foreign.includes(url)) guard.foreign.push(url);
  if (loaded) guard.afterLoad.push(url);
});
page.on("console", (m) => {
  if (m.type() === "error") guard.console.push(m.text());
  else if (/content security policy/i.test(m.text())) guard.csp.push(m.text());
});
page.on("pageerror", (e) => guard.page.push(String(e?.stack ?? e)));

const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");

/** Memory figures after a forced garbage collection. */
async function memory() {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  // Every WebAssembly.Memory alive in the page (the app has one).
  let wasmMemory = null;
  try {
    const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const sizes = await cdp.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }",
      returnByValue: true,
    });
    wasmMemory = sizes.result.value;
    await cdp.send("Runtime.releaseObjectGroup", { objectGroup: "" }).catch(() => {});
  } catch {
    // Not available in this browser: reported as n/a.
  }
  return {
    JSHeapUsedSize: m.JSHeapUsedSize,
    wasmMemory,
    Nodes: m.Nodes,
    JSEventListeners: m.JSEventListeners,
  };
}

// --- what a reader does ---------------------------------------------------------------

const texts = new Map();
/** False when the set holds one article: the start page is that article. */
let withLibrary = false;

/** The texts of the body blocks, in order. */
function blockTexts() {
  return page.evaluate(() => [...document.querySelectorAll("article [data-part]")].map((e) => e.textContent));
}

async function textIntact(slug, when) {
  const now = await blockTexts();
  const want = texts.get(slug);
  check(JSON.stringify(now) === JSON.stringify(want), `${slug}: body text changed ${when}`);
}

async function calm() {
  // Nothing focused, nothing open: keys go to the page. The pointer rests in
  // the corner, away from the marks that scrolling would bring under it.
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur?.());
  for (let i = 0; i < 4; i++) await page.keyboard.press("Escape");
}

async function librarySlugs() {
  await page.evaluate(() => (location.hash = "#/"));
  await until(page, () => document.documentElement.dataset.app === "ready", null, 30000);
  return page.evaluate(() => {
    const lib = document.querySelector("[data-testid=library]");
    if (!lib) return [document.querySelector("[data-testid=reader]")?.getAttribute("data-slug")].filter(Boolean);
    return [...lib.querySelectorAll('a[href*="#/a/"]')].map((a) => a.getAttribute("href").split("#/a/")[1]);
  });
}

async function open(slug) {
  const link = page.locator(`[data-testid=library] a[href$="#/a/${slug}"]`).first();
  if (withLibrary) {
    await page.evaluate(() => (location.hash = "#/"));
    await link.click({ timeout: SHORT });
  } else {
    await page.evaluate((s) => (location.hash = `#/a/${s}`), slug);
  }
  const ok = await until(
    page,
    (s) => document.querySelector(`[data-testid=reader][data-slug="${s}"] article [data-part]`),
    slug,
    10000,
  );
  check(ok, `${slug}: opens`);
  count("articles opened");
  if (!texts.has(slug)) texts.set(slug, await blockTexts());
  await textIntact(slug, "on opening");
}

async function legend(slug) {
  const types = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label=Highlights] button[data-type]")].map((b) => b.getAttribute("data-type")),
  );
  const toggle = (type) => page.locator(`[aria-label=Highlights] button[data-type="${type}"]`);
  const before = await page.locator("article mark[data-entity]").count();
  for (const type of types) {
    const t = toggle(type);
    await t.click({ timeout: SHORT });
    check(
      await until(page, (ty) => !document.querySelector(`article mark[data-type="${ty}"]`), type),
      `${slug}: ${type} off hides its marks`,
    );
    check((await t.getAttribute("aria-pressed")) === "false", `${slug}: ${type} toggle pressed state`);
    count("legend toggles");
  }
  await textIntact(slug, "with every type off");
  for (const type of types) {
    await toggle(type).click({ timeout: SHORT });
    count("legend toggles");
  }
  check(
    await until(page, (n) => document.querySelectorAll("article mark[data-entity]").length === n, before),
    `${slug}: every type back on restores the marks`,
  );
}

async function panel(slug) {
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=entities] button[data-entity]")].map((b) => b.getAttribute("data-entity")),
  );
  for (const id of ids) {
    const b = page.locator(`[data-testid=entities] button[data-entity="${id}"]`);
    await b.click({ timeout: SHORT });
    check(
      await until(
        page,
        (i) =>
          document.querySelector(`[data-testid=entities] button[data-entity="${i}"][aria-pressed=true]`) &&
          [...document.querySelectorAll("article mark.focus")].every((m) => m.getAttribute("data-entity") === i),
        id,
      ),
      `${slug}: focusing an entity from the panel`,
    );
    await b.click({ timeout: SHORT });
    check(await until(page, () => !document.querySelector("article mark.focus")), `${slug}: unfocusing from the panel`);
    count("panel focus");
  }
  // The panel's filter field.
  const filter = page.locator("[data-testid=entities] input").first();
  if ((await filter.count()) > 0) {
    const all = ids.length;
    await filter.fill("a");
    await filter.fill("zzzzqx");
    check(
      await until(page, () => !document.querySelector("[data-testid=entities] button[data-entity]")),
      `${slug}: the panel filter hides what does not match`,
    );
    await filter.fill("");
    check(
      await until(page, (n) => document.querySelectorAll("[data-testid=entities] button[data-entity]").length === n, all),
      `${slug}: clearing the panel filter`,
    );
    count("panel filter");
  }
}

const cardPosition = () =>
  page.evaluate(() => document.querySelector("[data-testid=card-position]")?.textContent?.trim() ?? null);

async function marks(slug) {
  await calm();
  const ids = await page.evaluate(() => [
    ...new Set([...document.querySelectorAll("article mark[data-entity]")].map((m) => m.getAttribute("data-entity"))),
  ]);
  for (const id of ids) {
    const mark = page.locator(`article mark[data-entity="${id}"]`).first();
    await mark.click({ timeout: SHORT });
    count("marks clicked");
    const opened = await until(
      page,
      (i) =>
        document.querySelector(`[data-testid=entity-card][data-entity="${i}"]`) &&
        [...document.querySelectorAll("article mark.focus")].every((m) => m.getAttribute("data-entity") === i),
      id,
    );
    check(opened, `${slug}: a mark opens its card and focuses its entity`);
    await page.mouse.move(0, 0);
    if (!opened) continue;
    // Follow the mentions all the way round forward, then backward.
    const [pos, total] = ((await cardPosition()) ?? "0/0").split("/").map(Number);
    if (total > 1) {
      for (const [label, forward] of [
        ["Next mention", true],
        ["Previous mention", false],
      ]) {
        const button = page.locator(`[data-testid=entity-card] button[aria-label="${label}"]`);
        let at = pos;
        for (let k = 0; k < total; k++) {
          at = forward ? (at % total) + 1 : ((at - 2 + total) % total) + 1;
          // Without moving the pointer: the card follows the mention, and a
          // mark that comes under a resting pointer would open its own card.
          await button.dispatchEvent("click");
          count("card mention links");
          const ok = await until(page, (p) => document.querySelector("[data-testid=card-position]")?.textContent?.replace(/\s/g, "") === p, `${at}/${total}`);
          check(
            ok,
            `${slug}: ${label} goes to the ${forward ? "next" : "previous"} mention, round the end` +
              (ok ? "" : ` (${id}: expected ${at}/${total}, shows ${await cardPosition()})`),
          );
        }
      }
    } else {
      check(
        await page.locator("[data-testid=entity-card] button[aria-label='Next mention']").isDisabled(),
        `${slug}: no next mention for a single mention`,
      );
    }
    const active = await page.evaluate(() => document.querySelectorAll("article mark.active").length);
    check(active === 1, `${slug}: one active mark while a card is open`);
    await page.locator("[data-testid=entity-card] button[aria-label='Close card']").dispatchEvent("click");
    check(await until(page, () => !document.querySelector("[data-testid=entity-card]")), `${slug}: the card closes`);
    await mark.click({ timeout: SHORT }); // unfocus
    await calm();
  }
  // Every mention in reading order by keys.
  await calm();
  const n = await page.locator("article mark[data-entity]").count();
  let moved = 0;
  for (let k = 0; k < n; k++) {
    const before = await page.evaluate(() => document.querySelector("article mark.active")?.getAttribute("data-m") + "/" + document.querySelector("article mark.active")?.getAttribute("data-entity"));
    await page.keyboard.press("n");
    if (await until(page, (b) => {
      const a = document.querySelector("article mark.active");
      return a && a.getAttribute("data-m") + "/" + a.getAttribute("data-entity") !== b;
    }, before)) moved++;
    await page.evaluate(() => document.activeElement?.blur?.());
  }
  check(moved === n, `${slug}: n visits every mention (${moved} of ${n})`);
  count("mentions by key", n);
  for (let k = 0; k < Math.min(n, 10); k++) {
    await page.keyboard.press("p");
    await page.evaluate(() => document.activeElement?.blur?.());
  }
  count("mentions by key", Math.min(n, 10));
  // Hovering a mark opens a card that closes when the pointer leaves.
  for (const id of ids.slice(0, 3)) {
    await calm();
    const mark = page.locator(`article mark[data-entity="${id}"]`).first();
    await mark.scrollIntoViewIfNeeded({ timeout: SHORT });
    await mark.hover({ timeout: SHORT });
    check(await until(page, (i) => document.querySelector(`[data-testid=entity-card][data-entity="${i}"]`), id), `${slug}: hovering opens the card`);
    await page.mouse.move(2, 2);
    check(await until(page, () => !document.querySelector("[data-testid=entity-card]"), null, 2000), `${slug}: leaving closes the hovered card`);
    count("hover cards");
  }
  await calm();
  await textIntact(slug, "after the mentions");
}

const selectedEvent = () =>
  page.evaluate(() => document.querySelector("[data-testid=timeline] li[aria-current=true]")?.getAttribute("data-index") ?? null);

async function timeline(slug) {
  await calm();
  const events = await page.evaluate(() =>
    [...document.querySelectorAll("#timeline-list li[data-index]")].map((li) => li.getAttribute("data-index")),
  );
  for (const index of events) {
    await page.locator(`[data-testid=timeline] li[data-index="${index}"] button.ev`).click({ timeout: SHORT });
    check(
      await until(page, (i) => document.querySelector("[data-testid=timeline] li[aria-current=true]")?.getAttribute("data-index") === i, index),
      `${slug}: clicking an event selects it`,
    );
    count("events clicked");
  }
  // The marks on the axis.
  const dots = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=timeline] svg [data-index]")].map((d) => d.getAttribute("data-index")),
  );
  for (const index of dots) {
    await page.locator(`[data-testid=timeline] svg [data-index="${index}"]`).first().dispatchEvent("click");
    check(
      await until(page, (i) => document.querySelector("[data-testid=timeline] li[aria-current=true]")?.getAttribute("data-index") === i, index),
      `${slug}: clicking an event on the axis selects it`,
    );
    count("axis events clicked");
  }
  // Entity chips of the first events focus their entity, Escape lets go.
  const chips = await page.locator("[data-testid=timeline] button.chip").all();
  for (const chip of chips.slice(0, 4)) {
    if (!(await chip.isVisible())) continue;
    const id = await chip.getAttribute("data-entity");
    await chip.click({ timeout: SHORT });
    check(
      await until(page, (i) => [...document.querySelectorAll("article mark.focus")].every((m) => m.getAttribute("data-entity") === i), id),
      `${slug}: an event's chip focuses its entity`,
    );
    await calm();
    count("event chips");
  }
  // By keys: j walks forward through every event and wraps, k walks back.
  await calm();
  const n = events.length;
  for (const key of ["j", "k"]) {
    const seen = [];
    for (let k = 0; k < n + 1; k++) {
      const before = await selectedEvent();
      await page.keyboard.press(key);
      if (n > 1) await until(page, (b) => document.querySelector("[data-testid=timeline] li[aria-current=true]")?.getAttribute("data-index") !== b, before);
      seen.push(await selectedEvent());
      await page.evaluate(() => document.activeElement?.blur?.());
    }
    check(n === 0 || new Set(seen.slice(0, n)).size === n, `${slug}: ${key} visits every event (${new Set(seen).size} of ${n})`);
    check(n === 0 || seen[n] === seen[0], `${slug}: ${key} wraps around`);
    count("events by key", n + 1);
    await calm();
  }
  for (const label of ["Next event", "Previous event"]) {
    const b = page.locator(`[data-testid=timeline] button[aria-label="${label}"]`);
    if ((await b.count()) > 0 && (await b.isVisible())) {
      for (let k = 0; k < 3; k++) await b.click({ timeout: SHORT });
      count("event arrows", 3);
    }
  }
  await calm();
  check((await selectedEvent()) === null, `${slug}: Escape clears the selected event`);
  await textIntact(slug, "after the timeline");
}

async function find(slug) {
  await calm();
  const words = await page.evaluate(() => {
    const text = [...document.querySelectorAll("article [data-part]")].map((e) => e.textContent).join(" ");
    const freq = new Map();
    for (const w of text.match(/\b[A-Za-z]{4,}\b/g) ?? []) freq.set(w.toLowerCase(), (freq.get(w.toLowerCase()) ?? 0) + 1);
    const sorted = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return [sorted[0]?.[0], sorted[sorted.length - 1]?.[0]].filter(Boolean);
  });
  const expected = (w) =>
    page.evaluate((q) => {
      let n = 0;
      for (const e of document.querySelectorAll("article [data-part]")) {
        const t = e.textContent.toLowerCase();
        for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) n++;
      }
      return n;
    }, w);
  for (const word of [...words, "qqxzv"]) {
    await page.keyboard.press("/");
    check(await until(page, () => document.activeElement?.id === "find"), `${slug}: / focuses find`);
    await page.keyboard.type(word, { delay: 5 });
    const want = await expected(word);
    check(
      await until(page, (n) => new Set([...document.querySelectorAll("article .hit")].map((h) => h.getAttribute("data-hit"))).size === n, want),
      `${slug}: find marks every match of a word`,
    );
    const countText = async () => (await page.locator("[data-testid=find-count]").textContent())?.trim();
    check((await countText()) === (want ? `1 of ${want}` : "No matches"), `${slug}: find count`);
    if (want > 1) {
      await page.keyboard.press("Enter");
      check(await until(page, (w) => document.querySelector("[data-testid=find-count]")?.textContent.trim() === `2 of ${w}`, want), `${slug}: Enter goes to the next match`);
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.press("Shift+Enter");
      check(await until(page, (w) => document.querySelector("[data-testid=find-count]")?.textContent.trim() === `${w} of ${w}`, want), `${slug}: Shift+Enter goes back and wraps`);
      await page.locator("[data-testid=find] button[aria-label='Next match']").click({ timeout: SHORT });
      await page.locator("[data-testid=find] button[aria-label='Previous match']").click({ timeout: SHORT });
      check(
        (await page.evaluate(() => new Set([...document.querySelectorAll("article .hit.current")].map((h) => h.getAttribute("data-hit"))).size)) === 1,
        `${slug}: one current match`,
      );
    }
    await textIntact(slug, `while finding ${word}`);
    await page.keyboard.press("Escape");
    check(await until(page, () => !document.querySelector("article .hit") && document.activeElement?.id !== "find"), `${slug}: Escape in find clears it`);
    count("find queries");
  }
}

async function help(slug) {
  await calm();
  await page.keyboard.press("?");
  check(await until(page, () => document.querySelector("[data-testid=help]")), `${slug}: ? shows the keys`);
  await page.keyboard.press("Escape");
  check(await until(page, () => !document.querySelector("[data-testid=help]")), `${slug}: Escape closes the keys`);
  await page.keyboard.press("?");
  await page.locator("[data-testid=help] button").first().click({ timeout: SHORT });
  check(await until(page, () => !document.querySelector("[data-testid=help]")), `${slug}: Close closes the keys`);
  count("help");
}

async function round(slugs, deadline) {
  for (const slug of slugs) {
    if (deadline && Date.now() > deadline) return;
    await step(`${slug}: open`, () => open(slug));
    const steps = { legend, panel, marks, timeline, find, help };
    for (const name of only) await step(`${slug}: ${name}`, () => steps[name](slug));
    await step(`${slug}: calm`, calm);
  }
}

/** The view memory is measured in: the start page, nothing open. */
async function rest() {
  await page.evaluate(() => (location.hash = "#/"));
  await until(page, () => document.querySelector("[data-testid=library], [data-testid=reader]"), null, 10000);
  await calm();
  await page.waitForTimeout(600); // lets the hover timers run out
}

// --- the run ---------------------------------------------------------------------

const started = Date.now();
let before;
let warm;
let after;
let rounds = 0;
try {
  await page.goto(server.url, { waitUntil: "load" });
  await until(page, () => document.documentElement.dataset.app === "ready", null, 30000);
  await page.waitForLoadState("networkidle");
  loaded = true;
  const loadRequests = guard.requests;
  await rest();
  before = await memory();
  const slugs = await librarySlugs();
  check(slugs.length > 0, "the library lists articles");
  withLibrary = await page.evaluate(() => !!document.querySelector("[data-testid=library]"));
  // One warm-up round: what is allocated once (caches, compiled code, the
  // first render of each article) is not a leak.
  await round(slugs);
  rounds++;
  await rest();
  warm = await memory();
  const deadline = started + minutes * 60_000;
  while (Date.now() < deadline) {
    await round(slugs, deadline);
    rounds++;
  }
  await rest();
  after = await memory();
  console.log(`soak: ${rounds} rounds over ${slugs.length} article(s) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${loadRequests} requests at load`);
} catch (e) {
  check(false, `the run stopped: ${String(e?.message ?? e).split("\n")[0]}`);
}

// --- the verdict -------------------------------------------------------------------

const csp = await page.evaluate(() => window.__csp ?? []).catch(() => []);
check(guard.console.length === 0, "console errors");
check(guard.page.length === 0, "uncaught page errors");
check(csp.length === 0 && guard.csp.length === 0, "CSP violations");
check(guard.foreign.length === 0, "requests to another origin");
check(guard.afterLoad.length === 0, "requests after load");

const fmt = (k, v) => (v == null ? "n/a" : TOLERANCE[k].unit === "MB" ? `${(v / 1048576).toFixed(2)} MB` : String(v));
if (before && warm && after) {
  for (const k of Object.keys(TOLERANCE)) {
    const t = TOLERANCE[k];
    const [b, w, a] = [before[k], warm[k], after[k]];
    let verdict = "";
    if (w != null && a != null) {
      const growth = a - w;
      const bad = growth > t.abs && growth > t.ratio * w;
      check(!bad, `${k} grew from ${fmt(k, w)} to ${fmt(k, a)}`);
      verdict = `${growth >= 0 ? "+" : ""}${t.unit === "MB" ? (growth / 1048576).toFixed(2) + " MB" : growth} (${w ? ((100 * growth) / w).toFixed(1) : "-"}%)${bad ? "  TOO MUCH" : ""}`;
    }
    console.log(`soak: ${k.padEnd(16)} at load ${fmt(k, b)}, warmed up ${fmt(k, w)}, after ${fmt(k, a)}  ${verdict}`);
  }
} else {
  check(false, "memory was measured");
}
console.log(`soak: actions ${Object.entries(actions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
const show = (label, list) => {
  if (list.length) console.log(`soak: ${label} (${list.length}):\n  ${[...new Set(list)].slice(0, 10).join("\n  ")}`);
};
show("console errors", guard.console);
show("page errors", guard.page);
show("CSP violations", [...csp, ...guard.csp]);
show("requests to another origin", guard.foreign);
show("requests after load", guard.afterLoad);
for (const [what, n] of stats.failures) console.log(`soak: FAILED ${what}${n > 1 ? ` (${n}×)` : ""}`);

await context.close().catch(() => {});
await browser.close().catch(() => {});
await server.close();
console.log(`soak: ${stats.passed} passed, ${stats.failed} failed`);
process.exitCode = stats.failed > 0 || stats.passed === 0 ? 1 : 0;
