#!/usr/bin/env node
// Post-build step for a release `dist/` made by trunk.
//
//   node scripts/postbuild.mjs [DIST]        (DIST defaults to dist)
//
// 1. dist/index.html gets trunk's loader rewritten to start the app after the
//    first paint (the page holds the prerendered first view; the module and the
//    WASM are not preloaded, so they do not compete with it), its icons inlined
//    as data: URLs (Chromium fetches the icon again on every in-page
//    navigation) and a strict Content-Security-Policy
//    <meta>: scripts only
//    from the page's own origin plus the sha256 hash of each inline script
//    (trunk's module loader) and 'wasm-unsafe-eval'; styles and images from the
//    origin (inline <style> elements by hash); nothing else. No 'unsafe-inline',
//    no 'unsafe-eval'.
// 2. dist/dossier.html is written: one self-contained page (stylesheets inlined,
//    wasm-bindgen's JS glue and the WebAssembly module as base64 in one inline
//    module script, icons as data: URLs) under a hash-only CSP, so that it works
//    when opened from disk (file://) as well as from any server. When the set
//    is split (dist/articles/<slug>.bin, written by the prerender step), every
//    article file is inlined too, as base64 in a non-executed
//    <script type="application/x-dossier-article" id="dossier-article-SLUG">
//    at the end of <body> (and set/pages.bin, what the set's pages read, as
//    id="dossier-set-pages", and the pages of the library's index after the
//    first, set/l/N.bin, as id="dossier-library-N"; the entity shards are
//    not needed there): the app
//    reads an article from there instead of fetching it, so the single file
//    still holds the whole set. The importer
//    (for adding articles: a page opened from disk cannot start a worker) is
//    inlined too: its module gzipped, as base64 in a non-executed
//    <script type="application/x-dossier-importer">, and its JS glue in an
//    inline script that only defines `dossierImporter()`, called the first
//    time a reader adds an article.
//
// It is idempotent: running it twice gives the same files. Anything it does not
// understand (an external script, a style attribute, a JS snippet import) makes
// it fail loudly rather than write a page that would break under the CSP.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve, extname } from "node:path";

const SINGLE_FILE = "dossier.html";
/** The largest dossier.html the build writes, in bytes (DOSSIER_SINGLE_MIB overrides it). */
const SINGLE_LIMIT = Number(process.env.DOSSIER_SINGLE_MIB ?? 32) * 2 ** 20;
if (!(SINGLE_LIMIT > 0)) fail(`DOSSIER_SINGLE_MIB must be a positive number of MiB, not ${JSON.stringify(process.env.DOSSIER_SINGLE_MIB)}`);
const dist = resolve(process.argv[2] ?? "dist");
const indexPath = join(dist, "index.html");

function fail(msg) {
  console.error(`postbuild: error: ${msg}`);
  process.exit(1);
}

if (!existsSync(indexPath)) fail(`${indexPath} not found: run the release build first`);

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Attributes of a start tag as a Map (names lower-cased). */
function attrs(tag) {
  const out = new Map();
  const body = tag.replace(/^<\s*[\w-]+/, "").replace(/\/?>$/, "");
  const re = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(body))) out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

const decodeEntities = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Resolves a URL written in the page (relative, `./x`, or absolute path) to a file in dist. */
function distFile(href) {
  const clean = decodeEntities(href).split(/[?#]/)[0];
  if (/^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith("//")) {
    fail(`the page refers to another origin: ${href}`);
  }
  const rel = clean.replace(/^(\.\/)+/, "").replace(/^\/+/, "");
  // A public URL with a directory (e.g. /sub/) is not something this step can map safely.
  const path = join(dist, rel);
  if (!path.startsWith(dist) || !existsSync(path)) fail(`referenced file not in ${dist}: ${href}`);
  return path;
}

const SCRIPT_RE = /<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi;
// Article files inlined into the single file: data, never run, so no CSP hash.
const ARTICLE_TYPE = "application/x-dossier-article";
// The importer's WebAssembly in the single file: data too.
const IMPORTER_TYPE = "application/x-dossier-importer";
const isArticleData = (scriptTag) =>
  [ARTICLE_TYPE, IMPORTER_TYPE].includes(attrs(scriptTag.slice(0, scriptTag.indexOf(">") + 1)).get("type"));
const STYLE_RE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const CSP_META_RE = /[ \t]*<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>\n?/gi;
const REFERRER_META_RE = /[ \t]*<meta\s+name=["']?referrer["']?[^>]*>\n?/gi;

function checkNoStyleAttributes(html, where) {
  const m = html.match(/<[a-z][^>]*\sstyle\s*=/i);
  if (m) fail(`${where} has a style attribute (blocked by the CSP): ${m[0].slice(0, 120)}`);
  const h = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
  if (h) fail(`${where} has an inline event handler (blocked by the CSP): ${h[0].slice(0, 120)}`);
}

/** Puts `metas` at the top of <head>, after <meta charset> if there is one. */
function insertHeadMeta(html, metas) {
  html = html.replace(CSP_META_RE, "").replace(REFERRER_META_RE, "");
  const charset = html.match(/<meta\s+charset=[^>]*>\n?/i);
  if (charset) {
    const at = charset.index + charset[0].length;
    return html.slice(0, at) + metas + html.slice(at);
  }
  const head = html.match(/<head\b[^>]*>\n?/i);
  if (!head) fail("no <head> in index.html");
  const at = head.index + head[0].length;
  return html.slice(0, at) + metas + html.slice(at);
}

const metaTags = (csp) =>
  `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
  `<meta name="referrer" content="no-referrer">\n`;

const ICON_TYPES = { ".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".webp": "image/webp" };
const isIconLink = (tag) => {
  const rel = (attrs(tag).get("rel") ?? "").toLowerCase().split(/\s+/);
  return rel.includes("icon") || rel.includes("apple-touch-icon");
};
/** An icon <link> with its file as a data: URL (browsers fetch icons again on every in-page navigation). */
function inlineIcon(tag) {
  const a = attrs(tag);
  const href = a.get("href") ?? "";
  if (href.startsWith("data:")) return tag;
  const path = distFile(href);
  const type = ICON_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  const sizes = a.has("sizes") ? ` sizes="${a.get("sizes")}"` : "";
  return `<link rel="${a.get("rel")}"${sizes} href="data:${type};base64,${readFileSync(path).toString("base64")}">`;
}

// ---------------------------------------------------------------------------
// 1. index.html: CSP by hash, icons inline
// ---------------------------------------------------------------------------
// A page of the set starts the set's pages module at once, from a script of
// its own at the top of the head that runs while the page is parsed (the
// app's loader, a module, runs only once it is parsed and laid out): the
// module's code and its WebAssembly are fetched together, not one after
// the other through trunk's loader. The app finds it started
// (`dossierPagesStart`, src/pages.rs). The prerendered view (the library,
// not that page) is hidden before it is laid out, until the app is live
// (app.css, `data-set-page`), when the app shows nothing of its own there.
const SET_PAGE =
  'if (/^#\\/(e\\/|timeline|search)/.test(location.hash)) { document.documentElement.dataset.setPage = ""; ' +
  'self.dossierPagesStart = () => (self.__dossierPages ??= Promise.all([import("./pages.js"), fetch("./pages_bg.wasm")])' +
  // (the module renders into the body: once the page is parsed)
  '.then(async ([m, wasm]) => { if (document.readyState === "loading") await new Promise((go) => document.addEventListener("readystatechange", go, { once: true })); ' +
  "return m.default({ module_or_path: wasm }); })" +
  ".catch((e) => { self.__dossierPages = undefined; throw e; })); " +
  "self.dossierPagesStart().catch(() => {}); " +
  // The files the page reads first (written on <html> by the render for a
  // split set: `data-early-timeline`, `data-early-search`), fetched now,
  // beside the module; the module takes each fetch once (data::load).
  'const early = document.documentElement.dataset[/^#\\/timeline/.test(location.hash) ? "earlyTimeline" : /^#\\/search/.test(location.hash) ? "earlySearch" : "none"]; ' +
  "self.__dossierEarlyReads = {}; " +
  'for (const url of (early ?? "").split(" ").filter(Boolean)) { const f = fetch(url); f.catch(() => {}); self.__dossierEarlyReads[url] = f; } }\n';
distFile("pages.js");
distFile("pages_bg.wasm");
const SET_PAGE_SCRIPT = `<script id="dossier-page-start">${SET_PAGE}</script>\n`;
let html = readFileSync(indexPath, "utf8");
// (a page this step wrote before: its script of a page of the set goes, and
// is written again below)
html = html.replace(/<script id="dossier-page-start">[\s\S]*?<\/script>\n?/, "");
html = html.replace(CSP_META_RE, "").replace(REFERRER_META_RE, "");
checkNoStyleAttributes(html, "index.html");
html = html.replace(/<link\b[^>]*>/gi, (tag) => (isIconLink(tag) ? inlineIcon(tag) : tag));

const scriptHashes = [];
let loader = null;
for (const m of html.matchAll(SCRIPT_RE)) {
  const a = attrs(m[0].slice(0, m[0].indexOf(">") + 1));
  if (a.has("src")) {
    distFile(a.get("src")); // must be a local file
    continue;
  }
  if (/\bimport\s+init\b/.test(m[1]) || /\bimport\(\s*["'][^"']+\.js["']\s*\)/.test(m[1])) {
    if (loader) fail("more than one wasm loader script in index.html");
    loader = m;
  } else {
    scriptHashes.push(sha256(m[1]));
  }
}
if (!loader) fail("no trunk loader script (import init ...) found in index.html");
const loaderCode = loader[1];
const jsHref =
  loaderCode.match(/import\s+init\b[^'"]*from\s+['"]([^'"]+)['"]/)?.[1] ??
  loaderCode.match(/bindings\s*=\s*await\s+import\(\s*["']([^"']+\.js)["']\s*\)/)?.[1];
const wasmHref =
  loaderCode.match(/module_or_path:\s*['"]([^'"]+\.wasm)['"]/)?.[1] ??
  loaderCode.match(/init\(\s*['"]([^'"]+\.wasm)['"]\s*\)/)?.[1];
if (!jsHref || !wasmHref) fail("cannot find the JS glue and the .wasm in the loader script");
if (/__trunkInitializer/.test(loaderCode)) fail("a custom trunk initializer is not supported");

// The page holds the prerendered first view: the app starts after the first
// paint (or after 100 ms, should the page be hidden and never paint), so that
// the text is on screen before any script is compiled. Nothing is
// preloaded for the same reason; the module and the WASM are fetched on
// start. A page of the set (an entity's page, the set timeline, search) is
// not the prerendered view: the set's pages module starts at once, and the
// app after that page (below).
// A page of the set starts the app once that page's first screen is shown
// (a `main.set-page` that is not loading and holds nothing still busy), or
// after a second: the app has nothing to show there (its view is hidden),
// and started beside the pages module it took the thread from it.
const AFTER_PAINT =
  'if (!/^#\\/(e\\/|timeline|search)/.test(location.hash)) ' +
  "await new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 100); });\n" +
  "else await new Promise((go) => { const shown = () => { const m = document.querySelector(\"main.set-page\"); " +
  "return m && m.getAttribute(\"aria-busy\") !== \"true\" && m.getAttribute(\"aria-label\") !== \"Loading\" && !m.querySelector('[aria-busy=\"true\"]'); }; " +
  "const seen = new MutationObserver(() => shown() && (seen.disconnect(), go())); " +
  'seen.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-busy"] }); ' +
  "setTimeout(() => (seen.disconnect(), go()), 1000); });\n";
// A name clicked while the app is still starting is kept (the last one), and
// the app opens its card once it is live (`dom::take_early_click`).
const EARLY_INPUT =
  'addEventListener("click", (e) => { const m = e.target instanceof Element && e.target.closest("mark[data-entity][data-m]"); ' +
  'if (m && !e.target.closest("a") && document.documentElement.dataset.app !== "ready") ' +
  'window.__dossierEarly = [m.closest("[data-slug]")?.dataset.slug ?? "", m.dataset.entity, m.dataset.m]; }, true);\n';
const deferredLoader =
  "\n// Start after the first paint: the page is readable before the app runs.\n" +
  EARLY_INPUT +
  AFTER_PAINT +
  `const bindings = await import(${JSON.stringify(jsHref)});\n` +
  `const wasm = await bindings.default({ module_or_path: ${JSON.stringify(wasmHref)} });\n` +
  "window.wasmBindings = bindings;\n" +
  'dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));\n';
html = html.replace(loader[0], () => `<script type="module">${deferredLoader}</script>`);
html = html.replace(/[ \t]*<link\b[^>]*\brel=["']?(modulepreload|preload)["']?[^>]*>\n?/gi, "");
scriptHashes.push(sha256(deferredLoader));
scriptHashes.push(sha256(SET_PAGE));
const styleHashes = [...html.matchAll(STYLE_RE)].map((m) => sha256(m[1]));

for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
  const a = attrs(m[0]);
  if (a.has("href") && !a.get("href").startsWith("data:")) distFile(a.get("href"));
}

const indexCsp = [
  "default-src 'none'",
  `script-src 'self' ${scriptHashes.join(" ")} 'wasm-unsafe-eval'`,
  `style-src 'self'${styleHashes.length ? " " + styleHashes.join(" ") : ""}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  // The importer (a Web Worker of this origin), started when a reader
  // first adds an article.
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
writeFileSync(indexPath, insertHeadMeta(html, metaTags(indexCsp) + SET_PAGE_SCRIPT));
console.log(
  `postbuild: ${indexPath}: CSP with ${scriptHashes.length} script hash(es), ${styleHashes.length} style hash(es)`,
);

// ---------------------------------------------------------------------------
// 2. dossier.html: one self-contained file that also works from file://
// ---------------------------------------------------------------------------
// wasm-bindgen's JS glue (an ES module) made inlinable into one module
// script: its exports removed; the name of its init function.
function inlinableGlue(file) {
  let code = readFileSync(file, "utf8");
  if (/^\s*import\b/m.test(code)) {
    fail(`${file} imports other modules (wasm-bindgen snippets); they cannot be inlined by this step`);
  }
  const init =
    code.match(/^export\s+default\s+([\w$]+)\s*;?\s*$/m)?.[1] ??
    code.match(/^export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/m)?.[1];
  if (!init) fail(`${file} has no \`export default <init>\``);
  code = code
    .replace(/^export\s+default\s+[\w$]+\s*;?\s*$/gm, "")
    .replace(/^export\s*\{[^}]*\}\s*;?\s*$/gm, "")
    .replace(/^export\s+(?=(async\s+)?function\b|class\b|const\b|let\b|var\b)/gm, "");
  if (/^\s*export\b/m.test(code)) fail(`${file} has an export this step does not understand`);
  if (/<\/script|<!--/i.test(code)) fail(`${file} contains </script or <!--`);
  return { code, init };
}

// A WebAssembly module as data in the page: gzipped, base64.
const packed = (file) => gzipSync(readFileSync(file), { level: 9 }).toString("base64");
// JS that turns the data element `id` back into the module's bytes: in
// slices of 256 KiB of base64, each in a task of its own (the whole of the
// importer at once would be one task of 20-30 ms), then gunzipped.
const unpack = (id) =>
  `  const text = document.getElementById(${JSON.stringify(id)}).textContent.trim();\n` +
  "  const parts = [];\n" +
  "  for (let at = 0; at < text.length; at += 262144) {\n" +
  "    const b = atob(text.slice(at, at + 262144));\n" +
  "    const part = new Uint8Array(b.length);\n" +
  "    for (let i = 0; i < b.length; i++) part[i] = b.charCodeAt(i);\n" +
  "    parts.push(part);\n" +
  "    await new Promise((go) => setTimeout(go, 0));\n" +
  "  }\n" +
  '  const bytes = await new Response(new Blob(parts).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();\n';

const { code: glue, init: defaultExport } = inlinableGlue(distFile(jsHref));
const wasmBytes = readFileSync(distFile(wasmHref));

const inlineCode =
  `\n${glue}\n` +
  EARLY_INPUT +
  AFTER_PAINT +
  `const __dossierWasm = Uint8Array.from(atob("${wasmBytes.toString("base64")}"), (c) => c.charCodeAt(0));\n` +
  `const __dossierExports = await ${defaultExport}({ module_or_path: __dossierWasm });\n` +
  `dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __dossierExports } }));\n`;
if (/<\/script|<!--/i.test(inlineCode)) fail("the inlined code contains </script or <!--");

let single = html;
// Preload hints point at files that are now inline.
single = single.replace(/[ \t]*<link\b[^>]*\brel=["']?(modulepreload|preload|prefetch)["']?[^>]*>\n?/gi, "");
// Stylesheets inline.
single = single.replace(/<link\b[^>]*>/gi, (tag) => {
  const a = attrs(tag);
  const rel = (a.get("rel") ?? "").toLowerCase().split(/\s+/);
  if (rel.includes("stylesheet")) {
    const css = readFileSync(distFile(a.get("href")), "utf8");
    if (/<\/style/i.test(css)) fail("a stylesheet contains </style");
    if (/url\(\s*['"]?(?!data:|#)/i.test(css)) fail("a stylesheet refers to another file with url(); inline it as data:");
    return `<style>${css}</style>`;
  }
  if (isIconLink(tag)) return inlineIcon(tag);
  if (rel.includes("manifest")) return "";
  fail(`a <link> this step does not know how to inline: ${tag}`);
  return tag;
});
// The loader script becomes the whole program. Use a function replacement so
// `$` sequences in the code are not read as replacement patterns.
single = single.replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${inlineCode}</script>`);
// A split set: every article file, inline (the page cannot fetch from disk).
const articlesDir = join(dist, "articles");
const articleFiles = existsSync(articlesDir) ? readdirSync(articlesDir).filter((f) => f.endsWith(".bin")).sort() : [];
// ... and what the set's pages read of it (src/data.rs, `pages`).
const setPages = join(dist, "set", "pages.bin");
const setPagesBytes = existsSync(setPages) ? statSync(setPages).size : 0;
// ... and the pages of the library's index after the first (src/data/load.rs, `more`).
const libraryDir = join(dist, "set", "l");
const libraryFiles = existsSync(libraryDir) ? readdirSync(libraryDir).filter((f) => f.endsWith(".bin")).sort() : [];
const libraryBytes = libraryFiles.reduce((n, f) => n + statSync(join(libraryDir, f)).size, 0);
// Past SINGLE_LIMIT bytes one file is no longer a sensible way to carry the
// set: the browser reads, decodes and keeps all of it before the page is
// live (docs/performance.md, "Where dossier.html stops"). The build then
// writes no dossier.html (and removes an earlier one) and says so; dist/
// served from any static host carries the set.
{
  const articleBytes = articleFiles.reduce((n, f) => n + statSync(join(articlesDir, f)).size, 0);
  const estimate = single.length + Math.ceil(((wasmBytes.length + articleBytes + setPagesBytes + libraryBytes) * 4) / 3);
  if (estimate > SINGLE_LIMIT) {
    rmSync(join(dist, SINGLE_FILE), { force: true });
    console.log(
      `postbuild: ${join(dist, SINGLE_FILE)} not written: the set would make it about ${(estimate / 2 ** 20).toFixed(0)} MiB, ` +
        `past the ${SINGLE_LIMIT / 2 ** 20} MiB a page opened from disk carries sensibly; serve ${dist} instead`,
    );
    process.exit(0);
  }
}
if (articleFiles.length) {
  const blocks = articleFiles.map((f) => {
    const slug = f.slice(0, -".bin".length);
    if (!/^[a-z0-9-]+$/.test(slug)) fail(`an article file with an unexpected name: ${f}`);
    const b64 = readFileSync(join(articlesDir, f)).toString("base64");
    return `<script type="${ARTICLE_TYPE}" id="dossier-article-${slug}">${b64}</script>`;
  });
  if (setPagesBytes) blocks.push(`<script type="${ARTICLE_TYPE}" id="dossier-set-pages">${readFileSync(setPages).toString("base64")}</script>`);
  for (const f of libraryFiles) {
    const n = f.slice(0, -".bin".length);
    if (!/^[0-9]+$/.test(n)) fail(`a page of the library's index with an unexpected name: ${f}`);
    blocks.push(`<script type="${ARTICLE_TYPE}" id="dossier-library-${n}">${readFileSync(join(libraryDir, f)).toString("base64")}</script>`);
  }
  const end = single.lastIndexOf("</body>");
  if (end < 0) fail("no </body> in index.html");
  single = single.slice(0, end) + blocks.join("\n") + "\n" + single.slice(end);
}
// The importer, for adding articles: a page opened from disk cannot start
// a worker, so the single file holds the importer's module (gzip, base64, as
// data) and its JS glue, and `dossierImporter()` instantiates it on the
// page's own thread the first time a reader adds an article
// (yours/src/worker.rs). Nothing of it runs before. The same for the module
// that adds and keeps the reader's articles (yours/), which cannot be
// fetched from disk either.
{
  const glueFile = join(dist, "importer.js");
  const wasmFile = join(dist, "importer_bg.wasm");
  for (const f of [glueFile, wasmFile, join(dist, "yours.js"), join(dist, "yours_bg.wasm"), join(dist, "pages.js"), join(dist, "pages_bg.wasm")]) {
    if (!existsSync(f)) fail(`${f} is missing (the importer and the modules of the reader's articles and of the set's pages are part of the build)`);
  }
  const importerGlue = readFileSync(glueFile, "utf8");
  if (/^\s*(import|export)\b/m.test(importerGlue)) fail("importer.js is not a classic script (no-modules)");
  if (/<\/script|<!--/i.test(importerGlue)) fail("importer.js contains </script or <!--");
  const start =
    "\n// Instantiates the importer on this thread, once (yours/src/worker.rs).\n" +
    "self.dossierImporter = () => (self.__dossierImporter ??= (async () => {\n" +
    unpack("dossier-importer") +
    "  await wasm_bindgen({ module_or_path: bytes });\n" +
    "  return wasm_bindgen;\n" +
    "})().catch((e) => { self.__dossierImporter = undefined; throw e; }));\n";
  // The reader's articles module (yours/): its glue in a module script that
  // only defines `dossierYoursStart()`, which the app calls when it is first
  // needed (src/added/mod.rs).
  const yours = inlinableGlue(join(dist, "yours.js"));
  const yoursStart =
    "\n// Starts the reader's articles module, once (src/added/mod.rs).\n" +
    "self.dossierYoursStart = () => (self.__dossierYours ??= (async () => {\n" +
    unpack("dossier-yours") +
    `  await ${yours.init}({ module_or_path: bytes });\n` +
    "})());\n";
  // The set's pages (pages/), the same way: `dossierPagesStart()`, called by
  // the app when a page of the set is first opened (src/pages.rs).
  const pages = inlinableGlue(join(dist, "pages.js"));
  const pagesStart =
    "\n// Starts the set's pages module, once (src/pages.rs).\n" +
    "self.dossierPagesStart = () => (self.__dossierPages ??= (async () => {\n" +
    unpack("dossier-pages") +
    `  await ${pages.init}({ module_or_path: bytes });\n` +
    "})());\n";
  const blocks =
    `<script type="${IMPORTER_TYPE}" id="dossier-importer">${packed(wasmFile)}</script>\n` +
    `<script>${importerGlue}\n${start}</script>\n` +
    `<script type="${IMPORTER_TYPE}" id="dossier-yours">${packed(join(dist, "yours_bg.wasm"))}</script>\n` +
    `<script type="module">${yours.code}\n${yoursStart}</script>\n` +
    `<script type="${IMPORTER_TYPE}" id="dossier-pages">${packed(join(dist, "pages_bg.wasm"))}</script>\n` +
    `<script type="module">${pages.code}\n${pagesStart}</script>\n`;
  const end = single.lastIndexOf("</body>");
  if (end < 0) fail("no </body> in index.html");
  single = single.slice(0, end) + blocks + single.slice(end);
}
for (const m of single.matchAll(/<(?:img|source|video|audio)\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) {
  if (!m[1].startsWith("data:")) fail(`an element refers to a file that is not inlined: ${m[0]}`);
}

const singleScripts = [...single.matchAll(SCRIPT_RE)].filter((m) => !isArticleData(m[0])).map((m) => {
  if (/\ssrc\s*=/i.test(m[0].slice(0, m[0].indexOf(">")))) fail("an external script is left in the single file");
  return sha256(m[1]);
});
const singleStyles = [...single.matchAll(STYLE_RE)].map((m) => sha256(m[1]));
const singleCsp = [
  "default-src 'none'",
  `script-src ${singleScripts.join(" ")} 'wasm-unsafe-eval'`,
  `style-src ${singleStyles.length ? singleStyles.join(" ") : "'none'"}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
single = insertHeadMeta(single, metaTags(singleCsp));
writeFileSync(join(dist, SINGLE_FILE), single);

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `postbuild: ${join(dist, SINGLE_FILE)}: ${kib(Buffer.byteLength(single))} self-contained (wasm ${kib(wasmBytes.length)}` +
    `${articleFiles.length ? `, ${articleFiles.length} article files inline` : ""})`,
);
