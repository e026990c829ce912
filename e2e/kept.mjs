// Release builds of another article set, made in a temporary copy of the
// project (bench/scale.mjs) and kept, keyed by the sources and the set, so a
// second run reuses them. Used by the tests of a split set and of the example set.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT } from "./helpers.mjs";
import { prepareCopy, buildRelease } from "../bench/scale.mjs";

/** A hash of everything the build reads (but the bundled articles), with `extra`. */
function sourceKey(extra) {
  const h = createHash("sha256");
  h.update(`${extra}\n`);
  const walk = (p) => {
    if (!existsSync(p)) return;
    const rel = relative(ROOT, p);
    if (rel === join("assets", "articles")) return;
    if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else h.update(`${rel}\n`).update(readFileSync(p));
  };
  for (const p of ["Cargo.toml", "Cargo.lock", "build.rs", "index.html", "Trunk.toml", "src", "core/src", "core/Cargo.toml", "core/data", "core/build.rs", "importer", "yours", "pages", "assets", "scripts/postbuild.mjs", "bench/gen-articles.mjs"]) {
    walk(join(ROOT, p));
  }
  return h.digest("hex").slice(0, 16);
}

/** The folder of kept build `name` of this checkout (two checkouts must not share one). */
export function keptDir(name) {
  return join(tmpdir(), `dossier-e2e-${name}-${createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}`);
}

/**
 * The release build `name` of the article files `paths()` (called only when a
 * build is needed), kept in `keptDir(name)` while `key` and the sources are
 * the same. Returns its dist folder.
 */
export function keptBuild(name, key, paths) {
  const work = keptDir(name);
  const stamp = join(work, "built-from");
  const want = sourceKey(key);
  const dist = join(work, "copy", "dist");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want && existsSync(join(dist, "index.html"))) {
    return dist;
  }
  const files = paths(work);
  console.error(`${name}: building ${files.length} articles in ${work} (release) ...`);
  prepareCopy(join(work, "copy"), files);
  buildRelease(join(work, "copy"));
  writeFileSync(stamp, want);
  return dist;
}
