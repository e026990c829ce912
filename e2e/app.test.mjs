// End-to-end tests of the release build in dist/ (run `make dist` first; `make e2e`
// or `make test` run them). Each served test is run twice: with the app at the
// server's root and under a sub-path.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import {
  ROOT,
  DIST,
  ARTIFACTS,
  launch,
  loadArticles,
  openGuarded,
  assertClean,
  waitForApp,
  waitReady,
  waitForArticle,
  articleBlockTexts,
  assertContainsRun,
  exercise,
  fileExists,
} from "./helpers.mjs";

assert.ok(fileExists(join(DIST, "index.html")), `${DIST}/index.html missing: run 'make dist' first`);

const articles = loadArticles();
const seed = articles[0];
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe("the built page", () => {
  it("dist/index.html carries a strict CSP", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
    assert.ok(meta, "no CSP meta in dist/index.html");
    const csp = meta[1];
    assert.ok(html.indexOf(meta[0]) < html.search(/<script|<link/i), "the CSP meta comes before any script or link");
    for (const d of [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "worker-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      assert.ok(csp.includes(d), `CSP lacks ${d}: ${csp}`);
    }
    assert.match(csp, /script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'wasm-unsafe-eval'/);
    assert.ok(!/'unsafe-inline'|'unsafe-eval'|\*|https?:|'strict-dynamic'/.test(csp), `CSP too loose: ${csp}`);
    const attr = html.match(/<[a-z][^>]*\s(style|on[a-z]+)\s*=[^>]*>/i);
    assert.equal(attr, null, "no inline style or event-handler attributes");
  });

  it("dist/dossier.html is self-contained", () => {
    const html = readFileSync(join(DIST, "dossier.html"), "utf8");
    const external = html.match(/<script[^>]+src=[^>]*>|<link[^>]+rel="?(stylesheet|modulepreload|preload)[^>]*>/i);
    assert.equal(external?.[0], undefined, "no external script or stylesheet");
    const csp = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)?.[1];
    assert.ok(csp, "no CSP meta in dist/dossier.html");
    assert.ok(!/'unsafe-inline'|'unsafe-eval'|'self'|\*|https?:|file:/.test(csp), `CSP too loose: ${csp}`);
    assert.match(csp, /script-src( 'sha256-[A-Za-z0-9+/=]+')+ 'wasm-unsafe-eval'/);
    assert.ok(csp.includes("default-src 'none'") && csp.includes("base-uri 'none'"), csp);
  });
});

for (const [name, prefix] of [
  ["at the server root", "/"],
  ["under a sub-path", "/sub/dossier/"],
]) {
  describe(`served ${name}`, () => {
    let server;
    const allow = (url) => url.startsWith(server.origin + "/");
    before(async () => {
      server = await serve({ root: DIST, prefix });
    });
    after(async () => {
      await server?.close();
    });

    it("opens on the library, or directly on the only article", async () => {
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        await page.goto(server.url);
        await waitForApp(page);
        if (articles.length === 1) {
          await waitForArticle(page, seed.title);
        } else {
          for (const a of articles) {
            const link = page.locator(`a[href$="#/a/${a.slug}"]`).first();
            await link.waitFor({ timeout: 10000 });
            const card = await link.evaluate((el) => (el.closest("li, article, section") ?? el).textContent);
            assert.ok(card.includes(a.title), `library entry for ${a.slug} shows its title`);
            if (!a.date) assert.match(card, /undated/i, `library entry for ${a.slug} says undated`);
          }
          // Following a library link opens the article, and Back returns.
          const last = articles[articles.length - 1];
          await page.locator(`a[href$="#/a/${last.slug}"]`).first().click();
          await waitForArticle(page, last.title);
          await page.goBack();
          await page.locator(`a[href$="#/a/${last.slug}"]`).first().waitFor({ timeout: 10000 });
        }
        await assertClean(page, guard, "library");
      } finally {
        await context.close();
      }
    });

    it("has the first view in the page itself: it reads without JavaScript", async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(server.url, { waitUntil: "load" });
        if (articles.length === 1) {
          assert.deepEqual(await page.locator("h1").allTextContents(), [seed.title]);
          assertContainsRun(await articleBlockTexts(page), seed.blocks, `${seed.slug} without JavaScript`);
          assert.ok((await page.locator("article.body mark[data-type]").count()) > 0, "the highlights are in the page");
        } else {
          for (const a of articles) {
            assert.equal(await page.locator(`a[href$="#/a/${a.slug}"]`).count(), 1, `library entry for ${a.slug}`);
          }
        }
        assert.equal(await page.locator("[data-testid=timeline], [data-testid=entities]").count(), 0, "no panels that need the app");
      } finally {
        await context.close();
      }
    });

    it("hydrates the page in place, then adds the panels", async () => {
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        // The first block (or library entry) the HTML parser puts in the page.
        await page.addInitScript(() => {
          new MutationObserver((_, obs) => {
            const el = document.querySelector("#app article.body p, #app [data-testid=library] li");
            if (el) {
              window.__first = el;
              obs.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(server.url);
        await waitForApp(page);
        const kept = await page.evaluate(() => ({
          seen: Boolean(window.__first),
          connected: window.__first?.isConnected === true,
          views: document.querySelectorAll("#app [data-testid=reader], #app [data-testid=library]").length,
        }));
        assert.deepEqual(kept, { seen: true, connected: true, views: 1 }, "the prerendered element is the live one");
        if (articles.length === 1) {
          await page.locator("[data-testid=timeline]").waitFor({ timeout: 10000 });
          await page.locator("[data-testid=entities]").waitFor({ timeout: 10000 });
        }
        await assertClean(page, guard, "hydration");
      } finally {
        await context.close();
      }
    });

    it("keeps a name clicked while the app starts, and opens its card once it is live", async () => {
      // Only a prerendered article has names to click before the app runs.
      if (articles.length !== 1) return;
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        // The WebAssembly is held back until the click has happened.
        let release;
        const held = new Promise((go) => (release = go));
        await page.route(/\.wasm$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(server.url, { waitUntil: "domcontentloaded" });
        const mark = page.locator("article.body mark[data-entity]").first();
        const id = await mark.getAttribute("data-entity");
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null, "not live yet");
        await mark.click();
        release();
        await waitReady(page);
        await page.locator(`[data-testid=entity-card][data-entity="${id}"]`).waitFor({ timeout: 10000 });
        await assertClean(page, guard, "a click before the app was live");
      } finally {
        await context.close();
      }
    });

    it("shows every article's paragraphs exactly as in the source", async () => {
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        for (const a of articles) {
          await page.goto(`${server.url}#/a/${a.slug}`);
          await waitForArticle(page, a.title);
          assertContainsRun(await articleBlockTexts(page), a.blocks, a.slug);
          if (!a.date) {
            const text = await page.locator("article").first().textContent();
            assert.match(text, /undated/i, `${a.slug}: an undated article says so`);
          }
        }
        await assertClean(page, guard, "articles");
      } finally {
        await context.close();
      }
    });

    it("keeps the place on reload of a deep link", async () => {
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        const a = articles[articles.length - 1];
        await page.goto(`${server.url}#/a/${a.slug}`);
        await waitForArticle(page, a.title);
        await page.reload();
        await waitForArticle(page, a.title);
        assert.equal(new URL(page.url()).hash, `#/a/${a.slug}`);
        assertContainsRun(await articleBlockTexts(page), a.blocks, `${a.slug} after reload`);
        await assertClean(page, guard, "reload");
      } finally {
        await context.close();
      }
    });

    it("requests nothing after load, nothing elsewhere, and breaks no CSP rule", async () => {
      const { context, page, guard } = await openGuarded(browser, { allow });
      try {
        await page.goto(server.url, { waitUntil: "load" });
        await waitForApp(page);
        await page.waitForLoadState("networkidle");
        const loaded = guard.requests.length;
        assert.ok(loaded >= 3, `the page, its script and its wasm were requested (${loaded})`);
        let clicked = 0;
        for (const a of articles) {
          await page.evaluate((h) => (location.hash = h), `#/a/${a.slug}`);
          await waitForArticle(page, a.title);
          clicked += await exercise(page);
        }
        await page.evaluate(() => (location.hash = "#/"));
        await waitForApp(page);
        await page.waitForTimeout(300);
        assert.ok(clicked > 0, "some controls were exercised");
        const network = (u) => !u.startsWith("data:") && !u.startsWith("blob:");
        // Following a link to a page of the set loads its module, once.
        const pagesModule = (u) => /\/pages(_loader\.js|\.js|_bg\.wasm)$/.test(u);
        const after = guard.requests.slice(loaded).filter(network);
        assert.deepEqual(after.filter((u) => !pagesModule(u)), [], "requests after load");
        assert.ok(after.length <= 3, `the pages module at most once: ${after.join(", ")}`);
        await assertClean(page, guard, `exercising ${clicked} controls`);

        // The policy is really enforced: an injected inline script does not run,
        // and the violation is seen by the listener the assertions above rely on.
        const ran = await page.evaluate(() => {
          const s = document.createElement("script");
          s.textContent = "window.__injected = true";
          document.head.append(s);
          return window.__injected === true;
        });
        assert.equal(ran, false, "an injected inline script must be blocked by the CSP");
        await page.waitForFunction(() => window.__csp.length > 0, null, { timeout: 5000 });
      } finally {
        await context.close();
      }
    });
  });
}

describe("opened from disk", () => {
  it("dist/dossier.html works from a file:// URL", async () => {
    const url = pathToFileURL(join(DIST, "dossier.html")).href;
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.split("#")[0] === url });
    try {
      await page.goto(url);
      await waitForApp(page);
      const network = (u) => !u.startsWith("data:") && !u.startsWith("blob:");
      const loaded = guard.requests.filter(network);
      assert.deepEqual(loaded, [url], "the file itself is all that is loaded");
      for (const a of articles) {
        await page.evaluate((h) => (location.hash = h), `#/a/${a.slug}`);
        await waitForArticle(page, a.title);
        assertContainsRun(await articleBlockTexts(page), a.blocks, `${a.slug} (file://)`);
        await exercise(page, 3);
      }
      assert.deepEqual(guard.requests.filter(network), loaded, "nothing requested after load");
      // A deep link opened directly, and reloaded.
      const last = articles[articles.length - 1];
      await page.goto(`${url}#/a/${last.slug}`);
      await page.reload();
      await waitForArticle(page, last.title);
      await assertClean(page, guard, "file://");
      // Its policy is enforced too.
      const ran = await page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = true";
        document.head.append(s);
        return window.__injected === true;
      });
      assert.equal(ran, false, "an injected inline script must be blocked by the CSP");
    } finally {
      await context.close();
    }
  });
});

describe("looks", () => {
  let server;
  const allow = (url) => url.startsWith(server.origin + "/");
  before(async () => {
    server = await serve({ root: DIST, prefix: "/" });
  });
  after(async () => {
    await server?.close();
  });

  for (const [name, viewport, colorScheme] of [
    ["light-1280", { width: 1280, height: 900 }, "light"],
    ["dark-1280", { width: 1280, height: 900 }, "dark"],
    ["phone-360", { width: 360, height: 780 }, "light"],
    ["phone-360-dark", { width: 360, height: 780 }, "dark"],
  ]) {
    it(`the seed article at ${name}: fits, screenshot`, async () => {
      const { context, page, guard } = await openGuarded(browser, { allow, viewport, colorScheme });
      try {
        await page.goto(`${server.url}#/a/${seed.slug}`);
        await waitForArticle(page, seed.title);
        await page.evaluate(() => document.fonts?.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scrolling at ${viewport.width} px (overflow ${overflow} px)`);
        // The first opaque background from <body> up (a transparent page shows white).
        const bg = await page.evaluate(() => {
          for (const el of [document.body, document.documentElement]) {
            const c = getComputedStyle(el).backgroundColor;
            if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
          }
          // No background set: the canvas is dark only with color-scheme dark in effect.
          const scheme = getComputedStyle(document.documentElement).colorScheme;
          const dark = /dark/.test(scheme) && matchMedia("(prefers-color-scheme: dark)").matches;
          return dark ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)";
        });
        const lum = (bg.match(/\d+(\.\d+)?/g) ?? ["255", "255", "255"]).slice(0, 3).map(Number);
        const light = lum.reduce((s, v) => s + v, 0) / 3 > 128;
        assert.equal(light, colorScheme === "light", `background ${bg} follows prefers-color-scheme: ${colorScheme}`);
        const shot = join(ARTIFACTS, `seed-${name}.png`);
        // The whole page (sticky panels show where they are when the capture starts)
        // and what the reader sees first.
        await page.screenshot({ path: shot, fullPage: true });
        const first = join(ARTIFACTS, `seed-${name}-viewport.png`);
        await page.screenshot({ path: first });
        if (name === "light-1280" && !process.env.CI) copyFileSync(first, join(ROOT, "docs", "screenshot.png"));
        await assertClean(page, guard, name);
      } finally {
        await context.close();
      }
    });
  }
});

describe("accessibility (axe-core)", () => {
  let server;
  const axeSource = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  before(async () => {
    server = await serve({ root: DIST, prefix: "/" });
  });
  after(async () => {
    await server?.close();
  });

  for (const colorScheme of ["light", "dark"]) {
    it(`no serious or critical violations (${colorScheme})`, async () => {
      // axe is injected by the test, so this context alone bypasses the CSP.
      const { context, page } = await openGuarded(browser, {
        allow: (url) => url.startsWith(server.origin + "/"),
        colorScheme,
        bypassCSP: true,
      });
      try {
        const views = [[`${server.url}#/`, "start"]].concat(articles.map((a) => [`${server.url}#/a/${a.slug}`, a.slug]));
        for (const [url, label] of views) {
          await page.goto(url);
          await waitForApp(page);
          if (label !== "start") await waitForArticle(page, articles.find((a) => a.slug === label).title);
          await page.evaluate(axeSource);
          const result = await page.evaluate(() =>
            // eslint-disable-next-line no-undef
            axe.run(document, { resultTypes: ["violations"] }),
          );
          const bad = result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
          assert.deepEqual(bad, [], `axe on ${label} (${colorScheme})`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
