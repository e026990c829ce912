// Generates benchmark articles from the bodies of the dev-set articles.
//
//   node bench/gen-articles.mjs --out DIR [--size BYTES] [--count N] [--src DIR]
//
// Writes N articles (default 1) of about BYTES each (default 1 MB) into DIR,
// as Markdown with TOML front matter. Each body is the dev-set bodies
// (../shared/eval/meantime-dev/*.md, front matter removed), paragraph by
// paragraph, repeated until the size is reached; article k starts k bodies
// further on, so the articles differ. Each article has its own slug
// (`bench-SIZE`, or `bench-SIZE-K` when there are several). Never write into
// assets/articles: the set is built from a temporary copy of the project (see
// bench/interaction.mjs and bench/scale.mjs).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { opt } from "./args.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The Markdown bodies (front matter removed) of the dev-set articles. */
export function devBodies(src = join(ROOT, "..", "shared", "eval", "meantime-dev")) {
  const files = readdirSync(src).filter((f) => f.endsWith(".md")).sort();
  if (!files.length) throw new Error(`no .md articles in ${src}`);
  return files.map((f) => {
    const text = readFileSync(join(src, f), "utf8");
    const m = text.match(/^\+\+\+\n[\s\S]*?\n\+\+\+\n/);
    return (m ? text.slice(m[0].length) : text).trim();
  });
}

/** One article of about `size` bytes; `k` picks where in the bodies it starts. */
export function article(bodies, size, k = 0) {
  const head = `+++\ntitle = "Benchmark article ${k + 1}: ${size} bytes of news"\ndate = "2010-01-01"\nsection = "Benchmark"\n+++\n\n`;
  // Whole paragraphs, so that an article can be smaller than one body.
  const paras = bodies.flatMap((b) => b.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
  let at = 0;
  for (let i = 0; i < k % bodies.length; i++) at += bodies[i].split(/\n\s*\n/).filter((p) => p.trim()).length;
  const parts = [];
  let n = head.length;
  for (let i = at; n < size || !parts.length; i++) {
    const p = paras[i % paras.length];
    parts.push(p);
    n += Buffer.byteLength(p) + 2;
  }
  return head + parts.join("\n\n") + "\n";
}

/** Writes `count` articles of about `size` bytes into `out`; returns the paths. */
export function generate({ out, size = 1_000_000, count = 1, src } = {}) {
  const bodies = devBodies(src);
  mkdirSync(out, { recursive: true });
  const width = String(count).length;
  const paths = [];
  for (let k = 0; k < count; k++) {
    const name = `bench-${size}${count > 1 ? `-${k + 1}` : ""}`;
    const p = join(out, `${String(k).padStart(width, "0")}-${name}.md`);
    writeFileSync(p, article(bodies, size, k));
    paths.push(p);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = opt("--out", null);
  if (!out) {
    console.error("usage: node bench/gen-articles.mjs --out DIR [--size BYTES] [--count N] [--src DIR]");
    process.exit(2);
  }
  if (resolve(out).startsWith(join(ROOT, "assets"))) {
    console.error("refusing to write generated articles into the project's assets");
    process.exit(2);
  }
  const paths = generate({ out, size: Number(opt("--size", "1000000")), count: Number(opt("--count", "1")), src: opt("--src", undefined) });
  console.log(`${paths.length} article(s) in ${resolve(out)}`);
}
