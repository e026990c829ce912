// A long article: the build writes the text far down as plain text, the
// app adopts the chunks of the text near the view at once and renders the
// others afresh, with their marks, a few per frame, once it is live
// (src/later.rs). What the reader sees must not change: the same text as
// built, the same marks as the app rendering the whole article at once, a
// place linked to far down the text, a card on a name that came later, and
// the same from dossier.html on disk.
//
// The article is generated (bench/gen-articles.mjs, from the dev-set bodies,
// about 150 KB) and built as a release in a temporary copy of the project,
// kept and keyed by the sources like the split set. LONG_DIST names an
// already built dist/ instead.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { launch, openGuarded, assertClean, waitReady, APP_TIMEOUT } from "./helpers.mjs";
import { generate } from "../bench/gen-articles.mjs";
import { keptBuild, keptDir } from "./kept.mjs";

const SIZE = 150_000;

let browser;
let dist;
let server;

before(async () => {
  dist =
    process.env.LONG_DIST ??
    keptBuild("long", `1x${SIZE}`, () => generate({ out: join(keptDir("long"), "generated"), size: SIZE, count: 1 }));
  server = await serve({ root: dist });
  browser = await launch();
});
after(async () => {
  await server?.close();
  await browser?.close();
});

const wait = { timeout: APP_TIMEOUT };

/** Each chunk's text, and how many were written plain, as the page was built (`file` of dist/). */
async function built(page, file) {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const chunks = [...doc.querySelectorAll("article.body .chunk")];
    return {
      chunks: chunks.map((c) => c.textContent),
      plain: chunks.filter((c) => c.hasAttribute("data-plain")).map((c) => c.querySelectorAll("mark").length),
      marked: chunks.filter((c) => !c.hasAttribute("data-plain")).map((c) => c.querySelectorAll("mark").length),
    };
  }, readFileSync(join(dist, file), "utf8"));
}

/** index.html without its build-time render: the app renders the whole article at once. */
function withoutRender() {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const open = '<div id="app">';
  const start = html.indexOf(open) + open.length;
  const end = html.lastIndexOf("</div>", html.indexOf("</body>"));
  assert.ok(start > open.length && end > start, "index.html has its mount point");
  return html.slice(0, start) + html.slice(end);
}

/** The marks' texts of the article rendered at once, from scratch. */
async function freshMarks() {
  const { context, page } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) });
  try {
    await page.route(`${server.origin}/fresh.html`, (route) => route.fulfill({ contentType: "text/html", body: withoutRender() }));
    await page.goto(`${server.origin}/fresh.html`);
    await waitReady(page);
    return await page.evaluate(() => [...document.querySelectorAll("article.body mark")].map((m) => m.textContent));
  } finally {
    await context.close();
  }
}

/** The same, live, once every chunk has been rendered. */
async function live(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("article.body .chunk")].every((c) => c.firstChild), null, wait);
  return page.evaluate(() => ({
    chunks: [...document.querySelectorAll("article.body .chunk")].map((c) => c.textContent),
    marks: [...document.querySelectorAll("article.body mark")].map((m) => m.textContent),
  }));
}

/** Records how many chunks were still empty when the app went live. */
const RECORD = () => {
  new MutationObserver((_, o) => {
    if (document.documentElement.dataset.app === "ready") {
      window.__emptyAtLive = [...document.querySelectorAll("article.body .chunk")].filter((c) => !c.firstChild).length;
      o.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app"] });
};

async function open(url) {
  const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.origin) || u.startsWith("file:") });
  await page.addInitScript(RECORD);
  await page.goto(url);
  await waitReady(page);
  return { context, page, guard };
}

describe("a long article", () => {
  for (const [where, file, url] of [
    ["served", "index.html", () => server.url],
    ["dossier.html on disk", "dossier.html", () => pathToFileURL(join(dist, "dossier.html")).href],
  ]) {
    it(`${where}: goes live before its far chunks exist, then shows them all as built, with every mark`, async () => {
      const marks = await freshMarks();
      const { context, page, guard } = await open(url());
      try {
        const empty = await page.evaluate(() => window.__emptyAtLive);
        const want = await built(page, file);
        assert.ok(want.chunks.length > 10, `a long article (${want.chunks.length} chunks)`);
        // the build wrote the opening with its marks and the rest as plain text
        assert.ok(want.marked.length > 0 && want.marked[0] > 0, `marks in the opening: ${want.marked}`);
        assert.ok(want.plain.length > 0 && want.plain.every((n) => n === 0), `plain chunks: ${want.plain.length}`);
        assert.ok(empty >= want.plain.length && empty < want.chunks.length, `chunks to come when the app went live: ${empty}`);
        const got = await live(page);
        assert.equal(got.chunks.length, want.chunks.length);
        got.chunks.forEach((t, k) => assert.equal(t, want.chunks[k], `chunk ${k}`));
        assert.ok(marks.length > 100, `marks of the whole article: ${marks.length}`);
        assert.deepEqual(got.marks, marks);
        // A name far down the text opens its card.
        const far = page.locator("article.body .chunk mark").last();
        await far.scrollIntoViewIfNeeded();
        await far.click();
        await page.locator(".card").waitFor(wait);
        await assertClean(page, guard, `long article (${where})`);
      } finally {
        await context.close();
      }
    });
  }

  it("a link to an event far down the text shows its sentence at once", async () => {
    const { context, page, guard } = await open(server.url);
    try {
      const slug = await page.locator("[data-testid=reader]").getAttribute("data-slug");
      const events = await page.locator(".events li[data-index]").evaluateAll((rows) => rows.map((r) => r.dataset.index));
      assert.ok(events.length > 5, "events are listed");
      let far = 0;
      for (const i of events.slice(-4)) {
        await page.goto(`${server.url}#/a/${slug}/t/${i}`);
        await page.reload();
        await waitReady(page);
        await page.locator("article.body .sent").first().waitFor(wait);
        // in view, and still there 45 frames later (the chunks laid out
        // around it once moved it off screen)
        await page.waitForFunction(() => {
          const r = document.querySelector("article.body .sent")?.getBoundingClientRect();
          window.__inView = r && r.top >= 0 && r.bottom <= innerHeight ? (window.__inView ?? 0) + 1 : 0;
          return window.__inView >= 45;
        }, null, { ...wait, polling: "raf" });
        const chunk = await page.evaluate(() => [...document.querySelectorAll("article.body .chunk")].indexOf(document.querySelector("article.body .sent").closest(".chunk")));
        if (chunk >= 5) far++;
      }
      assert.ok(far > 0, "one of the events is far down the text");
      await assertClean(page, guard, "long article, a linked event");
    } finally {
      await context.close();
    }
  });

  for (const [way, screens] of [["down", 4], ["up", -4]]) {
    it(`a reader who scrolls ${way} from a place just linked to stays where they went`, async () => {
      const { context, page, guard } = await open(server.url);
      try {
        const slug = await page.locator("[data-testid=reader]").getAttribute("data-slug");
        const last = await page.locator(".events li[data-index]").last().getAttribute("data-index");
        // The reader scrolls four screens with the wheel in the first frame
        // after the jump has shown the linked sentence, while the jump is
        // still watched (src/components/reader.rs, settle). Down, only the
        // watch could bring the sentence back; up, the text laid out on
        // the way could too, if the chunks not laid out yet were counted
        // much taller than they are (src/later.rs, guess_sizes).
        await page.addInitScript((screens) => {
          // the page opens at the top, not where the reload left it, so the
          // sentence comes into view by the app's jump alone
          history.scrollRestoration = "manual";
          const away = () => {
            const r = document.querySelector("article.body .sent")?.getBoundingClientRect();
            const jumped = scrollY > innerHeight && r && r.top >= 0 && r.bottom <= innerHeight;
            if (document.documentElement.dataset.app === "ready" && jumped) {
              scrollBy(0, screens * innerHeight);
              window.dispatchEvent(new WheelEvent("wheel", { deltaY: screens * innerHeight }));
              window.__frames = 0;
              return;
            }
            requestAnimationFrame(away);
          };
          requestAnimationFrame(away);
        }, screens);
        await page.goto(`${server.url}#/a/${slug}/t/${last}`);
        await page.reload();
        await waitReady(page);
        // 90 frames after (the watch lasts 60 at most) the text is where the
        // reader took it, the linked sentence off screen
        await page.waitForFunction(() => window.__frames !== undefined && ++window.__frames >= 90, null, { ...wait, polling: "raf" });
        const r = await page.locator("article.body .sent").first().evaluate((el) => {
          const b = el.getBoundingClientRect();
          return { top: b.top, bottom: b.bottom, screen: innerHeight };
        });
        assert.ok(r.top > r.screen || r.bottom < 0, `the linked sentence stays off screen: ${JSON.stringify(r)}`);
        await assertClean(page, guard, `long article, scrolled ${way} from a link`);
      } finally {
        await context.close();
      }
    });
  }
});
