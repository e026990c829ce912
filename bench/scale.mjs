// How cost grows with the size of an article and with the number of articles.
//
//   node bench/scale.mjs [--runs 5] [--cases 1k,10k,100k,1m,n1,n10,n20,n40,n100,n1000] [--json FILE]
//
// Cases: one generated article of about 1 KB, 10 KB, 100 KB, 1 MB (1k … 1m);
// sets of 1, 10, 20, 40, 100, 1000 generated articles of about 3 KB each (n1 …
// n1000; 20 and 40 lie either side of the split threshold), and 10000 and
// 100000 when asked for (n10000, n100000: past the size of dossier.html the
// build writes), all from the
// dev-set bodies (bench/gen-articles.mjs). Each case is built as
// a release, like `make dist` (trunk build --release, the build-time render,
// postbuild), in one temporary copy of the project (sources only, never
// assets/articles of this project) that is reused from case to case and
// shares this project's CARGO_TARGET_DIR, so only the app crate is rebuilt.
// Reported per case:
//   build      seconds of trunk + prerender + postbuild (the analysis of the
//              set runs in the build script, once for each of the two builds)
//   set        how the WebAssembly carries the set: whole (bytes of postcard)
//              or split (bytes of the index; the articles are files)
//   first view brotli KiB of what the first load fetches: index.html, the JS
//              glue, the WebAssembly, the CSS
//   total      brotli KiB of everything served (with articles/*.bin, without
//              dossier.html; past 20 000 files, those outside the first view
//              at brotli quality 5), and the raw KiB of dossier.html
//   LCP, live  medians over --runs cold loads of index.html (new context, HTTP
//              cache off): largest-contentful-paint, and when the hydrated app
//              answers input (<html data-app="ready">)
//   from disk  dossier.html opened from file:// (cold loads, as many as
//              --runs): LCP and live, medians; "-" when the build did not
//              write it (past the size a page from disk can carry)
//   open       sets only: from setting the hash of an article of the library
//              (the middle one) to its first paragraph on screen, in a live
//              page: a fetch of articles/<slug>.bin when the set is split (the
//              run checks that exactly that request is made and nothing when
//              the set is whole)
// The temporary copy is removed at the end (--keep DIR builds there instead,
// and keeps it).

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { serve } from "../e2e/server.mjs";
import { launch, load, median } from "./firstpaint.mjs";
import { generate } from "./gen-articles.mjs";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** What a build of the project needs, copied into the work folder. */
const SOURCES = ["Cargo.toml", "Cargo.lock", "build.rs", "index.html", "Trunk.toml", "src", "core", "importer", "yours", "pages", "assets", "scripts", "tests", "benches"];

export const CASES = {
  "1k": { label: "1 article, 1 KB", size: 1_000, count: 1 },
  "10k": { label: "1 article, 10 KB", size: 10_000, count: 1 },
  "100k": { label: "1 article, 100 KB", size: 100_000, count: 1 },
  "1m": { label: "1 article, 1 MB", size: 1_000_000, count: 1 },
  n1: { label: "1 article of 3 KB", size: 3_000, count: 1 },
  n10: { label: "10 articles of 3 KB", size: 3_000, count: 10 },
  n20: { label: "20 articles of 3 KB", size: 3_000, count: 20 },
  n40: { label: "40 articles of 3 KB", size: 3_000, count: 40 },
  n100: { label: "100 articles of 3 KB", size: 3_000, count: 100 },
  n1000: { label: "1000 articles of 3 KB", size: 3_000, count: 1000 },
  // Only when asked for (--cases n10000): where dossier.html stops.
  n10000: { label: "10000 articles of 3 KB", size: 3_000, count: 10000, only: true },
  n100000: { label: "100000 articles of 3 KB", size: 3_000, count: 100000, only: true },
};

/**
 * Copies the project's sources into `work` (file times kept, so that cargo
 * sees a reused copy as unchanged) with the article set `articles` (paths).
 */
export function prepareCopy(work, articles) {
  mkdirSync(work, { recursive: true });
  for (const p of SOURCES) {
    rmSync(join(work, p), { recursive: true, force: true });
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(work, p), { recursive: true, preserveTimestamps: true });
  }
  const dir = join(work, "assets", "articles");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const a of articles) cpSync(a, join(dir, a.split("/").pop()));
  if (!existsSync(join(work, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"));
}

/** `make dist` in `work`, step by step; returns the dist folder, the seconds and what the render said of the set. */
export function buildRelease(work, { quiet = true } = {}) {
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"),
    PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  };
  const stdio = ["ignore", quiet ? "pipe" : "inherit", "inherit"];
  const dist = join(work, "dist");
  const t0 = Date.now();
  execFileSync("trunk", ["build", "--release", "--offline", "--public-url", "./"], { cwd: work, env, stdio });
  const t1 = Date.now();
  const said = execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--", join(dist, "index.html")], {
    cwd: work,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  execFileSync("node", [join(work, "scripts", "postbuild.mjs"), dist], { cwd: work, env, stdio });
  const t2 = Date.now();
  const whole = said.match(/embedded whole: (\d+) bytes/);
  const split = said.match(/split: index (\d+) bytes/);
  return {
    dist,
    trunk: (t1 - t0) / 1000,
    seconds: (t2 - t0) / 1000,
    set: whole ? { split: false, bytes: Number(whole[1]) } : split ? { split: true, bytes: Number(split[1]) } : null,
  };
}

const brotli = (data, quality = 11) =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;

/** Past this many files served, those outside the first view are counted at brotli quality 5 (quality 11 on a gigabyte takes most of an hour). */
const MANY_FILES = 20_000;

/** Brotli bytes of the first view and of everything served; raw bytes of dossier.html. */
export function sizes(dist) {
  const files = [];
  (function walk(dir) {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push({ rel: p.slice(dist.length + 1), p });
    }
  })(dist);
  const out = { firstView: 0, wasm: 0, wasmRaw: 0, total: 0, articleFiles: 0, articleBytes: 0, single: 0 };
  for (const f of files) {
    const data = readFileSync(f.p);
    if (f.rel === "dossier.html") {
      out.single = data.length;
      continue;
    }
    // The modules loaded on demand (adding, the reader's articles, the set's
    // pages) are not part of the first view.
    const module = /^(importer|pages|yours)[._]/.test(f.rel);
    const first = f.rel === "index.html" || (!module && /\.(js|css|wasm)$/.test(f.rel));
    const br = brotli(data, first || files.length <= MANY_FILES ? 11 : 5);
    out.total += br;
    if (first) out.firstView += br;
    if (!module && f.rel.endsWith(".wasm")) {
      out.wasm = br;
      out.wasmRaw = data.length;
    }
    if (f.rel.startsWith("articles/")) {
      out.articleFiles++;
      out.articleBytes += data.length;
    }
  }
  return out;
}

const live = () => document.documentElement.dataset.app === "ready";

/** Cold loads of the default view, then (a set) the time to open an article. */
export async function measure(dist, runs, { open = false } = {}) {
  const server = await serve({ root: dist });
  const browser = await launch();
  const loads = [];
  const opens = [];
  const fromDisk = [];
  const single = join(dist, "dossier.html");
  try {
    await load(browser, `${server.url}index.html`, false, live); // warm-up of the browser
    for (let i = 0; i < runs; i++) loads.push(await load(browser, `${server.url}index.html`, false, live));
    if (existsSync(single)) {
      for (let i = 0; i < runs; i++) fromDisk.push(await load(browser, pathToFileURL(single).href, false, live));
    }
    if (open) {
      for (let i = 0; i < runs; i++) opens.push(await openOne(browser, server.url, existsSync(join(dist, "articles"))));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    lcp: median(loads.map((r) => r.lcp)),
    fcp: median(loads.map((r) => r.fcp)),
    live: median(loads.map((r) => r.live)),
    diskLcp: fromDisk.length ? median(fromDisk.map((r) => r.lcp)) : null,
    diskLive: fromDisk.length ? median(fromDisk.map((r) => r.live)) : null,
    open: open ? median(opens) : null,
  };
}

/**
 * In a cold, live page: opens the middle article of the library and returns
 * the ms until its first paragraph is on screen. Throws unless the split set
 * fetched exactly that article's file (and the whole set fetched nothing).
 */
async function openOne(browser, url, split) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  try {
    await page.goto(`${url}index.html`, { waitUntil: "load" });
    await page.waitForFunction(live, null, { timeout: 300000 });
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    const { slug, title } = await page.evaluate(() => {
      const items = [...document.querySelectorAll("li.library-item")];
      const it = items[items.length >> 1];
      return { slug: it.dataset.slug, title: it.querySelector("h2").textContent };
    });
    const ms = await page.evaluate(
      (slug) =>
        new Promise((done) => {
          const t0 = performance.now();
          const check = () => {
            if (document.querySelector("article.body p[data-part]")) {
              mo.disconnect();
              requestAnimationFrame(() => done(performance.now() - t0));
            }
          };
          const mo = new MutationObserver(check);
          mo.observe(document.body, { childList: true, subtree: true });
          location.hash = `#/a/${slug}`;
        }),
      slug,
    );
    const h1 = await page.evaluate(() => [...document.querySelectorAll("h1")].map((h) => h.textContent));
    if (!h1.includes(title)) throw new Error(`opening ${slug}: the page shows ${JSON.stringify(h1)}, not ${JSON.stringify(title)}`);
    const fetched = requests.filter((u) => !u.startsWith("data:"));
    const want = split ? [`${url}articles/${slug}.bin`] : [];
    const got = fetched.map((u) => u.split("?")[0]);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`opening ${slug}: expected requests ${JSON.stringify(want)}, saw ${JSON.stringify(fetched)}`);
    }
    return ms;
  } finally {
    await context.close();
  }
}

async function main() {
  const runs = Number(opt("--runs", "5"));
  const names = opt("--cases", Object.keys(CASES).filter((k) => !CASES[k].only).join(",")).split(",");
  for (const n of names) if (!CASES[n]) throw new Error(`unknown case ${n} (known: ${Object.keys(CASES).join(", ")})`);
  const keep = opt("--keep", null);
  const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "dossier-scale-"));
  const gen = mkdtempSync(join(tmpdir(), "dossier-scale-articles-"));
  const rows = [];
  try {
    for (const name of names) {
      const c = CASES[name];
      rmSync(gen, { recursive: true, force: true });
      const paths = generate({ out: gen, size: c.size, count: c.count });
      const source = paths.reduce((n, p) => n + statSync(p).size, 0);
      console.error(`${c.label}: building ...`);
      prepareCopy(work, paths);
      const b = buildRelease(work);
      console.error(`${c.label}: built in ${b.seconds.toFixed(0)} s; measuring ...`);
      const s = sizes(b.dist);
      const m = await measure(b.dist, runs, { open: c.count > 1 });
      const row = { case: name, label: c.label, count: c.count, source, build: b.seconds, trunk: b.trunk, set: b.set, ...s, ...m };
      rows.push(row);
      console.error(JSON.stringify(row));
    }
  } finally {
    rmSync(gen, { recursive: true, force: true });
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  const kib = (n) => (n / 1024).toFixed(1);
  const ms = (x) => (x === null ? "-" : x.toFixed(0));
  const setText = (r) =>
    !r.set ? "?" : r.set.split ? `split: index ${kib(r.set.bytes)} KiB + ${r.articleFiles} files (${kib(r.articleBytes)} KiB)` : `whole: ${kib(r.set.bytes)} KiB`;
  console.log(`scale: release builds; first paint = median of ${runs} cold loads of index.html (ms)`);
  console.log("| case | articles (source KiB) | set in the WASM | build s | first view br KiB | all served br KiB | dossier.html KiB | LCP | live | from disk: LCP / live | open |");
  console.log("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${r.count} (${kib(r.source)}) | ${setText(r)} | ${r.build.toFixed(0)} | ${kib(r.firstView)} | ${kib(r.total)} | ${kib(r.single)} | ${ms(r.lcp)} | ${ms(r.live)} | ${ms(r.diskLcp)} / ${ms(r.diskLive)} | ${ms(r.open)} |`,
    );
  }
  const json = opt("--json", null);
  if (json) writeFileSync(json, JSON.stringify({ runs, rows }, null, 2) + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
