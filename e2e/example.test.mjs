// The example set (examples/wikinews-apple: 30 articles of one story over
// years), built as a release in a kept temporary copy (e2e/kept.mjs), the way
// `make dist ARTICLES=examples/wikinews-apple` builds it. The library, the
// articles with their credit, and the set's pages across the articles.
// EXAMPLE_DIST names an already built dist/ of the set instead.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { ROOT, APP_TIMEOUT, launch, loadArticles, openGuarded, assertClean, waitForApp, waitForArticle } from "./helpers.mjs";
import { keptBuild } from "./kept.mjs";

const SET = join(ROOT, "examples", "wikinews-apple");
const wait = { timeout: APP_TIMEOUT };

function exampleBuild() {
  if (process.env.EXAMPLE_DIST) return process.env.EXAMPLE_DIST;
  const files = readdirSync(SET).filter((f) => f.endsWith(".md")).sort();
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(join(SET, f)));
  return keptBuild("example", `wikinews-apple ${h.digest("hex")}`, () => files.map((f) => join(SET, f)));
}

let browser;
let server;
let articles;

before(async () => {
  const dist = exampleBuild();
  articles = loadArticles(SET);
  browser = await launch();
  server = await serve({ root: dist, prefix: "/" });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

async function open(hash) {
  const opened = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin + "/") });
  await opened.page.goto(`${server.url}${hash}`);
  await waitForApp(opened.page);
  return opened;
}

describe("the example set", () => {
  it("lists every article, and each credits its source", async () => {
    const { context, page, guard } = await open("#/");
    try {
      assert.equal(await page.locator("li.library-item").count(), articles.length);
      const a = articles[articles.length >> 1];
      await page.click(`li.library-item[data-slug="${a.slug}"] a`);
      await waitForArticle(page, a.title);
      assert.match(await page.locator("p.license").textContent(), /Wikinews/);
      await assertClean(page, guard, "example set");
    } finally {
      await context.close();
    }
  });

  it("links its entities across the articles, and its timeline and search span the set", async () => {
    const { context, page, guard } = await open(`#/a/${articles[0].slug}`);
    try {
      await waitForArticle(page, articles[0].title);
      const links = await page.locator("aside a.to-page").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      let most = 0;
      for (const href of links.slice(0, 10)) {
        await page.evaluate((h) => (location.hash = h), href);
        await page.locator('main[aria-label="Entity"] h1').waitFor(wait);
        most = Math.max(most, await page.locator('section[aria-labelledby=named-in] a[href^="#/a/"]').count());
      }
      assert.ok(most >= 5, `an entity of the first article is named in at least 5 articles (${most})`);

      await page.evaluate(() => (location.hash = "#/timeline"));
      await page.locator('main[aria-label="Set timeline"] li[data-date]').first().waitFor(wait);
      const published = await page.locator('main[aria-label="Set timeline"] li.published a').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.deepEqual(
        published.sort(),
        articles.filter((a) => a.date).map((a) => `#/a/${a.slug}`).sort(),
        "every dated article's publication is on the set timeline",
      );
      const years = new Set(await page.locator('main[aria-label="Set timeline"] li[data-date]').evaluateAll((lis) => lis.map((li) => li.dataset.date.slice(0, 4))));
      assert.ok(years.size >= 3, `the timeline spans years: ${[...years].join(", ")}`);

      // A word of one article that most others do not have finds it.
      const target = articles[articles.length - 3];
      const others = articles.filter((a) => a !== target).map((a) => a.blocks.join(" ").toLowerCase());
      const word = target.blocks
        .join(" ")
        .match(/\p{L}{7,}/gu)
        .find((w) => others.filter((t) => t.includes(w.toLowerCase())).length <= 2);
      assert.ok(word, "a word few articles have");
      await page.evaluate((q) => (location.hash = `#/search?q=${encodeURIComponent(q)}`), word);
      await page.locator(`[aria-label="Search results"] a[href="#/a/${target.slug}"]`).waitFor(wait);

      // Without a query, every article to browse, from the library's "Sort and filter": sorted by
      // title, or only those of one year.
      await page.evaluate(() => (location.hash = "#/"));
      await page.locator("[data-testid=sort-filter]").click();
      assert.equal(new URL(page.url()).hash, "#/search");
      const listed = page.locator('[aria-label="Search results"] li > a');
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Search results"] li > a').length === n, articles.length);
      await page.selectOption("#search-sort", "title");
      await page.waitForFunction(() => {
        const t = [...document.querySelectorAll('[aria-label="Search results"] li > a')].map((a) => a.textContent.toLowerCase());
        return t.every((x, i) => i === 0 || t[i - 1] <= x);
      });
      const year = articles.find((a) => a.date).date.slice(0, 4);
      await page.fill("#search-from", year);
      await page.fill("#search-to", year);
      const inYear = articles.filter((a) => a.date?.startsWith(year)).map((a) => `#/a/${a.slug}`).sort();
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Search results"] li > a').length === n, inYear.length);
      assert.deepEqual((await listed.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).sort(), inYear);
      await assertClean(page, guard, "example set's pages");
    } finally {
      await context.close();
    }
  });
});
