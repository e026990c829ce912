// The pages of the set against the release build in dist/: the set timeline
// (#/timeline) is reached from the reader or the library, lists dated points
// in time order, each a link to its article, and Back and reload keep the place.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { DIST, launch, loadArticles, openGuarded, assertClean, waitForApp, fileExists } from "./helpers.mjs";

assert.ok(fileExists(join(DIST, "index.html")), `${DIST}/index.html missing: run 'make dist' first`);

const articles = loadArticles();
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

const TIMELINE = 'main[aria-label="Set timeline"]';

/** The start year of a TIMEX3 value (`2021-05-04` → 2021), or null. */
const year = (v) => (/^\d{4}/.test(v) ? Number(v.slice(0, 4)) : null);

describe("the set timeline", () => {
  it("is linked from the first view, lists dated points in order, and Back and reload keep the place", async () => {
    const allow = (url) => url.startsWith(server.origin + "/");
    const { context, page, guard } = await openGuarded(browser, { allow });
    try {
      await page.goto(server.url);
      await waitForApp(page);
      await page.locator('a[href="#/timeline"]').first().click();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor({ timeout: 10000 });
      assert.equal(new URL(page.url()).hash, "#/timeline");
      const dates = await page.locator(`${TIMELINE} li[data-date]`).evaluateAll((lis) => lis.map((li) => li.dataset.date));
      assert.ok(dates.length > 1, `dated points: ${dates.length}`);
      const years = dates.map(year).filter((y) => y !== null);
      assert.ok(years.length > 0, `dates with a year: ${dates.join(", ")}`);
      for (let i = 1; i < years.length; i++) {
        assert.ok(years[i - 1] <= years[i], `in time order: ${dates.join(", ")}`);
      }
      // Each publication date links to its article.
      for (const a of articles.filter((a) => a.date)) {
        const published = page.locator(`${TIMELINE} li.published a[href="#/a/${a.slug}"]`);
        assert.equal(await published.count(), 1, `publication of ${a.slug}`);
      }
      // Reload keeps the page.
      await page.reload();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor({ timeout: 10000 });
      // An event opens its article at the event; Back returns to the timeline.
      const event = page.locator(`${TIMELINE} li:not(.published) a[href*="/t/"]`).first();
      const href = await event.getAttribute("href");
      const slug = href.split("/")[2];
      await event.click();
      await page.locator(`[data-testid=reader][data-slug="${slug}"]`).waitFor({ timeout: 10000 });
      await page.locator('aside[aria-label=Timeline] li[aria-current="true"]').waitFor({ timeout: 10000 });
      assert.equal(await page.locator(TIMELINE).count(), 0);
      await page.goBack();
      await page.locator(`${TIMELINE} li[data-date]`).first().waitFor({ timeout: 10000 });
      assert.equal(new URL(page.url()).hash, "#/timeline");
      await assertClean(page, guard, "set timeline");
    } finally {
      await context.close();
    }
  });
});
