// The pages of the set against the release build in dist/: an entity's page
// (#/e/<key>), reached from the entity panel and the card; the set timeline
// (#/timeline); search (#/search?q=). Back, Forward and reload keep the place;
// no request leaves the page, no CSP violation, axe clean in both schemes; the
// single file opened from disk shows them too.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { ROOT, DIST, APP_TIMEOUT, launch, loadArticles, openGuarded, assertClean, waitForApp, waitForArticle, fileExists } from "./helpers.mjs";

assert.ok(fileExists(join(DIST, "index.html")), `${DIST}/index.html missing: run 'make dist' first`);

const articles = loadArticles();
const first = articles[0];
let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({ root: DIST, prefix: "/" });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

const ENTITY = 'main[aria-label="Entity"]';
const TIMELINE = 'main[aria-label="Set timeline"]';
const RESULTS = '[aria-label="Search results"]';
const wait = { timeout: APP_TIMEOUT };

/** The start of a TIMEX3 value as a number to compare (`2021-05-04` → 20210504), or null. */
const start = (v) => {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
  return m ? Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0) : null;
};

/** A word of the article's text that search must find: the first long word of its first block. */
const word = first.blocks.join(" ").match(/\p{L}{7,}/u)?.[0];

async function open(url) {
  const allow = (u) => u.startsWith(server.origin + "/");
  const opened = await openGuarded(browser, { allow });
  await opened.page.goto(url);
  await waitForApp(opened.page);
  return opened;
}

describe("the set's pages", () => {
  it("an entity's page: from the panel and the card, with its articles, mentions and the way back", async () => {
    const { context, page, guard } = await open(`${server.url}#/a/${first.slug}`);
    try {
      await waitForArticle(page, first.title);
      const row = page.locator("aside li:has(a.to-page)").first();
      await row.waitFor(wait);
      const name = (await row.locator(".name").textContent()).trim();
      const href = await row.locator("a.to-page").getAttribute("href");
      assert.match(href, /^#\/e\/[a-z0-9-]+$/);
      await row.locator("a.to-page").click();
      await page.locator(`${ENTITY} h1`).waitFor(wait);
      assert.equal((await page.locator(`${ENTITY} h1`).textContent()).trim(), name);
      assert.equal(new URL(page.url()).hash, href);
      // The article that names it, and each mention in its sentence with the name marked.
      const named = page.locator(`${ENTITY} section[aria-labelledby=named-in] a[href^="#/a/${first.slug}"]`);
      assert.equal(await named.count(), 1);
      const marks = await page.locator(`${ENTITY} section[aria-labelledby=mentions] mark`).allTextContents();
      assert.ok(marks.length > 0, "mentions are shown");
      // The reader's view is gone: one page at a time.
      assert.equal(await page.locator("[data-testid=reader]").count(), 0);
      // Reload keeps the page; Back returns to the article.
      await page.reload();
      await page.locator(`${ENTITY} h1`).waitFor(wait);
      await page.goBack();
      await waitForArticle(page, first.title);
      assert.equal(await page.locator(ENTITY).count(), 0);
      // The card links to the same kind of page.
      await page.locator("article mark[data-entity]").first().click();
      const toPage = page.locator('[data-testid=entity-card] a[href^="#/e/"]');
      await toPage.waitFor(wait);
      await toPage.click();
      await page.locator(`${ENTITY} h1`).waitFor(wait);
      // Each mention links to itself: its article, the entity focused, that
      // mention in view and focused; reload keeps it.
      const snippet = page.locator(`${ENTITY} section[aria-labelledby=mentions] a.snippet`).last();
      const to = await snippet.getAttribute("href");
      const [, , id, n] = to.match(/^#\/a\/([^/]+)\/e\/([^/]+)\/(\d+)$/) ?? assert.fail(`a mention's link: ${to}`);
      const mark = `article mark[data-entity="${id}"][data-m="${n}"]`;
      const inView = async () => {
        await page.waitForFunction((s) => document.activeElement?.matches(s), mark, wait);
        const box = await page.locator(mark).boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= page.viewportSize().height, `${mark} in view: ${JSON.stringify(box)}`);
      };
      await snippet.click();
      await waitForArticle(page, first.title);
      await inView();
      assert.equal(new URL(page.url()).hash, to);
      await page.reload();
      await waitForArticle(page, first.title);
      await inView();
      await assertClean(page, guard, "entity page");
    } finally {
      await context.close();
    }
  });

  it("the set timeline: linked from the first view, in time order, each point linked to its place", async () => {
    const { context, page, guard } = await open(server.url);
    try {
      await page.locator('a[href="#/timeline"]').first().click();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor(wait);
      assert.equal(new URL(page.url()).hash, "#/timeline");
      const dates = await page.locator(`${TIMELINE} li[data-date]`).evaluateAll((lis) => lis.map((li) => li.dataset.date));
      assert.ok(dates.length > 1, `dated points: ${dates.length}`);
      const starts = dates.map(start).filter((d) => d !== null);
      for (let i = 1; i < starts.length; i++) {
        assert.ok(Math.floor(starts[i - 1] / 10000) <= Math.floor(starts[i] / 10000), `in time order: ${dates.join(", ")}`);
      }
      for (const a of articles.filter((a) => a.date)) {
        assert.equal(await page.locator(`${TIMELINE} li.published a[href="#/a/${a.slug}"]`).count(), 1, `publication of ${a.slug}`);
      }
      // The filter narrows the list and says how many are left.
      const label = (await page.locator(`${TIMELINE} li:not(.published) a`).first().textContent()).trim();
      await page.fill('input[aria-label="Filter the timeline"]', label);
      await page.locator(`${TIMELINE} [role=status]`).waitFor(wait);
      const left = await page.locator(`${TIMELINE} li[data-date] a`).allTextContents();
      assert.ok(left.length >= 1 && left.length < dates.length, `filtered: ${left.length} of ${dates.length}`);
      assert.ok(left.some((t) => t.trim() === label));
      await page.fill('input[aria-label="Filter the timeline"]', "");
      await page.locator(`${TIMELINE} [role=status]`).waitFor({ state: "detached" });

      // Zoom: the buttons, the keys on the axis, and back to all.
      const span = page.locator("[data-testid=tl-span]");
      const all = await span.textContent();
      await page.click('button[aria-label="Zoom in"]');
      await page.waitForFunction((t) => document.querySelector("[data-testid=tl-span]").textContent !== t, all);
      await page.click('button[aria-label="Earlier"]');
      await page.locator("svg.set-axis").focus();
      await page.keyboard.press("+");
      const zoomed = await span.textContent();
      assert.notEqual(zoomed, all);
      const inWindow = await page.locator(`${TIMELINE} li[data-date]`).count();
      assert.ok(inWindow <= dates.length, `the list follows the window (${inWindow} of ${dates.length})`);
      await page.keyboard.press("0");
      await page.waitForFunction((t) => document.querySelector("[data-testid=tl-span]").textContent === t, all);
      assert.equal(await page.locator(`${TIMELINE} li[data-date]`).count(), dates.length);
      // A range of years.
      const years = dates.map((d) => Number(d.slice(0, 4))).filter((y) => y > 0);
      const last = Math.max(...years);
      await page.fill("#tl-from", String(last));
      await page.fill("#tl-to", String(last));
      await page.click('.tl-range button[type=submit]');
      await page.waitForFunction((t) => document.querySelector("[data-testid=tl-span]").textContent !== t, all);
      const ranged = await page.locator(`${TIMELINE} li[data-date]`).evaluateAll((lis) => lis.map((li) => li.dataset.date));
      assert.ok(ranged.length > 0 && ranged.every((d) => !/^\d{4}/.test(d) || Number(d.slice(0, 4)) <= last), `in ${last}: ${ranged.join(", ")}`);
      await page.click('.tl-zoom button:text-is("All")');
      // Lanes by article are named; a mark selects its row in the list.
      await page.selectOption("#tl-lanes", "article");
      await page.locator("svg.set-axis text.lane-name").first().waitFor(wait);
      await page.locator("svg.set-axis .mark").first().click();
      await page.locator(`${TIMELINE} li[aria-current=true]`).waitFor(wait);
      // Only the points that name a person; then all again.
      await page.selectOption("#tl-kind", "person");
      await page.waitForFunction((n) => document.querySelectorAll('main[aria-label="Set timeline"] li[data-date]').length < n, dates.length);
      assert.ok((await page.locator(`${TIMELINE} li[data-date]`).count()) > 0, "some points name a person");
      await page.selectOption("#tl-kind", "");
      await page.waitForFunction((n) => document.querySelectorAll('main[aria-label="Set timeline"] li[data-date]').length === n, dates.length);
      // Reload keeps the page; an event opens its article at the event; Back comes back.
      await page.reload();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor(wait);
      const event = page.locator(`${TIMELINE} li:not(.published) a[href*="/t/"]`).first();
      const slug = (await event.getAttribute("href")).split("/")[2];
      await event.click();
      await page.locator(`[data-testid=reader][data-slug="${slug}"]`).waitFor(wait);
      await page.locator('aside[aria-label=Timeline] li[aria-current="true"]').waitFor(wait);
      assert.equal(await page.locator(TIMELINE).count(), 0);
      await page.goBack();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor(wait);
      await assertClean(page, guard, "set timeline");
    } finally {
      await context.close();
    }
  });

  it("search: results as one types, marked snippets, links to the articles, the query in the URL", async () => {
    assert.ok(word, "the first article has a long word");
    const { context, page, guard } = await open(`${server.url}#/search?q=${encodeURIComponent(word)}`);
    try {
      const result = page.locator(`${RESULTS} a[href="#/a/${first.slug}"]`);
      await result.waitFor(wait);
      const marked = await page.locator(`${RESULTS} mark`).allTextContents();
      assert.ok(marked.some((m) => m.toLowerCase() === word.toLowerCase()), `marked: ${marked.join(", ")}`);
      // Published after any article: none; the filter cleared, the result is back.
      await page.fill("#search-from", "9999");
      await page.locator(`${RESULTS} [role=status]:has-text("No article matches")`).waitFor(wait);
      await page.fill("#search-from", "");
      await result.waitFor(wait);
      // A query nothing matches, typed: no results, said so; the URL follows.
      const box = page.locator('input[aria-label="Search the articles"]');
      await box.fill("");
      await box.pressSequentially("zzqxv");
      await page.locator(`${RESULTS} [role=status]:has-text("No article matches")`).waitFor(wait);
      assert.equal(await page.locator(`${RESULTS} a`).count(), 0);
      assert.equal(new URL(page.url()).hash, "#/search?q=zzqxv");
      // A prefix as it is being typed finds the word.
      await box.fill(word.slice(0, 4).toLowerCase());
      await result.waitFor(wait);
      await result.click();
      await waitForArticle(page, first.title);
      await page.goBack();
      await page.locator(`${RESULTS} a[href="#/a/${first.slug}"]`).waitFor(wait);
      // A snippet links to its sentence: the article opens there, the sentence marked and in view,
      // after a reload too.
      const snippets = page.locator(`${RESULTS} a.snippet[href^="#/a/${first.slug}/s/"]`);
      await snippets.first().waitFor(wait);
      // (one in the body: the title is no sentence of the text to mark)
      const [to, said] = await snippets.evaluateAll(
        (as, title) => as.map((a) => [a.getAttribute("href"), a.textContent.replace(/\s+/g, " ").trim()]).find(([, t]) => t !== title),
        first.title,
      ) ?? [];
      assert.ok(to, "a snippet from the article's body");
      const snippet = page.locator(`${RESULTS} a.snippet[href="${to}"]`).first();
      for (const go of [() => snippet.click(), () => page.reload()]) {
        await go();
        await waitForArticle(page, first.title);
        assert.equal(new URL(page.url()).hash, to);
        const sent = page.locator("[data-testid=reader] .sent").first();
        await sent.waitFor(wait);
        await page.waitForFunction(() => {
          const r = document.querySelector("[data-testid=reader] .sent")?.getBoundingClientRect();
          return r && r.top >= 0 && r.bottom <= innerHeight;
        }, null, wait);
        const marked = (await page.locator("[data-testid=reader] .sent").allTextContents()).join("").replace(/\s+/g, " ").trim();
        assert.equal(marked, said);
      }
      await page.goBack();
      await snippet.waitFor(wait);
      await assertClean(page, guard, "search");
    } finally {
      await context.close();
    }
  });

  it("corrections: rename, merge, hide and undo, kept on the device across reloads", async () => {
    const { context, page, guard } = await open(`${server.url}#/a/${first.slug}`);
    try {
      await waitForArticle(page, first.title);
      const rows = page.locator("aside li:has(a.to-page)");
      await rows.first().waitFor(wait);
      assert.ok((await rows.count()) >= 2, "two entities to merge");
      const [a, b] = await Promise.all([0, 1].map(async (i) => ({
        name: (await rows.nth(i).locator(".name").textContent()).trim(),
        href: await rows.nth(i).locator("a.to-page").getAttribute("href"),
      })));
      await page.evaluate((h) => (location.hash = h), a.href);
      const h1 = page.locator(`${ENTITY} h1`);
      await h1.waitFor(wait);

      // Rename: the page and, after a reload, still.
      await page.fill("#correct-name", "Someone “else”");
      await page.click('form:has(#correct-name) button[type=submit]');
      await page.locator(`${ENTITY} h1:text-is("Someone “else”")`).waitFor(wait);
      await page.reload();
      await page.locator(`${ENTITY} h1:text-is("Someone “else”")`).waitFor(wait);
      assert.match(await page.evaluate(() => localStorage.getItem("dossier.corrections")), /^rename\t/);
      // The article shows the new name too, in its panel and its card; and
      // still after a reload there.
      await page.evaluate((s) => (location.hash = `#/a/${s}`), first.slug);
      await page.locator('aside .name:text-is("Someone “else”")').waitFor(wait);
      await page.reload();
      await waitForArticle(page, first.title);
      await page.locator('aside .name:text-is("Someone “else”")').waitFor(wait);
      await page.evaluate((h) => (location.hash = h), a.href);

      // Merge b into a's page: b's key now leads here, b's name is an alias.
      await page.evaluate((h) => (location.hash = h), b.href);
      await page.locator(`${ENTITY} h1:text-is("${b.name}")`).waitFor(wait);
      await page.fill("#correct-merge", "Someone “else”");
      await page.click('form:has(#correct-merge) button[type=submit]');
      await page.locator(`${ENTITY} h1:text-is("Someone “else”")`).waitFor(wait);
      assert.match(await page.locator(ENTITY).textContent(), /was merged into this entity/);
      assert.ok((await page.locator(ENTITY).textContent()).includes(b.name), "b's name is among the aliases");
      // A name that is no entity is refused with a message.
      await page.fill("#correct-merge", "Nobody at all");
      await page.click('form:has(#correct-merge) button[type=submit]');
      await page.locator(`${ENTITY} [role=alert]`).waitFor(wait);

      // Hide: said on the page; the article no longer marks it.
      await page.click('button:text-is("Hide: not an entity")');
      await page.locator(`${ENTITY} .hidden-note`).waitFor(wait);
      await page.evaluate((s) => (location.hash = `#/a/${s}`), first.slug);
      await page.locator("aside .name").first().waitFor(wait);
      // Neither name, nor the new one: the merged entity is hidden with it.
      await page.waitForFunction(
        (names) => ![...document.querySelectorAll("aside .name")].some((n) => names.includes(n.textContent.trim())),
        [a.name, b.name, "Someone “else”"],
      );
      await page.goBack();
      await page.locator(`${ENTITY} .hidden-note`).waitFor(wait);
      const lines = (await page.evaluate(() => localStorage.getItem("dossier.corrections"))).trim().split("\n");
      assert.deepEqual(lines.map((l) => l.split("\t")[0]), ["rename", "merge", "hide"]);

      // Undo, one by one: the hide, the merge (b is itself again), the rename.
      const count = () => page.evaluate(() => (localStorage.getItem("dossier.corrections") ?? "").split("\n").filter(Boolean).length);
      const undo = async (left) => {
        await page.locator(".corrections button:text-is('Undo')").last().click();
        await page.waitForFunction((n) => (localStorage.getItem("dossier.corrections") ?? "").split("\n").filter(Boolean).length === n, left);
      };
      await undo(2);
      await page.locator(`${ENTITY} .hidden-note`).waitFor({ state: "detached" });
      await undo(1);
      await page.locator(`${ENTITY} h1:text-is("${b.name}")`).waitFor(wait);
      await page.evaluate((h) => (location.hash = h), a.href);
      await page.locator(`${ENTITY} h1:text-is("Someone “else”")`).waitFor(wait);
      await undo(0);
      await page.locator(`${ENTITY} h1:text-is("${a.name}")`).waitFor(wait);
      assert.equal(await count(), 0);

      // A correction the set no longer has an entity for is shown, and can be removed.
      await page.evaluate(() => localStorage.setItem("dossier.corrections", "hide\tno-such-entity\n"));
      await page.reload();
      await page.locator('section[aria-label=Corrections] button:text-is("Remove them")').click();
      await page.waitForFunction(() => localStorage.getItem("dossier.corrections") === "");
      assert.equal(await page.locator("section[aria-label=Corrections]").count(), 0);
      await assertClean(page, guard, "corrections");
    } finally {
      await context.close();
    }
  });

  it("the single file shows them from disk, with no request", async () => {
    const url = pathToFileURL(join(DIST, "dossier.html")).href;
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u === url || u.startsWith(url + "#") });
    try {
      await page.goto(`${url}#/timeline`);
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor(wait);
      await page.goto(`${url}#/search?q=${encodeURIComponent(word)}`);
      await page.locator(`${RESULTS} a[href="#/a/${first.slug}"]`).waitFor(wait);
      await assertClean(page, guard, "file://");
    } finally {
      await context.close();
    }
  });

  it("the reader's own articles are in them: linked to the set's entities, searched, on the timeline", async () => {
    const { context, page, guard } = await open(`${server.url}#/a/${first.slug}`);
    try {
      await waitForArticle(page, first.title);
      // An entity of the set's article, and its page's key.
      const row = page.locator("aside li:has(a.to-page)").first();
      await row.waitFor(wait);
      const name = (await row.locator(".name").textContent()).trim();
      const key = (await row.locator("a.to-page").getAttribute("href")).slice("#/e/".length);
      // The reader pastes an article that names it, a word no article has, a
      // person of its own, and a date.
      const text = `Harbour talks\n\nOn 3 March 2031, ${name} was named again in Quokkaville, where Mirela Vantu, the harbour master, opened the quay.`;
      await page.evaluate((t) => {
        const dt = new DataTransfer();
        dt.setData("text/plain", t);
        document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }, text);
      await page.waitForSelector("[data-testid=reader] h1#title >> text=Harbour talks", wait);
      const slug = await page.locator("[data-testid=reader]").getAttribute("data-slug");
      // Its own person's row leads to the articles that name her.
      const own = page.locator("aside li:has(a.to-page)", { hasText: "Mirela Vantu" }).locator("a.to-page");
      await own.waitFor(wait);
      assert.equal(await own.getAttribute("href"), "#/search?q=%22Mirela%20Vantu%22");
      await own.click();
      await page.locator(`${RESULTS} a[href="#/a/${slug}"]`).waitFor(wait);
      // Search finds it; the entity's page lists it beside the set's article.
      await page.goto(`${server.url}#/search?q=Quokkaville`);
      await page.locator(`${RESULTS} a[href="#/a/${slug}"]`).waitFor(wait);
      await page.goto(`${server.url}#/e/${key}`);
      await page.locator(`${ENTITY} h1`).waitFor(wait);
      const named = page.locator(`${ENTITY} section[aria-labelledby=named-in] a[href^="#/a/"]`);
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, `${ENTITY} section[aria-labelledby=named-in] a[href^="#/a/"]`, wait);
      const hrefs = await named.evaluateAll((as) => as.map((a) => a.getAttribute("href").split("/")[2]));
      assert.deepEqual(hrefs.sort(), [first.slug, slug].sort());
      // Its own person has a page of its own; its date is on the set timeline.
      await page.goto(`${server.url}#/search?q=Vantu`);
      await page.locator(`${RESULTS} a[href="#/a/${slug}"]`).waitFor(wait);
      await page.goto(`${server.url}#/timeline`);
      await page.locator(`${TIMELINE} li[data-date^="2031-03-03"]`).first().waitFor(wait);
      // After a reload too (kept on the device).
      await page.reload();
      await page.locator(`${TIMELINE} li[data-date^="2031-03-03"]`).first().waitFor(wait);
      await assertClean(page, guard, "the reader's articles in the set's pages");
    } finally {
      await context.close();
    }
  });

  it("fit a 360 px screen, and print without their controls", async () => {
    const allow = (u) => u.startsWith(server.origin + "/");
    const { context, page, guard } = await openGuarded(browser, { allow, viewport: { width: 360, height: 740 } });
    try {
      await page.goto(`${server.url}#/a/${first.slug}`);
      await waitForArticle(page, first.title);
      const entity = await page.locator("aside a.to-page").first().getAttribute("href");
      for (const [hash, ready] of [
        [entity, `${ENTITY} h1`],
        ["#/timeline", `${TIMELINE} li[data-date]`],
        [`#/search?q=${encodeURIComponent(word)}`, `${RESULTS} a`],
      ]) {
        await page.evaluate((h) => (location.hash = h), hash);
        await page.locator(ready).first().waitFor(wait);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `${hash} fits 360 px (${width})`);
        await page.emulateMedia({ media: "print" });
        for (const control of [".set-nav", ".correct", ".tl-filters", ".tl-zoom", ".search-box"]) {
          const shown = await page.locator(control).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
          assert.equal(shown, 0, `${control} is not printed (${hash})`);
        }
        await page.emulateMedia({ media: "screen" });
      }
      // The most named entity's dated events are drawn on an axis of their own too.
      await page.evaluate((h) => (location.hash = h), entity);
      await page.locator(`${ENTITY} h1`).waitFor(wait);
      const events = page.locator(`${ENTITY} section[aria-labelledby=events]`);
      assert.ok((await events.locator("li[data-date]").count()) > 0, "it has dated events");
      assert.equal(await events.locator("svg.set-axis").count(), 1);
      await assertClean(page, guard, "360 px");
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"]) {
    it(`no serious or critical axe violations (${colorScheme})`, async () => {
      const axeSource = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
      const { context, page } = await openGuarded(browser, {
        allow: (u) => u.startsWith(server.origin + "/"),
        colorScheme,
        bypassCSP: true,
      });
      try {
        // An entity's page: the first the article's panel links to.
        await page.goto(`${server.url}#/a/${first.slug}`);
        await waitForArticle(page, first.title);
        const entity = await page.locator("aside a.to-page").first().getAttribute("href");
        const views = [
          [entity, `${ENTITY} h1`],
          [`#/timeline`, `${TIMELINE} li[data-date]`],
          [`#/search?q=${encodeURIComponent(word)}`, `${RESULTS} a`],
        ];
        for (const [hash, ready] of views) {
          await page.evaluate((h) => (location.hash = h), hash);
          await page.locator(ready).first().waitFor(wait);
          await page.evaluate(axeSource);
          const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
          const bad = result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
          assert.deepEqual(bad, [], `axe on ${hash} (${colorScheme})`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
