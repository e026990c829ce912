// End-to-end tests of the reading view on the seed article (release dist/):
// highlights and their counts, type toggles, the entity card, entity focus and
// the filtered timeline, events and deep links, find, keys, a phone-sized
// viewport, dark mode and print. Screenshots of the main states go to
// e2e/artifacts/reader-*.png.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { DIST, ARTIFACTS, launch, openGuarded, assertClean, fileExists, APP_TIMEOUT, waitReady } from "./helpers.mjs";

assert.ok(fileExists(join(DIST, "index.html")), `${DIST}/index.html missing: run 'make dist' first`);

const SLUG = "russia-refused-to-extradite-assad";
const PERSON = "bashar-al-assad";
const MARK = "mark[data-entity]";

let browser;
let server;
const allow = (url) => url.startsWith(server.origin + "/");

before(async () => {
  browser = await launch();
  server = await serve({ root: DIST });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the reading view at `hash` (after `#/a/<slug>`) and waits for the highlights. */
async function open(opts = {}, hash = "") {
  const g = await openGuarded(browser, { allow, ...opts });
  await g.page.goto(`${server.url}#/a/${SLUG}${hash}`);
  await waitReady(g.page);
  await g.page.waitForSelector(`[data-testid=reader][data-slug="${SLUG}"] ${MARK}`, { timeout: APP_TIMEOUT });
  return g;
}

/** Waits until smooth scrolling (of the page and the panels) has come to rest. */
async function settle(page) {
  await page.waitForFunction(
    () =>
      new Promise((done) => {
        const pos = () => [scrollY, ...[...document.querySelectorAll("aside")].map((a) => a.scrollTop)].join();
        const at = pos();
        setTimeout(() => done(pos() === at), 250);
      }),
    null,
    { timeout: 5000 },
  );
}

const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `reader-${name}.png`) });
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
/** Waits for the URL's hash (the app writes a new history entry after the frame that shows the change). */
const untilHash = (page, want) =>
  page
    .waitForFunction((h) => decodeURIComponent(location.hash) === h, want, { timeout: 5000 })
    .catch(async () => assert.equal(await hash(page), want));
const articleText = (page) => page.locator("article").first().textContent();
const counts = (page) =>
  page.evaluate((sel) => {
    const c = {};
    for (const m of document.querySelectorAll(sel)) c[m.dataset.type] = (c[m.dataset.type] ?? 0) + 1;
    return c;
  }, MARK);

describe("reading view of the seed article", () => {
  it("highlights mentions per type and counts them in the legend", async () => {
    const { context, page, guard } = await open();
    try {
      const byType = await counts(page);
      const legend = await page.$$eval('[role=group][aria-label=Highlights] button[data-type]', (bs) =>
        bs.map((b) => ({ type: b.dataset.type, count: Number(b.dataset.count), pressed: b.getAttribute("aria-pressed") })),
      );
      assert.ok(legend.length >= 3, `a legend button per type: ${JSON.stringify(legend)}`);
      for (const t of ["person", "organization", "place"]) assert.ok(byType[t] > 0, `marks of type ${t}: ${JSON.stringify(byType)}`);
      assert.deepEqual(
        Object.fromEntries(legend.map((l) => [l.type, l.count])),
        byType,
        "each legend count equals the marks of its type, and every type with marks has a button",
      );
      for (const l of legend) assert.equal(l.pressed, "true", `${l.type} on by default`);

      // Each mark is exactly a mention: trimmed text, the entity's type, and
      // the panel's entity with its mention count.
      const marks = await page.$$eval(MARK, (ms) => ms.map((m) => ({ id: m.dataset.entity, type: m.dataset.type, text: m.textContent })));
      const panel = await page.$$eval("aside[aria-label=Entities] button.entity[data-entity]", (bs) =>
        bs.map((b) => ({ id: b.dataset.entity, type: b.closest("section.group[data-type]")?.dataset.type, text: b.textContent })),
      );
      for (const m of marks) {
        assert.ok(m.text.length > 0 && m.text === m.text.trim(), `mark text is a trimmed mention: ${JSON.stringify(m)}`);
        const p = panel.find((e) => e.id === m.id);
        assert.ok(p, `entity ${m.id} is listed in the panel`);
        assert.equal(p.type, m.type, `entity ${m.id} has one type`);
      }
      for (const p of panel) {
        const own = marks.filter((m) => m.id === p.id);
        assert.ok(own.length > 0, `panel entity ${p.id} has marks`);
        assert.ok(p.text.includes(String(own.length)), `panel shows ${own.length} mentions for ${p.id}: ${p.text}`);
      }
      const assad = marks.filter((m) => m.id === PERSON);
      assert.ok(assad.length >= 3, `several mentions of ${PERSON}`);
      for (const m of assad) assert.match(m.text, /^(President )?(Bashar al-)?Assad$/, `${PERSON} mark reads a form of the name`);
      assert.ok(assad.some((m) => m.text === "Bashar al-Assad"), "the full name is marked");
      await assertClean(page, guard, "highlights");
    } finally {
      await context.close();
    }
  });

  it("toggles a type off and on, keeping the text and surviving a reload", async () => {
    const { context, page, guard } = await open();
    try {
      const before = await articleText(page);
      const n = (await counts(page)).person;
      assert.ok(n > 0);
      const button = page.locator('[role=group][aria-label=Highlights] button[data-type="person"]');
      await button.click();
      await page.waitForFunction(() => !document.querySelector('mark[data-type="person"]'));
      assert.equal(await button.getAttribute("aria-pressed"), "false");
      assert.ok((await counts(page)).place > 0, "other types stay");
      assert.equal(await articleText(page), before, "the article text is unchanged with the type off");
      const stored = await page.evaluate(() => localStorage.getItem("dossier.hidden-types"));
      assert.ok((stored ?? "").split(",").includes("person"), `stored hidden types: ${stored}`);

      await page.reload();
      await waitReady(page);
      await page.waitForSelector(MARK, { timeout: APP_TIMEOUT });
      assert.equal((await counts(page)).person, undefined, "still off after reload");
      assert.equal(await button.getAttribute("aria-pressed"), "false");

      await button.click();
      await page.waitForFunction(() => document.querySelector('mark[data-type="person"]'));
      assert.equal((await counts(page)).person, n, "all person marks back");
      assert.equal(await button.getAttribute("aria-pressed"), "true");
      assert.equal(await articleText(page), before);
      await assertClean(page, guard, "toggles");
    } finally {
      await context.close();
    }
  });

  it("opens the card on hover and steps to the next mention", async () => {
    const { context, page, guard } = await open();
    try {
      const n = await page.locator(`mark[data-entity="${PERSON}"]`).count();
      await page.locator(`mark[data-entity="${PERSON}"]`).first().hover();
      const card = page.locator("[data-testid=entity-card]");
      await card.waitFor({ timeout: 5000 });
      assert.equal(await card.getAttribute("data-entity"), PERSON);
      assert.equal(await card.getAttribute("data-type"), "person");
      assert.match(await card.locator("#card-name").textContent(), /Bashar al-Assad/);
      assert.equal(await card.locator("[data-testid=card-position]").textContent(), `1 / ${n}`);
      assert.match(await card.locator("[data-testid=card-mentions]").textContent(), new RegExp(`^${n} mentions`));
      await shot(page, "card");
      await card.getByRole("button", { name: "Next mention" }).click();
      await page.waitForFunction(
        () => document.querySelector("[data-testid=card-position]")?.textContent.startsWith("2 /"),
        null,
        { timeout: 5000 },
      );
      assert.equal(await card.locator("[data-testid=card-position]").textContent(), `2 / ${n}`);
      const focused = await page.evaluate(
        (id) => {
          const ms = [...document.querySelectorAll(`mark[data-entity="${id}"]`)];
          return { index: ms.indexOf(document.activeElement), active: ms.findIndex((m) => m.classList.contains("active")) };
        },
        PERSON,
      );
      assert.deepEqual(focused, { index: 1, active: 1 }, "the second mention has focus and is the card's");
      await assertClean(page, guard, "card");
    } finally {
      await context.close();
    }
  });

  it("focuses an entity from the panel and filters the timeline", async () => {
    const { context, page, guard } = await open();
    try {
      const total = await page.locator("#timeline-list li[data-index]").count();
      await page.locator(`aside[aria-label=Entities] button.entity[data-entity="${PERSON}"]`).click();
      await page.waitForFunction((id) => document.querySelector(`mark[data-entity="${id}"].focus`), PERSON);
      await untilHash(page, `#/a/${SLUG}/e/${PERSON}`);
      // The other marks fade (after the colour transition).
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(`article.body.focusing ${sel}:not(.focus)`)].every((m) => getComputedStyle(m).backgroundColor === "rgba(0, 0, 0, 0)"),
        MARK,
        { timeout: 5000 },
      ).catch(() => {});
      const cls = await page.$$eval(MARK, (ms) =>
        ms.map((m) => [m.dataset.entity, m.classList.contains("focus"), getComputedStyle(m).backgroundColor]),
      );
      const faded = cls.filter(([id]) => id !== PERSON).map(([, , bg]) => bg);
      const lit = cls.filter(([id]) => id === PERSON).map(([, , bg]) => bg);
      for (const [id, focus] of cls) assert.equal(focus, id === PERSON, `${id}: focus class`);
      assert.ok(await page.locator("article.body.focusing").count(), "the article says an entity is focused");
      assert.ok(faded.length > 0 && faded.every((bg) => bg === "rgba(0, 0, 0, 0)"), `other marks fade: ${faded}`);
      assert.ok(lit.every((bg) => bg !== "rgba(0, 0, 0, 0)"), `the focused entity's marks stay lit: ${lit}`);
      const events = await page.$$eval("#timeline-list li[data-index]", (ls) =>
        ls.map((l) => [...l.querySelectorAll("button.chip[data-entity]")].map((c) => c.dataset.entity)),
      );
      assert.ok(events.length > 0 && events.length < total, `timeline filtered: ${events.length} of ${total}`);
      for (const chips of events) assert.ok(chips.includes(PERSON), `every shown event names ${PERSON}: ${chips}`);
      await shot(page, "focus");

      // The deep link restores the focus after a reload.
      await page.reload();
      await waitReady(page);
      await page.waitForFunction((id) => document.querySelector(`mark[data-entity="${id}"].focus`), PERSON, { timeout: APP_TIMEOUT });
      assert.equal(await page.locator("#timeline-list li[data-index]").count(), events.length);
      assert.ok((await page.locator(`article.body.focusing ${MARK}:not(.focus)`).count()) > 0);
      await assertClean(page, guard, "focus");
    } finally {
      await context.close();
    }
  });

  it("Back undoes a focus and an event selection, Forward redoes them; loading adds no history entry", async () => {
    const g = await openGuarded(browser, { allow });
    const { context, page, guard } = g;
    try {
      // The number of history entries before the app runs.
      await page.addInitScript(() => {
        window.__entries = history.length;
      });
      await page.goto(`${server.url}#/a/${SLUG}`);
      await waitReady(page);
      await page.waitForSelector(`[data-testid=reader][data-slug="${SLUG}"] ${MARK}`, { timeout: APP_TIMEOUT });
      const entries = () => page.evaluate(() => history.length);
      const untilEntries = (n, what) =>
        page.waitForFunction((n) => history.length === n, n, { timeout: 5000 }).catch(async () => assert.equal(await entries(), n, what));
      const start = await entries();
      assert.equal(start, await page.evaluate(() => window.__entries), "hydration and the first render add no history entry");
      const items = page.locator("#timeline-list li[data-index]");
      const total = await items.count();
      const focused = () => page.evaluate((id) => !!document.querySelector(`mark[data-entity="${id}"].focus`), PERSON);
      const selected = () => page.evaluate(() => document.querySelector("aside[aria-label=Timeline] li[aria-current=true]")?.dataset.index ?? null);
      const state = async () => ({ hash: await hash(page), focused: await focused(), selected: await selected(), sentence: (await page.locator(".sent").count()) > 0 });
      const until = (want) =>
        page.waitForFunction(
          ([id, want]) =>
            !!document.querySelector(`mark[data-entity="${id}"].focus`) === want.focused &&
            (document.querySelector("aside[aria-label=Timeline] li[aria-current=true]")?.dataset.index ?? null) === want.selected,
          [PERSON, want],
          { timeout: 5000 },
        );

      // Focus an entity: a new entry.
      await page.locator(`aside[aria-label=Entities] button.entity[data-entity="${PERSON}"]`).click();
      await until({ focused: true, selected: null });
      await untilHash(page, `#/a/${SLUG}/e/${PERSON}`);
      await untilEntries(start + 1, "the focus is a history entry");
      const filtered = await items.count();
      assert.ok(filtered < total, `the timeline is filtered: ${filtered} of ${total}`);

      // Select one of its events: another entry (the hash names the entity only).
      const index = await items.first().getAttribute("data-index");
      await items.first().locator("button.ev").click();
      await until({ focused: true, selected: index });
      const both = await state();
      assert.deepEqual(both, { hash: `#/a/${SLUG}/e/${PERSON}`, focused: true, selected: index, sentence: true });
      await untilEntries(start + 2, "the selection is a history entry");

      // Back: the selection is undone, the focus stays.
      await page.goBack();
      await until({ focused: true, selected: null });
      assert.deepEqual(await state(), { hash: `#/a/${SLUG}/e/${PERSON}`, focused: true, selected: null, sentence: false });
      assert.equal(await items.count(), filtered);

      // Back again: the focus is undone, the whole timeline is back.
      await page.goBack();
      await until({ focused: false, selected: null });
      assert.deepEqual(await state(), { hash: `#/a/${SLUG}`, focused: false, selected: null, sentence: false });
      assert.equal(await items.count(), total);

      // Forward twice: the focus, then the selection with it.
      await page.goForward();
      await until({ focused: true, selected: null });
      await page.goForward();
      await until({ focused: true, selected: index });
      assert.deepEqual(await state(), both);
      // Following the URL added no entry.
      assert.equal(await entries(), start + 2);
      await assertClean(page, guard, "history");
    } finally {
      await context.close();
    }
  });

  it("a place the browser goes to while the reader's last move is still being written stays", async () => {
    const { context, page, guard } = await open();
    try {
      const went = await page.evaluate(
        async ([id, slug]) => {
          const microtasks = async () => {
            for (let i = 0; i < 10; i++) await new Promise((r) => queueMicrotask(r));
          };
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const target = `#/a/${slug}`;
          // The reader focuses a person: the app writes its history entry
          // after the next frame.
          document.querySelector(`aside[aria-label=Entities] button.entity[data-entity="${id}"]`).click();
          await microtasks();
          // The browser's report of the navigation below comes late, after
          // the app's write (as a busy page may take it).
          const late = new Promise((done) =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                window.dispatchEvent(
                  new HashChangeEvent("hashchange", { oldURL: location.href, newURL: location.href.split("#")[0] + target }),
                );
                done();
              }, 0),
            ),
          );
          // Before that frame, the reader is taken back to the article as
          // it was (a link, an edited URL).
          location.hash = target;
          await microtasks();
          await late;
          for (let i = 0; i < 3; i++) await frame();
          return {
            hash: decodeURIComponent(location.hash),
            focused: !!document.querySelector(`mark[data-entity="${id}"].focus`),
          };
        },
        [PERSON, SLUG],
      );
      assert.deepEqual(went, { hash: `#/a/${SLUG}`, focused: false });
      await assertClean(page, guard, "a late hashchange");
    } finally {
      await context.close();
    }
  });

  it("selects an event: scrolls to its sentence, j/k step, the deep link reloads", async () => {
    const { context, page, guard } = await open();
    try {
      const items = page.locator("#timeline-list li[data-index]");
      const n = await items.count();
      assert.ok(n >= 3, `at least three events, got ${n}`);
      // An event late in the list, whose sentence is below the first screen.
      const pick = n - 2;
      const index = await items.nth(pick).getAttribute("data-index");
      await items.nth(pick).locator("button.ev").click();
      await page.waitForFunction(() => document.querySelector(".sent"));
      await untilHash(page, `#/a/${SLUG}/t/${index}`);
      assert.equal(await items.nth(pick).getAttribute("aria-current"), "true");
      const inView = () =>
        page.waitForFunction(
          () =>
            [...document.querySelectorAll(".sent")].some((s) => {
              const r = s.getBoundingClientRect();
              return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
            }),
          null,
          { timeout: 5000 },
        );
      await inView();
      await settle(page);
      await inView();
      assert.ok(await page.evaluate(() => scrollY > 0), "the page scrolled to the sentence");
      const shown = await page
        .waitForFunction(
          () => {
            const aside = document.querySelector("aside[aria-label=Timeline]").getBoundingClientRect();
            const li = document.querySelector("aside[aria-label=Timeline] li[aria-current=true]")?.getBoundingClientRect();
            return li && li.top >= aside.top - 1 && li.top < Math.min(aside.bottom, innerHeight);
          },
          null,
          { timeout: 5000 },
        )
        .then(() => true)
        .catch(async () =>
          page.evaluate(() => {
            const aside = document.querySelector("aside[aria-label=Timeline]");
            const li = aside.querySelector("li[aria-current=true]")?.getBoundingClientRect();
            const a = aside.getBoundingClientRect();
            return JSON.stringify({ aside: [a.top, a.bottom, aside.scrollTop], li: li && [li.top, li.bottom], scrollY });
          }),
        );
      assert.equal(shown, true, `the selected event is in view in the timeline: ${shown}`);
      await shot(page, "event");

      await page.locator("body").press("j");
      const next = await items.nth(pick + 1).getAttribute("data-index");
      await page.waitForFunction((h) => decodeURIComponent(location.hash) === h, `#/a/${SLUG}/t/${next}`);
      assert.equal(await items.nth(pick + 1).getAttribute("aria-current"), "true");
      await page.keyboard.press("k");
      await page.keyboard.press("k");
      const prev = await items.nth(pick - 1).getAttribute("data-index");
      await page.waitForFunction((h) => decodeURIComponent(location.hash) === h, `#/a/${SLUG}/t/${prev}`);
      assert.equal(await items.nth(pick - 1).getAttribute("aria-current"), "true");

      await page.reload();
      await waitReady(page);
      await page.waitForSelector(".sent", { timeout: APP_TIMEOUT });
      assert.equal(await items.nth(pick - 1).getAttribute("aria-current"), "true", "selection restored");
      await inView();
      await assertClean(page, guard, "event");
    } finally {
      await context.close();
    }
  });

  it("finds a word with / and steps through the hits", async () => {
    const { context, page, guard } = await open();
    try {
      const word = "Syria";
      const expected = await page.evaluate(
        (w) => (document.querySelector("article").textContent.match(new RegExp(w, "gi")) ?? []).length,
        word,
      );
      assert.ok(expected >= 2);
      await page.locator("body").press("/");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "find");
      await page.keyboard.type(word);
      const count = page.locator("[data-testid=find-count]");
      assert.equal(await page.locator("#find").inputValue(), word);
      // The count follows the typing: wait for the one of the whole word.
      await page
        .waitForFunction(
          (max) => {
            const m = (document.querySelector("[data-testid=find-count]")?.textContent ?? "").match(/^1 of (\d+)$/);
            return m && Number(m[1]) <= max;
          },
          expected,
          { timeout: 5000 },
        )
        .catch(() => {});
      const total = Number((await count.textContent()).split(" of ")[1]);
      const hits = await page.$$eval("span.hit[data-hit]", (hs) => new Set(hs.map((h) => h.dataset.hit)).size);
      assert.ok(total >= 2 && total <= expected, `hits ${total} (the text has ${expected} occurrences)`);
      assert.equal(hits, total, "one span.hit per counted match");
      const current = await page.$$eval("span.hit.current", (hs) => hs.map((h) => h.dataset.hit));
      assert.ok(current.length > 0 && current.every((k) => k === current[0]));
      await shot(page, "find");
      await page.keyboard.press("Enter");
      await page.waitForFunction((t) => document.querySelector("[data-testid=find-count]")?.textContent === `2 of ${t}`, total);
      const current2 = await page.$eval("span.hit.current", (h) => h.dataset.hit);
      assert.notEqual(current2, current[0], "the current hit moved");
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.querySelector("span.hit"));
      assert.equal(await page.locator("#find").inputValue(), "");
      await assertClean(page, guard, "find");
    } finally {
      await context.close();
    }
  });

  it("? opens the keys, Esc closes them; n and p step through mentions", async () => {
    const { context, page, guard } = await open();
    try {
      const help = page.locator("[data-testid=help]");
      assert.equal(await help.isVisible(), false);
      await page.locator("body").press("?");
      await help.waitFor({ state: "visible", timeout: 5000 });
      await page.keyboard.press("Escape");
      await help.waitFor({ state: "hidden", timeout: 5000 });

      const activeIndex = () =>
        page.evaluate(() => [...document.querySelectorAll("mark[data-entity]")].findIndex((m) => m.classList.contains("active")));
      assert.equal(await activeIndex(), -1);
      await page.keyboard.press("n");
      await page.waitForSelector("[data-testid=entity-card]", { timeout: 5000 });
      const first = await activeIndex();
      assert.ok(first >= 0, "n opens the card on a mention");
      await page.keyboard.press("n");
      await page.waitForFunction((f) => {
        const i = [...document.querySelectorAll("mark[data-entity]")].findIndex((m) => m.classList.contains("active"));
        return i > f;
      }, first);
      const second = await activeIndex();
      assert.equal(second, first + 1, "n moves to the next mention in reading order");
      await page.keyboard.press("p");
      await page.waitForFunction((f) => document.querySelectorAll("mark[data-entity]")[f]?.classList.contains("active"), first);
      await assertClean(page, guard, "keys");
    } finally {
      await context.close();
    }
  });

  it("fits a 360 px phone, with the timeline as a strip below the text", async (t) => {
    const { context, page, guard } = await open({ viewport: { width: 360, height: 740 } });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
      const toggle = page.locator("aside[aria-label=Timeline] .drawer-toggle");
      assert.ok(await toggle.isVisible(), "the timeline has a drawer toggle");
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      assert.equal(await page.locator("#timeline-list li[data-index]").first().isVisible(), false, "closed strip");
      const tl = await page.locator("aside[aria-label=Timeline]").boundingBox();
      assert.ok(tl && tl.height <= 64, `the closed strip is compact (${tl?.height} px)`);
      assert.ok(tl.y + tl.height <= 740 + 1 && tl.y >= 740 - 64, `the strip sits at the bottom of the screen: ${JSON.stringify(tl)}`);
      // The strip leaves the text above it, and none is out of reach: at the
      // end of the page the last block ends above the strip.
      const first = await page.locator("article [data-part='1']").first().boundingBox();
      assert.ok(first.y + 40 <= tl.y, "the first paragraph starts on screen above the strip");
      if (first.y + first.height > tl.y) {
        // Sticky at the bottom, the strip lies over the last visible line until the reader scrolls.
        t.diagnostic(`closed strip ${Math.round(tl.height)} px over the lowest ${Math.round(first.y + first.height - tl.y)} px of the first paragraph`);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const end = await page.evaluate(() => {
        const blocks = [...document.querySelectorAll("article [data-part]")];
        const last = blocks[blocks.length - 1].getBoundingClientRect();
        const strip = document.querySelector("aside[aria-label=Timeline]").getBoundingClientRect();
        return { last: last.bottom, strip: strip.top };
      });
      assert.ok(end.last <= end.strip, `the last block ends above the strip: ${JSON.stringify(end)}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "phone");
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      await page.locator("#timeline-list li[data-index]").first().waitFor({ state: "visible", timeout: 5000 });
      await shot(page, "phone-drawer");
      const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow2 <= 0, `no horizontal overflow with the drawer open (${overflow2} px)`);
      await assertClean(page, guard, "phone");
    } finally {
      await context.close();
    }
  });

  it("follows a dark colour scheme", async () => {
    const { context, page, guard } = await open({ colorScheme: "dark" });
    try {
      const lum = (rgb) => {
        const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const colours = await page.evaluate(() => {
        const bg = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
          }
          return "rgb(255, 255, 255)";
        };
        const p = document.querySelector("article [data-part='1']");
        return { bg: bg(p), fg: getComputedStyle(p).color };
      });
      assert.ok(lum(colours.bg) < 80, `dark background: ${colours.bg}`);
      assert.ok(lum(colours.fg) > 150, `light text: ${colours.fg}`);
      await shot(page, "dark");
      await assertClean(page, guard, "dark");
    } finally {
      await context.close();
    }
  });

  it("prints marks as underlines and the timeline after the article", async () => {
    const { context, page, guard } = await open();
    try {
      await page.emulateMedia({ media: "print" });
      // Colours change with a transition on screen: read them once it ends.
      await page.waitForFunction(() => document.getAnimations().length === 0, null, { timeout: 5000 });
      const marks = await page.$$eval(MARK, (ms) =>
        ms.map((m) => {
          const s = getComputedStyle(m);
          return { bg: s.backgroundColor, line: s.textDecorationLine, border: s.borderBottomStyle };
        }),
      );
      assert.ok(marks.length > 0);
      for (const m of marks) {
        assert.ok(m.bg === "rgba(0, 0, 0, 0)" || m.bg === "transparent", `no background in print: ${m.bg}`);
        assert.ok(m.line.includes("underline") || m.border !== "none", `underlined in print: ${JSON.stringify(m)}`);
      }
      const layout = await page.evaluate(() => {
        const art = document.querySelector("article");
        const tl = document.querySelector("aside[aria-label=Timeline]");
        const items = [...(tl?.querySelectorAll("#timeline-list li[data-index]") ?? [])];
        return {
          after: !!(tl && art.compareDocumentPosition(tl) & Node.DOCUMENT_POSITION_FOLLOWING),
          below: tl ? tl.getBoundingClientRect().top >= art.getBoundingClientRect().bottom - 1 : false,
          shown: items.filter((li) => li.getBoundingClientRect().height > 0).length,
          total: items.length,
        };
      });
      assert.ok(layout.after && layout.below, `timeline after the article: ${JSON.stringify(layout)}`);
      assert.ok(layout.total > 0 && layout.shown === layout.total, `timeline list printed: ${JSON.stringify(layout)}`);
      await shot(page, "print");
      await page.pdf({ path: join(ARTIFACTS, "reader-print.pdf") }).catch(() => {});
      await assertClean(page, guard, "print");
    } finally {
      await context.close();
    }
  });
});
