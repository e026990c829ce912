// Analysis throughput, one table: the native criterion figures (read from
// criterion's output), the WebAssembly build in headless Chromium and in
// Node, and compromise on the same text in Node and in the same page.
//
//   node bench/run.mjs [--criterion DIR] [--json FILE] [--no-compromise]
//
// Expects bench/pkg/{size,speed}/ from `wasm-bindgen --target web` (made by
// scripts/bench.sh) and the article files in ../shared/eval/meantime-dev
// beside the repository plus the seed article.

import { createServer } from "node:http";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { cpus, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

import nlp from "compromise";
import datesPlugin from "compromise-dates";
import { chromium } from "playwright-core";
import { chromiumOptions } from "../e2e/browser.mjs";

import { measureCompromise, measureWasm } from "./measure.mjs";

nlp.plugin(datesPlugin);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(name);

const criterionDir = arg("--criterion", join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "criterion"));
const jsonOut = arg("--json", join(here, "results.json"));
const withCompromise = !flag("--no-compromise");

// The wasm-bindgen outputs: opt-level "s" (size and speed), and opt-level 3.
const BUILDS = [
  { name: "size", label: "opt-level s" },
  { name: "speed", label: "opt-level 3" },
].filter((b) => existsSync(join(here, "pkg", b.name, "dossier_bench_wasm.js")));

function corpus() {
  const dev = resolve(root, "..", "shared", "eval", "meantime-dev");
  const seedDir = join(root, "assets", "articles");
  const list = (dir, keep) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => n.endsWith(".md") && keep(n))
          .sort()
          .map((n) => join(dir, n))
      : [];
  const paths = [...list(dev, () => true), ...list(seedDir, (n) => n.startsWith("000"))];
  if (paths.length < 2) {
    throw new Error(`no development articles in ${dev}: the benchmark needs ../shared beside the repository`);
  }
  return paths.map((path) => ({ path, bytes: readFileSync(path) }));
}

/**
 * criterion's figures for one benchmark as MB/s: the fastest sample and the
 * typical one (criterion's slope, or mean), or null when absent.
 */
function criterion(id, group = "analysis") {
  try {
    const dir = join(criterionDir, group, id, "new");
    const read = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));
    const est = read("estimates.json");
    const bytes = read("benchmark.json").throughput?.Bytes;
    const sample = read("sample.json");
    if (!bytes) return null;
    const fastestNs = Math.min(...sample.times.map((t, i) => t / sample.iters[i]));
    const typicalNs = (est.slope ?? est.mean).point_estimate;
    return { best: bytes / (fastestNs / 1e9) / 1e6, median: bytes / (typicalNs / 1e9) / 1e6 };
  } catch {
    return null;
  }
}

async function wasmInNode(files) {
  const out = {};
  for (const b of BUILDS) {
    const dir = join(here, "pkg", b.name);
    const mod = await import(pathToFileURL(join(dir, "dossier_bench_wasm.js")).href);
    mod.initSync({ module: readFileSync(join(dir, "dossier_bench_wasm_bg.wasm")) });
    out[b.name] = measureWasm(mod, files);
  }
  return out;
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const SERVED = ["/page.html", "/measure.mjs", "/pkg/", "/node_modules/compromise/builds/", "/node_modules/compromise-dates/builds/"];

function serve() {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = normalize(join(here, url));
    const allowed = SERVED.some((p) => url === p || (p.endsWith("/") && url.startsWith(p)));
    if (!allowed || !file.startsWith(here + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

async function inChromium(files) {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(chromiumOptions());
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`${base}/page.html`);
    const texts = files.map((f) => ({ path: f.path, text: f.bytes.toString("utf8") }));
    return await page.evaluate(
      async ({ texts, builds, withCompromise }) => {
        const { measureWasm, measureCompromise } = await import("/measure.mjs");
        const enc = new TextEncoder();
        const files = texts.map((t) => ({ path: t.path, bytes: enc.encode(t.text) }));
        const out = { wasm: {}, userAgent: navigator.userAgent };
        let plain = [];
        for (const b of builds) {
          const mod = await import(`/pkg/${b}/dossier_bench_wasm.js`);
          await mod.default({ module_or_path: `/pkg/${b}/dossier_bench_wasm_bg.wasm` });
          const r = measureWasm(mod, files);
          plain = r.texts;
          delete r.texts;
          out.wasm[b] = r;
        }
        if (withCompromise) {
          globalThis.nlp.plugin(globalThis.compromiseDates);
          out.compromise = measureCompromise(globalThis.nlp, plain);
        }
        return out;
      },
      { texts, builds: BUILDS.map((b) => b.name), withCompromise },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const fmt = (x) => (x == null ? "n/a" : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const mbps = (r) => (r == null ? "n/a" : `${fmt(r.best)} MB/s (typical ${fmt(r.median)})`);
const times = (r, ref, where = "Node") =>
  r == null || !ref ? "" : `${fmt(r.best / ref.best)}× compromise (${where})`;
const met = (r, t) => (r == null ? "" : r.best >= t ? " (met)" : " (NOT met)");

function table(rows) {
  const head = ["figure", "measured", "target", "comparison"];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(" | ")} |`;
  return [line(head), `|${w.map((n) => "-".repeat(n + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  const started = performance.now();
  const files = corpus();
  const timings = {};
  const native = {
    full: criterion("full"),
    analysis: criterion("analyze"),
    parse: criterion("parse"),
    scaling: Object.fromEntries(["1KB", "10KB", "100KB", "1MB"].map((s) => [s, criterion(s, "scaling")])),
  };

  let t = performance.now();
  const node = BUILDS.length ? await wasmInNode(files) : {};
  timings.wasmNodeSeconds = (performance.now() - t) / 1000;
  const plain = node.size?.texts ?? node.speed?.texts ?? [];
  for (const r of Object.values(node)) delete r.texts;

  t = performance.now();
  const compromiseNode = withCompromise && plain.length ? measureCompromise(nlp, plain) : null;
  timings.compromiseNodeSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const browser = BUILDS.length ? await inChromium(files) : { wasm: {} };
  timings.chromiumSeconds = (performance.now() - t) / 1000;

  const refNode = compromiseNode;
  const refPage = browser.compromise;
  const fileBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const rows = [
    ["native, parse + analysis (criterion, 1 core)", mbps(native.full), `≥ 20 MB/s${met(native.full, 20)}`, times(native.full, refNode)],
    ["native, analysis alone", mbps(native.analysis), "", times(native.analysis, refNode)],
    ["native, parser alone", mbps(native.parse), "", ""],
  ];
  const sizes = ["1KB", "10KB", "100KB", "1MB"];
  const scaling = sizes.map((s) => native.scaling[s]);
  if (scaling.some((r) => r != null)) {
    rows.push([
      `native, one article of ${sizes.map((s) => s.replace("KB", " KB").replace("MB", " MB")).join(" / ")}`,
      `${scaling.map((r) => (r == null ? "n/a" : fmt(r.best))).join(" / ")} MB/s`,
      "flat (linear cost)",
      "",
    ]);
  }
  for (const b of BUILDS) {
    const r = browser.wasm[b.name];
    rows.push([`WASM in Chromium, parse + analysis (${b.label})`, mbps(r?.full), b.name === "size" ? `≥ 10 MB/s${met(r?.full, 10)}` : "", times(r?.full, refPage, "Chromium")]);
    rows.push([`WASM in Chromium, analysis alone (${b.label})`, mbps(r?.analysis), "", times(r?.analysis, refPage, "Chromium")]);
  }
  for (const b of BUILDS) {
    rows.push([`WASM in Node, parse + analysis (${b.label})`, mbps(node[b.name]?.full), "", times(node[b.name]?.full, refNode)]);
  }
  const wasmSizes = BUILDS.map((b) => {
    const wasm = readFileSync(join(here, "pkg", b.name, "dossier_bench_wasm_bg.wasm"));
    const br = brotliCompressSync(wasm, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return `${Math.round(br / 1000)} KB (${b.name === "size" ? "opt-level s" : "opt-level 3"})`;
  });
  if (wasmSizes.length) {
    rows.push(["WASM module of the benchmark (parser + analysis), brotli", wasmSizes.join(" / "), "", ""]);
  }
  if (withCompromise) {
    const one = (r) => (r == null ? "n/a" : `${fmt(r.best)} MB/s (one pass)`);
    rows.push(["compromise + compromise-dates in Node", one(refNode), "reference (~0.035 MB/s)", "1×"]);
    rows.push(["compromise + compromise-dates in Chromium", one(refPage), "reference", "1×"]);
  }
  const [load1] = loadavg();
  console.log(
    `machine: ${cpus().length} cores, load average ${load1.toFixed(2)} at the end of the run` +
      (load1 > 1.5 ? " (busy: other work slowed the runs down; figures are the fastest samples)" : ""),
  );
  console.log(
    `corpus: ${files.length} article files, ${fileBytes} bytes (${node.size?.textBytes ?? "?"} bytes of text)`,
  );
  console.log(table(rows));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `times: WASM in Node ${timings.wasmNodeSeconds.toFixed(1)} s, compromise in Node ${timings.compromiseNodeSeconds.toFixed(1)} s, Chromium page ${timings.chromiumSeconds.toFixed(1)} s, total ${seconds.toFixed(1)} s`,
  );
  writeFileSync(
    jsonOut,
    JSON.stringify({ date: new Date().toISOString(), load1, files: files.length, fileBytes, native, node, compromiseNode, browser, timings }, null, 2),
  );
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
