// A reader's own articles: added with the file picker and by pasting, read
// and analysed by the importer (a Web Worker), listed beside the set's, kept
// in IndexedDB across reloads, renamed, deleted with undo, exported; bad
// files get a message naming them while the rest of the batch goes on.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { serve } from "./server.mjs";
import { ROOT, DIST, ARTIFACTS, launch, openGuarded, assertClean, waitForApp, APP_TIMEOUT } from "./helpers.mjs";

const PAGES = resolve(ROOT, "..", "shared", "eval", "html-dev");
const SAVED_PAGE = "liberation-1.html";

const note = [
  "# Harbour reopens in Bergen",
  "",
  "Maria Lund, the harbour master, reopened the quay in Bergen on 2 June 2023.",
  "",
  "The Norwegian Coastal Administration said work on the second berth starts next year.",
  "",
].join("\n");

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve({ root: DIST, prefix: "/" });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const library = (page) => page.goto(`${server.url}#/`).then(() => waitForApp(page));
const yoursTitles = (page) => page.$$eval("li.yours-item h2", (hs) => hs.map((h) => h.textContent));
// The management dialog (the reader's articles module), opened from the
// library; one of its items.
async function manage(page) {
  if (!(await page.locator("dialog[data-testid=manage][open]").count())) await page.click("[data-testid=manage]");
  await page.waitForSelector("dialog[data-testid=manage][open] li.manage-item");
}
// The reader's kept articles in the dialog (not those of a page they were sent).
const managedKept = (page) => page.locator("dialog[data-testid=manage] ol.manage-list > li.manage-item:has(input[type=checkbox])");
const managed = (page, title) => page.locator("dialog[data-testid=manage] li.manage-item", { hasText: title });
async function closeManage(page) {
  await page.keyboard.press("Escape");
  await page.waitForSelector("dialog[data-testid=manage]:not([open])", { state: "attached" });
}
async function rename(page, from, to) {
  await manage(page);
  await managed(page, from).getByRole("button", { name: "Rename" }).click();
  const field = page.locator("dialog[data-testid=manage] input[aria-label='New title']");
  await field.fill(to);
  await field.press("Enter");
  await page.waitForFunction((t) => [...document.querySelectorAll("li.yours-item h2")].some((h) => h.textContent === t), to);
}
const outcomes = (page) => page.$$eval("[data-testid=add-outcomes] li", (ls) => ls.map((l) => l.textContent));

async function batchDone(page) {
  await page.waitForFunction(
    () => /^Added \d+ of \d+$/.test(document.querySelector("[data-testid=add-progress]")?.textContent ?? ""),
    null,
    { timeout: APP_TIMEOUT },
  );
}

describe("the reader's own articles", () => {
  it("adds, keeps, renames, deletes, exports; bad files are named", async () => {
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.url) });
    try {
      await page.goto(server.url);
      await waitForApp(page);
      const input = page.locator("[data-testid=add-input]");
      assert.equal(await input.count(), 1, "the reader shows one Add articles control");
      assert.equal(await page.locator("label.add").textContent(), "Add articles");

      await input.setInputFiles([
        { name: SAVED_PAGE, mimeType: "text/html", buffer: readFileSync(join(PAGES, SAVED_PAGE)) },
        { name: "harbour.md", mimeType: "text/markdown", buffer: Buffer.from(note) },
        { name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n") },
        { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
      ]);
      await batchDone(page);
      assert.equal(await page.textContent("[data-testid=add-progress]"), "Added 2 of 4");
      const lines = await outcomes(page);
      assert.equal(lines.length, 4, lines.join("\n"));
      assert.match(lines[0], /^liberation-1\.html: added$/);
      assert.match(lines[1], /^harbour\.md: added$/);
      assert.match(lines[2], /^report\.pdf: .*PDF.*not supported/);
      assert.match(lines[3], /^empty\.txt: .*empty/i);

      // Two added: the library lists them beside the set's article.
      await page.waitForSelector("[data-testid=library] li.yours-item");
      assert.deepEqual(await yoursTitles(page), ["Un troisième Français mort dans le séisme au Népal", "Harbour reopens in Bergen"]);
      assert.ok((await page.$$("li.library-item:not(.yours-item)")).length >= 1, "the set's articles are still listed");

      // An added page reads like the set's: highlights, a dated timeline.
      await page.click("li.yours-item >> text=Un troisième Français");
      await page.waitForSelector("[data-testid=reader][data-slug=liberation-1] article");
      assert.equal(await page.textContent("h1#title"), "Un troisième Français mort dans le séisme au Népal");
      assert.equal(await page.textContent("[data-testid=date]"), "30 Apr 2015");
      assert.ok((await page.$$("mark[data-type=place]")).length > 0, "places are highlighted");
      const body = await page.textContent("article");
      assert.ok(body.includes("Un troisième Français a été tué dans le tremblement de terre"), "the article text is shown");
      assert.ok(!/<script|onclick=/i.test(await page.innerHTML("article")), "no markup of the page reaches the DOM");

      // Kept after a reload, at the same deep link.
      await page.reload();
      await page.waitForSelector("[data-testid=reader][data-slug=liberation-1] h1#title", { timeout: APP_TIMEOUT });
      await library(page);
      await page.waitForSelector("li.yours-item");
      assert.equal((await yoursTitles(page)).length, 2);

      // The same content again is recognised.
      await input.setInputFiles({ name: "copy of harbour.md", mimeType: "text/markdown", buffer: Buffer.from(note) });
      await batchDone(page);
      assert.match((await outcomes(page))[0], /^copy of harbour\.md: already in the library/);
      assert.equal((await yoursTitles(page)).length, 2);

      // Rename, kept after a reload.
      await rename(page, "Harbour reopens", "Bergen quay");

      // Exports: the article as Markdown with front matter, the analysis as JSON.
      const [md] = await Promise.all([
        page.waitForEvent("download"),
        managed(page, "Bergen quay").getByRole("button", { name: "Export .md" }).click(),
      ]);
      assert.equal(md.suggestedFilename(), "harbour.md");
      const mdText = readFileSync(await md.path(), "utf8");
      assert.match(mdText, /^\+\+\+\ntitle = "Bergen quay"/);
      assert.ok(mdText.includes("Maria Lund, the harbour master, reopened the quay in Bergen"));
      const [js] = await Promise.all([
        page.waitForEvent("download"),
        managed(page, "Bergen quay").getByRole("button", { name: "Export JSON" }).click(),
      ]);
      const analysis = JSON.parse(readFileSync(await js.path(), "utf8"));
      assert.ok(analysis.entities.some((e) => e.name === "Bergen"), "the exported analysis names Bergen");

      // Delete, undo, delete. The count of stored articles is written once
      // the change is stored (a reload before may undo a change not yet
      // written, as closing the page would).
      const stored = (n) => page.waitForFunction((n) => localStorage.getItem("dossier.yours") === String(n), n);
      await managed(page, "Un troisième Français").getByRole("button", { name: "Delete" }).click();
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 1);
      await stored(1);
      await page.locator("dialog[data-testid=manage]").getByRole("button", { name: "Undo" }).click();
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2);
      await stored(2);
      await page.reload();
      await waitForApp(page);
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2);
      assert.deepEqual(await yoursTitles(page), ["Un troisième Français mort dans le séisme au Népal", "Bergen quay"]);
      await manage(page);
      await managed(page, "Bergen quay").getByRole("button", { name: "Delete" }).click();
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 1);
      await stored(1);
      await page.reload();
      await waitForApp(page);
      await page.waitForSelector("li.yours-item");
      assert.deepEqual(await yoursTitles(page), ["Un troisième Français mort dans le séisme au Népal"]);

      // Pasted text becomes an article named by its first line.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData("text/plain", "Ferry strike ends\n\nThe ferry workers of Stavanger went back to work on Monday, their union said.");
        document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await page.waitForSelector("[data-testid=reader] h1#title >> text=Ferry strike ends", { timeout: APP_TIMEOUT });

      // One backup file of everything, read back by "Add articles" after
      // the articles are gone: the same articles, the reader's titles kept.
      await library(page);
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2);
      await rename(page, "Ferry strike ends", "Ferry strike over");
      const before = await yoursTitles(page);
      // The reader's corrections to the set's pages go into the backup too.
      const corrections = "rename\tsome-key\tA “new” name\nhide\tother-key\n";
      await page.evaluate((c) => localStorage.setItem("dossier.corrections", c), corrections);
      const [backup] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=backup]")]);
      assert.equal(backup.suggestedFilename(), "dossier-backup.json");
      const backupPath = await backup.path();
      for (const title of before) {
        await managed(page, title).getByRole("button", { name: "Delete" }).click();
      }
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 0);
      await closeManage(page);
      await page.evaluate(() => localStorage.setItem("dossier.corrections", "hide\tother-key\n"));
      await input.setInputFiles({ name: "dossier-backup.json", mimeType: "application/json", buffer: readFileSync(backupPath) });
      await batchDone(page);
      assert.deepEqual(await outcomes(page), [
        "dossier-backup.json: a backup of 2 articles",
        "liberation-1.html: added",
        "Pasted text: added",
      ]);
      assert.equal(await page.textContent("[data-testid=add-progress]"), "Added 2 of 2");
      assert.equal(
        await page.evaluate(() => localStorage.getItem("dossier.corrections")),
        "hide\tother-key\nrename\tsome-key\tA “new” name\n",
        "the backup's corrections joined those kept, without repeats",
      );
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2);
      assert.deepEqual(await yoursTitles(page), before);
      await page.reload();
      await waitForApp(page);
      await page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2);
      assert.deepEqual(await yoursTitles(page), before);

      // One self-contained page of them, opened from disk elsewhere: the
      // same articles, readable with their highlights, with no request.
      await manage(page);
      assert.equal(await page.textContent("[data-testid=share-page]"), "Save all as one page");
      const [shared] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=share-page]")]);
      assert.equal(shared.suggestedFilename(), "dossier-articles.html");
      const sharedPath = join(ARTIFACTS, "dossier-articles.html");
      copyFileSync(await shared.path(), sharedPath);
      const other = await openGuarded(browser, { allow: (u) => u === pathToFileURL(sharedPath).href });
      try {
        await other.page.goto(pathToFileURL(sharedPath).href);
        await waitForApp(other.page);
        await other.page.waitForFunction(() => document.querySelectorAll("li.yours-item").length === 2, null, { timeout: APP_TIMEOUT });
        assert.deepEqual(await yoursTitles(other.page), before);
        await other.page.click("li.yours-item >> text=Un troisième Français");
        await other.page.waitForSelector("[data-testid=reader][data-slug=liberation-1] mark[data-type=place]");

        // The receiver keeps them on their device: analysed again from their
        // text, then listed once, as theirs, after a reload too.
        await other.page.evaluate(() => (location.hash = "#/"));
        await other.page.click("button[data-testid=manage]");
        const received = other.page.locator("dialog[data-testid=manage] [data-testid=received]");
        await received.locator("li.manage-item").first().waitFor({ timeout: APP_TIMEOUT });
        assert.deepEqual((await received.locator("li.manage-item h3").allTextContents()).sort(), [...before].sort());
        await received.getByRole("button", { name: "Keep all 2 on this device" }).click();
        await batchDone(other.page);
        const kept = await outcomes(other.page);
        assert.equal(kept.length, 2);
        assert.ok(kept.every((o) => /\.md: added$/.test(o)), kept.join("; "));
        await received.waitFor({ state: "detached" });
        assert.equal(await managedKept(other.page).count(), 2);
        await closeManage(other.page);
        assert.deepEqual((await yoursTitles(other.page)).sort(), [...before].sort());
        await other.page.reload();
        await waitForApp(other.page);
        await other.page.waitForFunction(() => localStorage.getItem("dossier.yours") === "2");
        await other.page.click("button[data-testid=manage]");
        await other.page.waitForFunction(
          () => document.querySelectorAll("dialog[data-testid=manage] li.manage-item .yours-meta").length === 2,
          null,
          { timeout: APP_TIMEOUT },
        );
        assert.equal(await received.count(), 0, "kept articles are not offered again");
        await closeManage(other.page);
        assert.deepEqual((await yoursTitles(other.page)).sort(), [...before].sort(), "each listed once");
        assert.deepEqual(other.guard.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), []);
        await assertClean(other.page, other.guard, "the shared page from disk");
      } finally {
        await other.context.close();
      }

      // A page of one article holds only that one.
      const [one] = await Promise.all([
        page.waitForEvent("download"),
        managed(page, "Ferry strike over").getByRole("button", { name: "Save as page" }).click(),
      ]);
      assert.match(one.suggestedFilename(), /^ferry-strike-ends.*\.html$/);
      const onePage = readFileSync(await one.path(), "utf8");
      assert.equal(onePage.match(/type="application\/x-dossier-added"/g)?.length, 1);
      assert.ok(onePage.includes('data-title="Ferry strike over"'));

      // The chosen ones as one page.
      await managed(page, "Ferry strike over").getByRole("checkbox").check();
      assert.equal(await page.textContent("[data-testid=share-page]"), "Save the 1 chosen as one page");
      const [chosen] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=share-page]")]);
      assert.equal(chosen.suggestedFilename(), "dossier-articles.html");
      const chosenPage = readFileSync(await chosen.path(), "utf8");
      assert.equal(chosenPage.match(/type="application\/x-dossier-added"/g)?.length, 1);
      assert.ok(chosenPage.includes('data-title="Ferry strike over"'));

      await assertClean(page, guard, "adding articles");
      const foreign = guard.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
      assert.deepEqual(foreign, [], "adding never fetches anything but the page's own files");
    } finally {
      await context.close();
    }
  });

  for (const [what, init] of [
    ["no storage (IndexedDB unavailable)", () => Object.defineProperty(window, "indexedDB", { get: () => undefined })],
    [
      "a full storage quota",
      () => {
        IDBObjectStore.prototype.put = function () {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      },
    ],
  ]) {
    it(`with ${what}, adds for this visit and says they will not be kept`, async () => {
      const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.url) });
      try {
        await context.addInitScript(init);
        await page.goto(server.url);
        await waitForApp(page);
        await page.locator("[data-testid=add-input]").setInputFiles({ name: "harbour.md", mimeType: "text/markdown", buffer: Buffer.from(note) });
        await page.waitForSelector("[data-testid=reader] h1#title >> text=Harbour reopens in Bergen", { timeout: APP_TIMEOUT });
        const notice = await page.textContent("[data-testid=add-session]");
        assert.match(notice, /will not be kept after this visit/);
        assert.match(notice, /back them up/);
        if (what.includes("quota")) assert.match(notice, /storage for this page is full/);
        assert.equal(await page.evaluate(() => localStorage.getItem("dossier.yours")), null, "nothing is counted as stored");
        await assertClean(page, guard, what);
      } finally {
        await context.close();
      }
    });
  }

  it("reads a hostile page as text only: nothing runs, nothing is fetched", async () => {
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.url) });
    try {
      await page.goto(server.url);
      await waitForApp(page);
      const nested = (n) => "<div>".repeat(n) + "deep" + "</div>".repeat(n);
      const tiny = "<span>x</span>".repeat(100000);
      const hostile = `<!doctype html><html><head><title>Council vote</title>
        <meta http-equiv="refresh" content="0; url=https://example.com/">
        <script>window.__ran = "head script";</script>
        <link rel="stylesheet" href="https://example.com/s.css"></head>
        <body onload="window.__ran = 'onload'"><article><h1>Council vote</h1>
        <p>The council of Tromsø voted on Tuesday to build the bridge, said Ingrid Berg. <img src="https://example.com/x.png" onerror="window.__ran = 'onerror'"></p>
        <p>Work starts in <a href="javascript:window.__ran='link'">March</a>; <iframe src="https://example.com/"></iframe> the mayor welcomed it.</p>
        <p>${"Residents said the ferry had been slow and expensive for years. ".repeat(8)}</p>
        </article>${nested(1000)}${tiny}</body></html>`;
      await page.locator("[data-testid=add-input]").setInputFiles([
        { name: "council.html", mimeType: "text/html", buffer: Buffer.from(hostile) },
        { name: "deep.html", mimeType: "text/html", buffer: Buffer.from(`<html><body>${nested(5000)}</body></html>`) },
      ]);
      await page.waitForSelector("[data-testid=reader] h1#title >> text=Council vote", { timeout: APP_TIMEOUT });
      const text = await page.textContent("article");
      assert.ok(text.includes("The council of Tromsø voted on Tuesday to build the bridge"), text.slice(0, 300));
      assert.equal(await page.evaluate(() => window.__ran), undefined, "no script of the page ran");
      await batchDone(page);
      assert.match((await outcomes(page))[1], /^deep\.html: elements nested more than 4096 deep/);
      assert.equal(await page.$$eval("article script, article img, article iframe, article a[href^='javascript']", (e) => e.length), 0);
      await assertClean(page, guard, "a hostile page");
    } finally {
      await context.close();
    }
  });

  it("adds from dossier.html opened from disk, on the page's own thread, with no request", async () => {
    const single = pathToFileURL(join(DIST, "dossier.html")).href;
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u === single });
    try {
      await page.goto(single);
      await waitForApp(page);
      await page.locator("[data-testid=add-input]").setInputFiles([
        { name: SAVED_PAGE, mimeType: "text/html", buffer: readFileSync(join(PAGES, SAVED_PAGE)) },
        { name: "harbour.md", mimeType: "text/markdown", buffer: Buffer.from(note) },
        { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") },
      ]);
      await batchDone(page);
      const lines = await outcomes(page);
      assert.deepEqual(lines.slice(0, 2), [`${SAVED_PAGE}: added`, "harbour.md: added"]);
      assert.match(lines[2], /^scan\.pdf: .*PDF/, "a bad file is named, the rest added");
      assert.equal(await page.evaluate(() => !!window.__dossierImporter), true, "the importer held in the page was used");
      await page.goto(`${single}#/a/harbour`);
      await page.waitForSelector("[data-testid=reader][data-slug=harbour] mark[data-type=place]", { timeout: APP_TIMEOUT });
      assert.match(await page.textContent("[data-testid=reader] h1#title"), /Harbour reopens in Bergen/);
      assert.deepEqual(guard.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), []);
      await assertClean(page, guard, "adding from disk");
    } finally {
      await context.close();
    }
  });

  it("adds files dropped on the page; an article stored by an older version is analysed again", async () => {
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.url) });
    try {
      await page.goto(server.url);
      await waitForApp(page);
      // A drop anywhere on the page, as a file manager hands files over.
      await page.evaluate(
        ([name, text]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: "text/markdown" }));
          const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
          document.body.dispatchEvent(over);
          if (!over.defaultPrevented) throw new Error("a drag of files is not accepted");
          document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        ["harbour.md", note],
      );
      await page.waitForSelector("[data-testid=reader][data-slug=harbour] h1#title >> text=Harbour reopens in Bergen", { timeout: APP_TIMEOUT });
      assert.deepEqual(await outcomes(page), ["harbour.md: added"]);
      await page.waitForFunction(() => localStorage.getItem("dossier.yours") === "1");

      // Stored by another version of dossier, in a form this one cannot read:
      // analysed again from the original at the next start, and stored anew.
      const record = (change) =>
        page.evaluate(
          (change) =>
            new Promise((done, fail) => {
              const open = indexedDB.open("dossier");
              open.onerror = () => fail(open.error);
              open.onsuccess = () => {
                const tx = open.result.transaction("articles", "readwrite");
                const store = tx.objectStore("articles");
                const get = store.get("harbour");
                get.onsuccess = () => {
                  const r = get.result;
                  if (change) {
                    r.engine = "an older version";
                    r.item = new Uint8Array([7, 7, 7]);
                    store.put(r);
                  }
                  tx.oncomplete = () => {
                    open.result.close();
                    done({ engine: r.engine, item: r.item.length });
                  };
                };
              };
            }),
          change,
        );
      const fresh = await record(false);
      await record(true);
      await page.reload();
      await waitForApp(page);
      await page.waitForSelector("[data-testid=reader][data-slug=harbour] mark[data-type=place]", { timeout: APP_TIMEOUT });
      await page.waitForFunction(
        (engine) =>
          new Promise((done) => {
            const open = indexedDB.open("dossier");
            open.onsuccess = () => {
              const get = open.result.transaction("articles").objectStore("articles").get("harbour");
              get.onsuccess = () => {
                open.result.close();
                done(get.result.engine === engine);
              };
            };
          }),
        fresh.engine,
      );
      assert.deepEqual(await record(false), fresh, "stored again as this version analyses it");
      await assertClean(page, guard, "a drop, and an upgrade");
    } finally {
      await context.close();
    }
  });

  it("cancels a batch: every item gets its outcome, those added stay", async () => {
    const { context, page, guard } = await openGuarded(browser, { allow: (u) => u.startsWith(server.url) });
    try {
      await page.goto(server.url);
      await waitForApp(page);
      const pages = readdirSync(PAGES).filter((f) => f.endsWith(".html")).sort().map((f) => join(PAGES, f));
      await page.locator("[data-testid=add-input]").setInputFiles(pages);
      await page.waitForFunction(() => /^Adding articles: \d+ of \d+, [\d.]+ [KM]?B$/.test(document.querySelector("[data-testid=add-progress]")?.textContent ?? ""));
      await page.waitForSelector("[data-testid=add-outcomes] li");
      await page.getByRole("button", { name: "Cancel" }).click();
      await batchDone(page);
      const lines = await outcomes(page);
      assert.equal(lines.length, pages.length, "every item has an outcome");
      assert.match(lines.at(-1), /: not added \(cancelled\)$/);
      const added = lines.filter((l) => l.endsWith(": added")).length;
      assert.ok(added >= 1 && added < pages.length, `${added} added before the cancel`);
      assert.equal(await page.textContent("[data-testid=add-progress]"), `Added ${added} of ${pages.length}`);
      // One added opens it; more open the library.
      await library(page);
      await page.waitForFunction((n) => document.querySelectorAll("li.yours-item").length === n, added);
      await assertClean(page, guard, "a cancelled batch");
    } finally {
      await context.close();
    }
  });
});
