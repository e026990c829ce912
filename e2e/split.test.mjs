// A large set is split: the page embeds the library's index and fetches each
// article's file (articles/<slug>.bin, same origin, relative URL) when it is
// opened, with a loading state, an error view and a cache.
//
// The split set is generated (bench/gen-articles.mjs, from the dev-set bodies)
// and built as a release in a temporary copy of the project (bench/scale.mjs),
// which is kept, keyed by the sources, so a second run reuses it. SPLIT_DIST
// names an already built split dist/ (with SPLIT_ARTICLES, the folder of its
// generated articles) instead.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { ROOT, launch, openGuarded, assertClean, waitForApp, waitForArticle, articleBlockTexts, assertContainsRun } from "./helpers.mjs";
import { generate } from "../bench/gen-articles.mjs";
import { keptBuild, keptDir } from "./kept.mjs";

const COUNT = 80;
const SIZE = 3000;

/** The split build: { dist, articles (folder of the generated files) }. */
function splitBuild() {
  if (process.env.SPLIT_DIST) {
    return { dist: process.env.SPLIT_DIST, articles: process.env.SPLIT_ARTICLES };
  }
  const articles = join(keptDir("split"), "generated");
  const dist = keptBuild("split", `${COUNT}x${SIZE}`, () => {
    rmSync(articles, { recursive: true, force: true });
    mkdirSync(articles, { recursive: true });
    return generate({ out: articles, size: SIZE, count: COUNT });
  });
  return { dist, articles };
}

/** The parser's view of the generated articles: slug, title, block texts. */
function parse(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(dir, f));
  const [cmd, args] = process.env.ANALYZE_BIN
    ? [process.env.ANALYZE_BIN, ["--article", ...files]]
    : ["cargo", ["run", "-q", "-p", "dossier-core", "--bin", "analyze", "--", "--article", ...files]];
  const out = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, `analyze --article failed:\n${out.stderr}`);
  return out.stdout
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const a = JSON.parse(l);
      const lead = a.blocks.find((b) => b.kind === "Paragraph") ?? a.blocks[0];
      return { slug: a.slug, title: a.meta.title, date: a.meta.date, blocks: a.blocks.map((b) => b.text), lead: lead?.text };
    });
}

let browser;
let build;

/** Runs `test({ server, page, guard })` in a fresh page of the build served (under `prefix`), closing both after. */
async function served(test, { prefix } = {}) {
  const server = await serve({ root: build.dist, ...(prefix ? { prefix } : {}) });
  const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) });
  try {
    await test({ server, page, guard });
  } finally {
    await context.close();
    await server.close();
  }
}
let articles;

before(async () => {
  build = splitBuild();
  articles = parse(build.articles);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const isArticleFile = (u) => /\/articles\/[a-z0-9-]+\.bin(\?|$)/.test(u);
const isLibraryPage = (u) => /\/set\/l\/[0-9]+\.bin(\?|$)/.test(u);
/** Rows of the library's index the app embeds (core/src/bundle.rs, LIBRARY_PAGE). */
const PAGE = 64;

describe("a split set", () => {
  it("ships the first page of the index in the page, the others and each article as files", () => {
    const files = readdirSync(join(build.dist, "articles")).sort();
    assert.deepEqual(files, articles.map((a) => `${a.slug}.bin`).sort());
    assert.deepEqual(readdirSync(join(build.dist, "set", "l")).sort(), ["1.bin"], "80 rows: the embedded page and one file");
    const html = readFileSync(join(build.dist, "index.html"), "utf8");
    articles.forEach((a, i) => assert.equal(html.includes(`href="#/a/${a.slug}"`), i < PAGE, `the prerendered library links ${a.slug}: ${i < PAGE}`));
    assert.ok(html.includes(`… and ${COUNT - PAGE} more, listed once the page has started.`));
    assert.ok(html.includes(`${COUNT} articles, read with`), "the library counts every article");
    const wasm = readdirSync(build.dist).find((f) => f.endsWith(".wasm"));
    const wasmBytes = statSync(join(build.dist, wasm)).size;
    const fileBytes = files.reduce((n, f) => n + statSync(join(build.dist, "articles", f)).size, 0);
    assert.ok(fileBytes > 150 * 1024, `the set is over the split threshold (${fileBytes} bytes of article files)`);
    // The WebAssembly does not carry the articles' text: a paragraph that
    // opens no article (the index holds the openings, as teasers) is not in it.
    const leads = new Set(articles.map((a) => a.lead));
    const sample = articles[articles.length >> 1].blocks.find((b) => b.length > 60 && !leads.has(b));
    assert.ok(sample, "a paragraph that opens no article");
    assert.ok(!readFileSync(join(build.dist, wasm)).includes(Buffer.from(sample)), "an article's paragraph is not in the WebAssembly");
    assert.ok(wasmBytes < 1024 * 1024);
  });

  it("fetches an article when it is opened, shows it loading, and keeps it", async () => {
    await served(async ({ server, page, guard }) => {
      let release;
      const gate = new Promise((r) => (release = r));
      await page.route(isArticleFile, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(server.url, { waitUntil: "load" });
      await waitForApp(page);
      await page.waitForLoadState("networkidle");
      // the library lists the first page of the index, the first rows
      // with the page and the rest in steps after it; the next page is
      // read when the reader comes near the end of the list
      await page.waitForFunction((n) => document.querySelectorAll("li.library-item").length === n, PAGE);
      assert.match(await page.locator('[data-testid="more-articles"]').textContent(), new RegExp(`^${PAGE} of ${COUNT} listed`));
      assert.deepEqual(guard.requests.filter(isLibraryPage), [], "no page of the index before the end of the list is near");
      await page.locator('[data-testid="more-articles"]').scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll("li.library-item").length === n, articles.length);
      assert.deepEqual(
        await page.locator("li.library-item").evaluateAll((els) => els.map((e) => e.dataset.slug)),
        articles.map((a) => a.slug),
        "every row, in order",
      );
      assert.equal(await page.locator('[data-testid="more-articles"]').count(), 0, "nothing more to list");
      assert.equal(guard.requests.filter(isLibraryPage).length, 1);
      assert.match(guard.requests.filter(isLibraryPage)[0], new RegExp(`^${server.url}set/l/1\\.bin\\?b=[0-9a-f]{16}$`));
      assert.deepEqual(guard.requests.filter(isArticleFile), [], "no article file before one is opened");

      const a = articles[3];
      await page.click(`li.library-item[data-slug="${a.slug}"] a`);
      await page.waitForSelector('[data-testid="loading"]');
      assert.equal(await page.locator('[data-testid="loading"] h1').textContent(), a.title);
      assert.equal(await page.title(), `${a.title} — dossier`);
      release();
      await waitForArticle(page, a.title);
      assertContainsRun(await articleBlockTexts(page), a.blocks, a.slug);
      assert.ok((await page.locator("article mark[data-entity]").count()) > 0, "with its highlights");
      const fetched = guard.requests.filter(isArticleFile);
      assert.equal(fetched.length, 1);
      assert.match(fetched[0], new RegExp(`^${server.url}articles/${a.slug}\\.bin\\?b=[0-9a-f]{16}$`));

      // Back to the library and in again: no second request.
      await page.goBack();
      await page.waitForSelector('[data-testid="library"]');
      await page.click(`li.library-item[data-slug="${a.slug}"] a`);
      await waitForArticle(page, a.title);
      // Another article: its own file.
      const b = articles[articles.length - 1];
      await page.evaluate((h) => (location.hash = h), `#/a/${b.slug}`);
      await waitForArticle(page, b.title);
      assertContainsRun(await articleBlockTexts(page), b.blocks, b.slug);
      assert.deepEqual(
        guard.requests.filter(isArticleFile).map((u) => u.split("?")[0]),
        [`${server.url}articles/${a.slug}.bin`, `${server.url}articles/${b.slug}.bin`],
      );
      await assertClean(page, guard, "split set");
    });
  });

  it("opens a deep link under a sub-path, with the file fetched from there", async () => {
    await served(async ({ server, page, guard }) => {
      const a = articles[1];
      await page.goto(`${server.url}#/a/${a.slug}`, { waitUntil: "load" });
      await waitForArticle(page, a.title);
      assertContainsRun(await articleBlockTexts(page), a.blocks, `${a.slug} under a sub-path`);
      assert.deepEqual(guard.requests.filter(isArticleFile).map((u) => u.split("?")[0]), [`${server.origin}/sub/dossier/articles/${a.slug}.bin`]);
      await page.reload();
      await waitForArticle(page, a.title);
      await assertClean(page, guard, "sub-path");
    }, { prefix: "/sub/dossier/" });
  });

  it("opens an article past the first page of the index, says when there is no such article, and lists more on request after a failure", async () => {
    await served(async ({ server, page, guard }) => {
      const late = articles[COUNT - 3];
      await page.goto(`${server.url}#/a/${late.slug}`, { waitUntil: "load" });
      await waitForArticle(page, late.title);
      assertContainsRun(await articleBlockTexts(page), late.blocks, `${late.slug}, past the first page`);
      assert.equal(await page.title(), `${late.title} — dossier`);
      assert.deepEqual(guard.requests.filter(isLibraryPage), [], "its file says, not the index");
      // A slug the set does not have: the site has no file for it.
      await page.evaluate(() => (location.hash = "#/a/no-such-article-here"));
      await page.waitForSelector('[data-testid="not-found"]');
      assert.match(await page.locator('[data-testid="not-found"]').textContent(), /no-such-article-here/);
      // The next page of the index cannot be read: said, and tried again.
      await page.route(isLibraryPage, (route) => route.fulfill({ status: 503, body: "busy" }));
      await page.evaluate(() => (location.hash = "#/"));
      await page.waitForSelector('[data-testid="more-articles"]');
      await page.locator('[data-testid="more-articles"]').scrollIntoViewIfNeeded();
      await page.locator('[data-testid="more-articles"] [role="alert"]').waitFor();
      assert.match(await page.locator('[data-testid="more-articles"]').textContent(), /could not be read: the server answered 503/);
      await page.unroute(isLibraryPage);
      await page.click('[data-testid="more-articles"] button');
      await page.waitForFunction((n) => document.querySelectorAll("li.library-item").length === n, articles.length);
      // The 404 and the 503 are the browser's console messages; nothing else.
      assert.deepEqual(guard.pageErrors, [], "no uncaught error");
      assert.deepEqual(guard.foreign, [], "no request to another origin");
    });
  });

  it("an article the reader adds never takes the slug of one past the first page of the index", async () => {
    await served(async ({ server, page, guard }) => {
      const late = articles[COUNT - 3];
      const [, n] = late.slug.match(/^bench-3000-(\d+)$/) ?? [];
      assert.ok(n, `a generated slug: ${late.slug}`);
      await page.goto(server.url, { waitUntil: "load" });
      await waitForApp(page);
      await page.evaluate((title) => {
        const dt = new DataTransfer();
        dt.setData("text/plain", `${title}\n\nThe harbour of Kvitsund reopened on Monday, the port authority said.`);
        document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }, `Bench 3000 ${n}`);
      await page.waitForSelector(`[data-testid=reader] h1#title >> text=Bench 3000 ${n}`, { timeout: 60000 });
      assert.equal(await page.evaluate(() => location.hash), `#/a/${late.slug}-2`, "the set's slug is taken");
      await page.evaluate((h) => (location.hash = h), `#/a/${late.slug}`);
      await waitForArticle(page, late.title);
      assert.deepEqual(guard.pageErrors, [], "no uncaught error");
    });
  });

  it("says so when a file is missing or damaged, and tries again on request", async () => {
    await served(async ({ server, page, guard }) => {
      const [a, b] = [articles[5], articles[6]];
      await page.route(isArticleFile, (route) => route.fulfill({ status: 404, body: "not found" }));
      await page.goto(`${server.url}#/a/${a.slug}`, { waitUntil: "load" });
      await page.waitForSelector('[data-testid="load-error"]', { timeout: 30000 });
      const text = await page.locator('[data-testid="load-error"]').textContent();
      assert.match(text, /could not be opened/);
      assert.ok(text.includes(a.title), "names the article");
      assert.match(text, /404/);
      // The server is back: "Try again" loads it.
      await page.unroute(isArticleFile);
      await page.click('[data-testid="load-error"] button');
      await waitForArticle(page, a.title);
      assertContainsRun(await articleBlockTexts(page), a.blocks, `${a.slug} after trying again`);

      // A file that is not an article file (e.g. an HTML error page with 200).
      await page.route(isArticleFile, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>Oops</p>" }));
      await page.evaluate((h) => (location.hash = h), `#/a/${b.slug}`);
      await page.waitForSelector('[data-testid="load-error"]');
      assert.match(await page.locator('[data-testid="load-error"]').textContent(), /damaged or not an article/);
      // Another article's file under this name.
      const other = readFileSync(join(build.dist, "articles", `${a.slug}.bin`));
      await page.unroute(isArticleFile);
      await page.route(isArticleFile, (route) => route.fulfill({ status: 200, body: other }));
      await page.click('[data-testid="load-error"] button');
      await page.waitForFunction(() => /another article/.test(document.querySelector('[data-testid="load-error"]')?.textContent ?? ""));
      // Leaving and opening it again tries again (the real file this time).
      await page.unroute(isArticleFile);
      await page.click('[data-testid="load-error"] a[href="#/"]');
      await page.waitForSelector('[data-testid="library"]');
      await page.click(`li.library-item[data-slug="${b.slug}"] a`);
      await waitForArticle(page, b.title);
      assertContainsRun(await articleBlockTexts(page), b.blocks, `${b.slug} opened again`);
      assert.deepEqual(guard.pageErrors, [], "no uncaught error");
    });
  });

  it("search answers from its shards, reading only the articles it shows, and sorts and filters without reading the others", async () => {
    const files = readdirSync(join(build.dist, "set", "s"));
    assert.ok(files.includes("keys.bin") && files.some((f) => /^\d+\.bin$/.test(f)), `search shards: ${files}`);
    await served(async ({ server, page, guard }) => {
      const isSearchShard = (u) => /\/set\/s\/\d+\.bin\?b=[0-9a-f]{16}$/.test(u);
      const isPages = (u) => /\/set\/pages\.bin/.test(u);
      // The word of the last article's text that the fewest articles have
      // (the results shown are the best 10, ties to the earlier article).
      const last = articles[articles.length - 1];
      const texts = articles.map((a) => [a.title, ...a.blocks].join(" ").toLowerCase());
      const rarest = (candidates) => candidates.map((w) => [w, texts.filter((t) => t.includes(w.toLowerCase())).length]).sort((x, y) => x[1] - y[1])[0];
      const [word, df] = rarest(last.blocks.join(" ").match(/\p{L}{6,}/gu));
      assert.ok(df <= 10 && !texts[0].includes(word.toLowerCase()), `a word only some articles have: ${word} in ${df}`);
      const results = '[aria-label="Search results"]';
      // The results are listed as soon as they are ranked, their snippets
      // once their articles' files are read.
      let release;
      const gate = new Promise((r) => (release = r));
      await page.route(isArticleFile, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(`${server.url}#/search?q=${encodeURIComponent(word)}`, { waitUntil: "load" });
      await page.locator(`${results} a[href="#/a/${last.slug}"]`).waitFor({ timeout: 30000 });
      assert.equal(await page.locator(results).getAttribute("aria-busy"), "true");
      assert.equal(await page.locator(`${results} a.snippet`).count(), 0, "no snippet before the files");
      release();
      await page.waitForFunction((w) => document.querySelector('[aria-label="Search results"]').dataset.answered === w, word);
      await page.unroute(isArticleFile);
      const hits = await page.locator(`${results} li > a:not(.snippet)`).count();
      const read = guard.requests.filter(isArticleFile).length;
      assert.ok(read >= hits && read <= 10, `the files of the results shown, no other: ${read} files for ${hits} results`);
      assert.equal(guard.requests.filter((u) => /\/set\/s\/keys\.bin/.test(u)).length, 1, "the shards' list, once");
      const shards = guard.requests.filter(isSearchShard).length;
      assert.ok(shards >= 1 && shards <= 2, `the word's shard (and its name's): ${shards}`);
      assert.equal(guard.requests.filter(isPages).length, 0, "not the set's index");
      // Each result shows the word marked, in a sentence linked to.
      const marks = await page.locator(`${results} a.snippet mark`).allTextContents();
      assert.ok(marks.length >= hits, `${marks.length} marks`);
      // (the word, or the mentions of an entity it names)
      assert.ok(marks.every((m) => m.toLowerCase().includes(word.toLowerCase())), `marks: ${marks.slice(0, 5)}`);
      assert.ok((await page.locator(`${results} a.snippet[href*="/s/"]`).count()) > 0, "snippets link to their sentence");
      // A phrase of the last article: every result holds it, marked whole.
      const threes = last.blocks.flatMap((b) => [...b.matchAll(/(?=(\b\p{L}{4,} \p{L}{4,} \p{L}{4,}\b))/gu)].map((m) => m[1]));
      const [phrase] = rarest(threes);
      await page.locator('input[aria-label="Search the articles"]').fill(`"${phrase}"`);
      await page.waitForFunction((q) => document.querySelector('[aria-label="Search results"]').dataset.answered === q, `"${phrase}"`);
      await page.locator(`${results} a[href="#/a/${last.slug}"]`).waitFor();
      const phraseMarks = await page.locator(`${results} a.snippet mark`).allTextContents();
      assert.ok(phraseMarks.length > 0 && phraseMarks.every((m) => m.toLowerCase() === phrase.toLowerCase()), `phrase marks: ${phraseMarks.slice(0, 5)}`);
      assert.equal(new URL(page.url()).hash, `#/search?q=${encodeURIComponent(`"${phrase}"`)}`);
      assert.equal(guard.requests.filter(isPages).length, 0, "still not the set's index");
      // A word of every article: the best 10, then 10 more on request.
      await page.locator('input[aria-label="Search the articles"]').fill("the ");
      const titles = page.locator('[aria-label="Search results"][data-answered="the "] li > a:not(.snippet)');
      await titles.first().waitFor({ timeout: 30000 });
      assert.equal(await titles.count(), 10);
      assert.match(await page.locator(`${results} [role=status]`).textContent(), /^The best 10 of \d+ articles$/);
      await page.getByRole("button", { name: "More results" }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Search results"][data-answered] li > a:not(.snippet)').length === n, 20);
      // Sorted by title: the first 10 titles of the set, from the articles' facets.
      const answeredAgain = () => page.waitForFunction(() => document.querySelector('[aria-label="Search results"][aria-busy="false"]')?.dataset.answered === "the ");
      const shownTitles = () => page.locator(`${results} li > a:not(.snippet)`).allTextContents();
      await page.locator("#search-sort").selectOption("title");
      await answeredAgain();
      const byTitle = articles.map((a) => a.title).sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0));
      assert.deepEqual(await shownTitles(), byTitle.slice(0, 10));
      assert.match(await page.locator(`${results} [role=status]`).textContent(), /^The first 10 of \d+ articles$/);
      assert.equal(guard.requests.filter((u) => /\/set\/s\/facets\.bin\?b=[0-9a-f]{16}$/.test(u)).length, 1, "the facets, once");
      // Years of publication: none after the set's last, all in its year.
      const year = articles[0].date.slice(0, 4);
      await page.locator("#search-from").fill(String(Number(year) + 1));
      await page.waitForFunction(() => document.querySelector('[aria-label="Search results"] [role=status]')?.textContent === "No article matches.");
      await page.locator("#search-from").fill(year);
      await page.locator("#search-to").fill(year);
      await answeredAgain();
      assert.deepEqual(await shownTitles(), byTitle.slice(0, 10));
      // An entity named: only the articles that name it (as many as its page lists).
      await page.evaluate((h) => (location.hash = h), `#/a/${articles[0].slug}`);
      await waitForArticle(page, articles[0].title);
      // (one named in some articles, not all)
      let name;
      let naming = 0;
      for (const href of (await page.locator("aside a.to-page").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).slice(0, 12)) {
        await page.evaluate((h) => (location.hash = h), href);
        await page.locator(`main[aria-label="Entity"][data-key="${decodeURIComponent(href.slice(4))}"] h1`).waitFor();
        naming = await page.locator('main[aria-label="Entity"] section[aria-labelledby=named-in] a[href^="#/a/"]').count();
        name = (await page.locator('main[aria-label="Entity"] h1').textContent()).trim();
        if (naming > 1 && naming < articles.length) break;
      }
      await page.evaluate(() => (location.hash = "#/search?q=the%20"));
      await page.locator("#search-entity").fill(name);
      const filtered = new RegExp(`(^|of )${naming} articles? \\(${articles.length} before the filters\\)$`);
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[aria-label="Search results"][aria-busy="false"] [role=status]')?.textContent ?? ""), filtered.source);
      assert.ok(naming > 1 && naming < articles.length, `${name} is named in ${naming} articles`);
      // Every article to browse, the newest first, without reading one (a page opened afresh).
      const filesBefore = guard.requests.filter(isArticleFile).length;
      await page.evaluate(() => (location.hash = "#/search"));
      await page.reload({ waitUntil: "load" });
      await page.waitForFunction(() => document.querySelector('[aria-label="Search results"][aria-busy="false"] [role=status]')?.textContent === "The first 10 of 80 articles");
      assert.equal(await page.locator(`${results} li > a:not(.snippet)`).count(), 10);
      assert.equal(guard.requests.filter(isArticleFile).length, filesBefore, "browsing reads no article");
      assert.ok(new Set(guard.requests.filter(isArticleFile).map((u) => u.split("?")[0])).size < articles.length, "never every article's file");
      // An entity named in several articles has one page that lists them.
      await page.evaluate(() => (location.hash = "#/timeline"));
      await page.locator('main[aria-label="Set timeline"] li[data-date]').first().waitFor();
      await page.evaluate((h) => (location.hash = h), `#/a/${articles[0].slug}`);
      await waitForArticle(page, articles[0].title);
      const seen = guard.requests.filter(isArticleFile).length;
      const links = await page.locator("aside a.to-page").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.ok(links.length > 0);
      let most = 0;
      for (const href of links.slice(0, 8)) {
        await page.evaluate((h) => (location.hash = h), href);
        await page.locator('main[aria-label="Entity"] h1').waitFor();
        most = Math.max(most, await page.locator('main[aria-label="Entity"] section[aria-labelledby=named-in] a[href^="#/a/"]').count());
      }
      assert.ok(most > 1, `an entity of the first article is named in other articles too (${most})`);
      assert.equal(guard.requests.filter(isArticleFile).length, seen, "the entity pages read no file again");
      await assertClean(page, guard, "split set's pages");
    });
  });

  it("says so when the search index cannot be read, and asks again on request", async () => {
    await served(async ({ server, page }) => {
      const results = '[aria-label="Search results"]';
      const isIndex = (u) => /\/set\/s\//.test(u);
      await page.route(isIndex, (route) => route.fulfill({ status: 503, body: "busy" }));
      await page.goto(`${server.url}#/search?q=harbour`, { waitUntil: "load" });
      await page.locator(`${results} [role=alert]`).waitFor({ timeout: 30000 });
      assert.match(await page.locator(`${results} [role=alert]`).textContent(), /503/);
      await page.unroute(isIndex);
      await page.getByRole("button", { name: "Try again" }).click();
      await page.waitForFunction(() => document.querySelector('[aria-label="Search results"]').dataset.answered === "harbour");
      assert.equal(await page.locator(`${results} [role=alert]`).count(), 0);
      assert.match(await page.locator(`${results} [role=status]`).textContent(), /article/);
    });
  });

  it("an entity's page opens from its shard (one small file, no article's), the same as read from the whole set", async () => {
    const shards = readdirSync(join(build.dist, "set", "e"));
    assert.ok(shards.length >= 1 && shards.every((f) => /^\d+\.bin$/.test(f)), `entity shards: ${shards}`);
    const server = await serve({ root: build.dist });
    try {
      // The entities of the first article, as its panel links them.
      let links;
      {
        const { context, page } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) });
        await page.goto(`${server.url}#/a/${articles[0].slug}`, { waitUntil: "load" });
        await waitForArticle(page, articles[0].title);
        links = await page.locator("aside a.to-page").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        await context.close();
      }
      assert.ok(links.length > 0);
      const isShard = (u) => /\/set\/e\/\d+\.bin\?b=[0-9a-f]{16}$/.test(u);
      const sections = (page) =>
        page.locator('main[aria-label="Entity"] > :is(h1, p, section:not(.correct))').evaluateAll((els) => els.map((e) => e.textContent));
      const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) });
      try {
        // A cold visit to the page of the entity the first article names most.
        await page.goto(`${server.url}${links[0]}`, { waitUntil: "load" });
        await page.locator('main[aria-label="Entity"] section[aria-labelledby=named-in] a[href^="#/a/"]').first().waitFor();
        assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file");
        assert.equal(guard.requests.filter(isShard).length, 1, `one shard: ${guard.requests}`);
        assert.ok((await page.locator('main[aria-label="Entity"] section[aria-labelledby=mentions] a.snippet mark').count()) > 0, "mentions marked");
        const fromShard = await sections(page);
        const ENTITY = 'main[aria-label="Entity"]';
        const built = { name: await page.locator(`${ENTITY} h1`).textContent(), type: await page.locator(ENTITY).getAttribute("data-type") };
        // Renamed, retyped and hidden on the page itself: no article is read.
        const renamed = "Dar al-Salam دار 🧭 é\u0301";
        await page.fill("#correct-name", renamed);
        await page.click('form:has(#correct-name) button[type=submit]');
        await page.locator(`${ENTITY} h1`, { hasText: renamed }).waitFor();
        const retyped = built.type === "organization" ? "place" : "organization";
        await page.selectOption("#correct-type", retyped);
        await page.click('form:has(#correct-type) button[type=submit]');
        await page.locator(`${ENTITY}[data-type="${retyped}"]`).waitFor();
        await page.click('button:text-is("Hide: not an entity")');
        await page.locator(`${ENTITY}.hidden .hidden-note`).waitFor();
        assert.equal(await page.locator(".corrections li").count(), 3, "each correction listed, with Undo");
        const corrected = await sections(page);
        assert.ok(corrected.some((t) => t.includes(built.name)), "the name the build gave is an alias now");
        assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file");
        // They are kept: after a reload the page is corrected, still from its shard.
        await page.reload({ waitUntil: "load" });
        await page.locator(`${ENTITY}.hidden h1`, { hasText: renamed }).waitFor();
        assert.deepEqual(await sections(page), corrected);
        assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file after the reload");
        // A correction of an entity the set does not have is reported from the
        // shards, with no article read, and can be removed.
        const lines = () => page.evaluate(() => (localStorage.getItem("dossier.corrections") ?? "").split("\n").filter(Boolean));
        const kept = await lines();
        await page.evaluate((c) => localStorage.setItem("dossier.corrections", c.join("\n") + "\nhide\tno-such-entity\n"), kept);
        await page.reload({ waitUntil: "load" });
        const notice = page.locator("section[aria-label=Corrections]");
        await notice.locator('button:text-is("Remove them")').waitFor();
        assert.match(await notice.textContent(), /1 of your corrections no longer applies[^]*no entity “no-such-entity”/);
        assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file for the stale correction");
        await notice.locator('button:text-is("Remove them")').click();
        await page.waitForFunction((n) => (localStorage.getItem("dossier.corrections") ?? "").split("\n").filter(Boolean).length === n, kept.length);
        assert.deepEqual(await lines(), kept, "the others kept");
        assert.equal(await notice.count(), 0);
        await page.locator(`${ENTITY}.hidden h1`, { hasText: renamed }).waitFor();
        // The set's timeline is still read by period with them.
        await page.evaluate(() => (location.hash = "#/timeline"));
        await page.locator('main[aria-label="Set timeline"][aria-busy="false"] li[data-date]').first().waitFor();
        assert.equal(await page.locator("#tl-kind").count(), 0, "read by period");
        assert.equal(guard.requests.filter((u) => /\/set\/pages\.bin/.test(u)).length, 0, "not every point");
        await page.goBack();
        await page.locator(`${ENTITY}.hidden h1`, { hasText: renamed }).waitFor();
        assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file for the timeline");
        // Merging or splitting needs the whole set: it is read, and the page is the same.
        await page.getByRole("button", { name: "Merge or split it" }).click();
        await page.locator("#correct-merge").waitFor({ timeout: 30000 });
        assert.equal(guard.requests.filter(isArticleFile).length, articles.length, "each article's file, once");
        assert.deepEqual(await sections(page), corrected, "the same page from the whole set");
        // Undone, one by one: the page is as the build made it.
        for (let left = 3; left > 0; left--) {
          await page.locator(".corrections button:text-is('Undo')").last().click();
          await page.waitForFunction((n) => document.querySelectorAll(".corrections li").length === n, left - 1);
        }
        await page.locator(`${ENTITY}:not(.hidden) h1`, { hasText: built.name }).waitFor();
        assert.deepEqual(await sections(page), fromShard);
        await assertClean(page, guard, "entity page from its shard");
      } finally {
        await context.close();
      }
      // A shard of another build is refused with a way on.
      {
        const { context, page } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) });
        await context.route(/\/set\/e\/\d+\.bin/, (route) => route.fulfill({ status: 200, body: Buffer.from([0, 1, 2, 3]) }));
        await page.goto(`${server.url}${links[0]}`, { waitUntil: "load" });
        await page.getByRole("heading", { name: "This entity's page could not be read" }).waitFor();
        assert.match(await page.locator('main[aria-label="Problem"] [role=alert]').textContent(), /damaged/);
        await page.getByRole("button", { name: "Read the whole set instead" }).click();
        await page.locator('main[aria-label="Entity"] #correct-name').waitFor({ timeout: 30000 });
        await context.close();
      }
    } finally {
      await server.close();
    }
  });

  it("search from its shards takes the reader's renames, types and hiding, as the whole set's search does", async () => {
    await served(async ({ server, page, guard }) => {
      const ENTITY = 'main[aria-label="Entity"]';
      const results = '[aria-label="Search results"]';
      const isSetPages = (u) => /\/set\/pages\.bin/.test(u);
      await page.goto(`${server.url}#/a/${articles[0].slug}`, { waitUntil: "load" });
      await waitForArticle(page, articles[0].title);
      const entity = await page.locator("aside a.to-page").first().getAttribute("href");
      await page.evaluate((h) => (location.hash = h), entity);
      await page.locator(`${ENTITY} section[aria-labelledby=named-in] a[href^="#/a/"]`).first().waitFor();
      const built = await page.locator(`${ENTITY} h1`).textContent();
      const type = await page.locator(ENTITY).getAttribute("data-type");
      const retyped = type === "organization" ? "place" : "organization";
      // Renamed and retyped on its page (from its shard).
      const renamed = "Zephyrine Okonkwo-Lind";
      await page.fill("#correct-name", renamed);
      await page.click('form:has(#correct-name) button[type=submit]');
      await page.locator(`${ENTITY} h1`, { hasText: renamed }).waitFor();
      await page.selectOption("#correct-type", retyped);
      await page.click('form:has(#correct-type) button[type=submit]');
      await page.locator(`${ENTITY}[data-type="${retyped}"]`).waitFor();
      const search = async (q) => {
        await page.evaluate((h) => (location.hash = h), `#/search?q=${encodeURIComponent(q)}`);
        await page.waitForFunction(
          // (the whole set's search answers at once: it is never busy)
          (q) => document.querySelector('[aria-label="Search results"]')?.dataset.answered === q && (document.querySelector('[aria-label="Search results"]').getAttribute("aria-busy") ?? "false") === "false",
          q,
        );
        return {
          hrefs: await page.locator(`${results} a[href^="#/a/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href").split("/s/")[0])),
          named: await page.locator("p.named a").evaluateAll((as) => as.map((a) => `${a.getAttribute("href")} ${a.textContent}`)),
        };
      };
      // By its new name and by its old one (an alias now): found, named as corrected.
      const light = {};
      for (const q of [renamed, built]) {
        light[q] = await search(q);
        assert.ok(light[q].hrefs.length > 0, `${q}: results`);
        const chip = light[q].named.find((n) => n.startsWith(`${entity} `));
        assert.ok(chip, `${q}: ${light[q].named}`);
        assert.ok(chip.includes(renamed) && !chip.includes(built), chip);
      }
      assert.deepEqual((await search(renamed.toUpperCase())).hrefs, light[renamed].hrefs, "case aside");
      // The entity filter takes its new name, not the old one.
      const listedNow = (more) =>
        page.waitForFunction(
          (more) => {
            const r = document.querySelector('[aria-label="Search results"]');
            const n = r.querySelectorAll('a[href^="#/a/"]').length;
            return r.getAttribute("aria-busy") === "false" && (more ? n > 0 : n === 0);
          },
          more,
          { timeout: 10000 },
        );
      await page.locator("#search-entity").fill(built);
      await listedNow(false);
      await page.locator("#search-entity").fill(renamed.toLowerCase());
      await listedNow(true);
      // Hidden: no longer named, its articles still found.
      await page.evaluate((h) => (location.hash = h), entity);
      await page.click('button:text-is("Hide: not an entity")');
      await page.locator(`${ENTITY}.hidden`).waitFor();
      const hidden = await search(renamed);
      assert.equal(hidden.named.filter((n) => n.startsWith(`${entity} `)).length, 0, `${hidden.named}`);
      assert.deepEqual(hidden.hrefs, light[renamed].hrefs);
      assert.equal(guard.requests.filter(isSetPages).length, 0, "not the whole set's index");
      assert.ok(new Set(guard.requests.filter(isArticleFile).map((u) => u.split("?")[0])).size < articles.length, "not every article");
      // The whole set's search, with the same corrections, finds the same articles.
      await page.evaluate((h) => (location.hash = h), entity);
      await page.getByRole("button", { name: "Merge or split it" }).click();
      await page.locator("#correct-merge").waitFor({ timeout: 30000 });
      const whole = await search(renamed);
      assert.deepEqual([...whole.hrefs].sort(), [...hidden.hrefs].sort());
      assert.deepEqual(whole.named, hidden.named);
      await assertClean(page, guard, "search with corrections");
    });
  });

  it("the set's timeline reads its files by period, not an article, the same as from the whole set", async () => {
    await served(async ({ server, page, guard }) => {
      const TL = 'main[aria-label="Set timeline"]';
      const rows = () => page.locator(`${TL} li[data-date]`).evaluateAll((ls) => ls.map((l) => `${l.dataset.date} ${l.textContent}`));
      const isSetPages = (u) => /\/set\/pages\.bin\?b=[0-9a-f]{16}$/.test(u);
      const isPeriod = (u) => /\/set\/t\/\d+\.bin\?b=[0-9a-f]{16}$/.test(u);
      const periods = readdirSync(join(build.dist, "set", "t")).filter((f) => /^\d+\.bin$/.test(f));
      assert.ok(readdirSync(join(build.dist, "set", "t")).includes("keys.bin"));
      // A file held back: the page says it is reading, then lists its rows.
      let release;
      const held = new Promise((r) => (release = r));
      await page.route(isPeriod, async (route) => {
        await held;
        await route.continue();
      });
      // Where the app tells the pages module it is, from the start.
      await page.addInitScript(() => {
        window.__told = [];
        addEventListener("dossier-page", (e) => window.__told.push(e.detail));
        // How many rows and marks the list and the drawing had when the
        // first row appeared.
        new MutationObserver((_, seen) => {
          const rows = document.querySelectorAll('main[aria-label="Set timeline"] li[data-date]').length;
          if (rows) {
            window.__first = { rows, marks: document.querySelectorAll("svg.set-axis .mark").length };
            seen.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      // The list is asked for while the module's WebAssembly is still on
      // its way (by the page's first script, not after the module starts).
      let listAsked;
      const asked = new Promise((r) => (listAsked = r));
      page.on("request", (r) => /\/set\/t\/keys\.bin\?b=/.test(r.url()) && listAsked());
      let early = null;
      await page.route(/\/pages_bg\.wasm$/, async (route) => {
        early ??= await Promise.race([asked.then(() => true), new Promise((r) => setTimeout(() => r(false), 10000))]);
        await route.continue();
      });
      await page.goto(`${server.url}#/timeline`, { waitUntil: "load" });
      await page.locator(`${TL}[aria-busy="true"]`).waitFor();
      assert.equal(early, true, "the list asked for before the module's WebAssembly arrived");
      assert.equal(await page.locator(`${TL} li[data-date]`).count(), 0);
      release();
      await page.locator(`${TL}[aria-busy="false"] li[data-date]`).first().waitFor();
      await page.unroute(isPeriod);
      assert.equal(guard.requests.filter(isArticleFile).length, 0, "no article's file");
      assert.equal(guard.requests.filter(isSetPages).length, 0, "not the whole timeline");
      assert.equal(guard.requests.filter((u) => /\/set\/t\/keys\.bin\?b=[0-9a-f]{16}$/.test(u)).length, 1, "the list of its files, once");
      const read = new Set(guard.requests.filter(isPeriod).map((u) => u.split("?")[0]));
      assert.ok(read.size >= 1 && read.size <= periods.length, `${read.size} of ${periods.length} files`);
      // The app, once live, never took the page down (while restoring the
      // address it is on the library: the module is not told that).
      await page.waitForFunction(() => document.documentElement.dataset.app === "ready");
      assert.deepEqual([...new Set(await page.evaluate(() => window.__told))], ["#/timeline"]);
      const light = await rows();
      assert.ok(light.length > articles.length, `${light.length} points`);
      // A long list and its drawing are made in steps after the first
      // paint, and the page is busy until all are there.
      const first = await page.evaluate(() => window.__first);
      const marks = await page.locator(`${TL} svg.set-axis .mark`).count();
      assert.ok(light.length > 60, `${light.length} rows`);
      assert.equal(first.rows, 60, `first rows of ${light.length}`);
      assert.equal(first.marks, Math.min(marks, 60), `first marks of ${marks}`);
      assert.match(await page.locator(`${TL} .lede`).textContent(), new RegExp(`^${light.length} dated points`));
      // One year: the points of the window, counted from the list of files.
      const years = light.map((r) => r.match(/^(\d{4})-/)?.[1]).filter(Boolean);
      const year = years[Math.floor(years.length / 2)];
      const span = await page.locator('[data-testid="tl-span"]').textContent();
      await page.locator("#tl-from").fill(year);
      await page.locator("#tl-to").fill(year);
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForFunction((s) => document.querySelector('[data-testid="tl-span"]').textContent !== s, span);
      const status = await page.locator(`${TL} p[role=status]`).textContent();
      const [inView, total] = status.split(" of ").map(Number);
      assert.equal(total, light.length);
      assert.ok(inView < total, status);
      await page.waitForFunction((n) => document.querySelectorAll('main[aria-label="Set timeline"][aria-busy="false"] li[data-date]').length === n, inView);
      const zoomed = await rows();
      assert.deepEqual(zoomed, light.filter((r) => zoomed.includes(r)), "in the same order");
      // A mark chosen: its point is listed and marked current.
      await page.locator(`${TL} svg.set-axis .mark`).last().click();
      await page.locator(`${TL} li[aria-current="true"]`).waitFor();
      await page.getByRole("button", { name: "All" }).click();
      await page.waitForFunction((n) => document.querySelectorAll('main[aria-label="Set timeline"] li[data-date]').length === n, light.length);
      assert.equal(guard.requests.filter(isSetPages).length, 0, "still not the whole timeline");
      // Words typed in the filter read every point, and go on filtering there.
      const label = await page.locator(`${TL} li[data-date]:not(.published) > a`).first().textContent();
      const word = label.match(/[A-Za-z]{5,}/)[0];
      // (typed on while the whole timeline arrives: no key is lost, the box is the same)
      await page.locator('input[aria-label="Filter the timeline"]').pressSequentially(word);
      await page.waitForFunction(() => document.querySelector("#tl-kind"));
      assert.equal(await page.locator('input[aria-label="Filter the timeline"]').inputValue(), word);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Filter the timeline");
      assert.equal(guard.requests.filter(isSetPages).length, 1, "the whole timeline, once");
      const filtered = await rows();
      assert.ok(filtered.length > 0 && filtered.length < light.length, `${filtered.length}`);
      assert.ok(filtered.every((r) => r.toLowerCase().includes(word.toLowerCase())), "every point has the word");
      // An entity's page after it: from its shard (the app reads the article it shows itself).
      await page.evaluate((h) => (location.hash = h), `#/a/${articles[0].slug}`);
      await waitForArticle(page, articles[0].title);
      const entity = await page.locator("aside a.to-page").first().getAttribute("href");
      await page.evaluate((h) => (location.hash = h), entity);
      await page.locator('main[aria-label="Entity"] section[aria-labelledby=named-in] a[href^="#/a/"]').first().waitFor({ timeout: 10000 });
      const before = guard.requests.filter(isArticleFile).length;
      assert.equal(before, 1, "the article the app showed, and no other");
      // Merging or splitting an entity needs every article: they are read, and the timeline is the same.
      await page.getByRole("button", { name: "Merge or split it" }).click();
      await page.locator("#correct-merge").waitFor({ timeout: 30000 });
      assert.equal(new Set(guard.requests.filter(isArticleFile).map((u) => u.split("?")[0])).size, articles.length, "every article's file");
      await page.evaluate(() => (location.hash = "#/timeline"));
      await page.locator('main[aria-label="Set timeline"] li[data-date]').first().waitFor();
      await page.locator('input[aria-label="Filter the timeline"]').fill("");
      await page.waitForFunction((n) => document.querySelectorAll('main[aria-label="Set timeline"] li[data-date]').length === n, light.length);
      assert.deepEqual(await rows(), light);
      await assertClean(page, guard, "set timeline without the articles");
    });
  });

  it("the timeline read by period fits 360 px, prints without its controls, and is axe clean in both schemes", async () => {
    const axeSource = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
    const server = await serve({ root: build.dist });
    try {
      for (const colorScheme of ["light", "dark"]) {
        const { context, page, guard } = await openGuarded(browser, {
          allow: (u) => u.startsWith(server.origin),
          colorScheme,
          viewport: { width: 360, height: 740 },
          bypassCSP: true,
        });
        try {
          await page.goto(`${server.url}#/timeline`, { waitUntil: "load" });
          await page.locator('main[aria-label="Set timeline"][aria-busy="false"] li[data-date]').first().waitFor();
          assert.equal(await page.locator("#tl-kind").count(), 0, "read by period");
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `fits 360 px (${width})`);
          await page.emulateMedia({ media: "print" });
          for (const control of [".tl-filters", ".tl-zoom", ".tl-note", ".set-axis"]) {
            const shown = await page.locator(control).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
            assert.equal(shown, 0, `${control} is not printed`);
          }
          await page.emulateMedia({ media: "screen" });
          await page.evaluate(axeSource);
          const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
          const bad = result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
          assert.deepEqual(bad, [], `axe (${colorScheme})`);
          await assertClean(page, guard, `timeline by period (${colorScheme})`);
        } finally {
          await context.close();
        }
      }
    } finally {
      await server.close();
    }
  });

  it("says so when a file of the timeline cannot be read, and asks again on request", async () => {
    await served(async ({ server, page }) => {
      const isPeriod = (u) => /\/set\/t\/\d+\.bin(\?|$)/.test(u);
      await page.route(isPeriod, (route) => route.fulfill({ status: 503, body: "busy" }));
      await page.goto(`${server.url}#/timeline`, { waitUntil: "load" });
      await page.locator('main[aria-label="Set timeline"] [role=alert]').waitFor();
      assert.match(await page.locator('main[aria-label="Set timeline"] [role=alert]').textContent(), /503/);
      await page.unroute(isPeriod);
      await page.getByRole("button", { name: "Try again" }).click();
      await page.locator('main[aria-label="Set timeline"][aria-busy="false"] li[data-date]').first().waitFor();
      assert.equal(await page.locator('main[aria-label="Set timeline"] [role=alert]').count(), 0);
    });
  });

  it("dossier.html holds the whole set and opens its articles from file:// without a request", async () => {
    const url = pathToFileURL(join(build.dist, "dossier.html")).href;
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.split("#")[0] === url });
    try {
      await page.goto(url);
      await waitForApp(page);
      // The library's next page is inline too.
      await page.locator('[data-testid="more-articles"]').scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll("li.library-item").length === n, articles.length);
      await page.evaluate(() => (location.hash = "#/a/no-such-article-here"));
      await page.waitForSelector('[data-testid="not-found"]');
      for (const a of [articles[0], articles[articles.length >> 1], articles[articles.length - 1]]) {
        await page.evaluate((h) => (location.hash = h), `#/a/${a.slug}`);
        await waitForArticle(page, a.title);
        assertContainsRun(await articleBlockTexts(page), a.blocks, `${a.slug} (file://)`);
      }
      // An entity's page: from the articles it holds (there are no shards to fetch).
      const entity = await page.locator("aside a.to-page").first().getAttribute("href");
      await page.evaluate((h) => (location.hash = h), entity);
      await page.locator('main[aria-label="Entity"] section[aria-labelledby=named-in] a[href^="#/a/"]').first().waitFor({ timeout: 30000 });
      const network = (u) => !u.startsWith("data:") && !u.startsWith("blob:");
      assert.deepEqual(guard.requests.filter(network), [url], "the file itself is all that is loaded");
      await assertClean(page, guard, "file://");
    } finally {
      await context.close();
    }
  });

  it("past the size one file carries sensibly, the build writes no dossier.html and says why", () => {
    const copy = join(keptDir("split"), "too-large");
    rmSync(copy, { recursive: true, force: true });
    cpSync(build.dist, copy, { recursive: true });
    try {
      const run = (limit) =>
        spawnSync(process.execPath, [join(ROOT, "scripts", "postbuild.mjs"), copy], {
          encoding: "utf8",
          env: { ...process.env, DOSSIER_SINGLE_MIB: limit },
        });
      const out = run("0.25");
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /dossier\.html not written: the set would make it about \d+ MiB, past the 0\.25 MiB/);
      assert.ok(!existsSync(join(copy, "dossier.html")), "no dossier.html (the earlier one is removed)");
      assert.match(readFileSync(join(copy, "index.html"), "utf8"), /http-equiv="Content-Security-Policy"/);
      // a limit that is no number is refused, naming the variable
      const bad = run("lots");
      assert.notEqual(bad.status, 0);
      assert.match(bad.stderr, /DOSSIER_SINGLE_MIB must be a positive number of MiB, not "lots"/);
      // under the limit it is written again
      const again = run("64");
      assert.equal(again.status, 0, again.stderr);
      assert.ok(existsSync(join(copy, "dossier.html")));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
