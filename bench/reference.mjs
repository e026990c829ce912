// Which part of each article the reference figures score.
//
// `../shared/README.md` gives compromise (+ compromise-dates) an entity F1 of
// 0.540 and a date detection F1 of 0.828 on the development set, with the
// same scorer as dossier. This script runs that compromise on every article
// twice, once on the body alone (the text after the front matter) and once
// on the whole file, converts its people, organisations, places and dates to
// the scorer's format and scores both. The scope that reproduces the
// reference figures is the one they were measured on.
//
//   node bench/reference.mjs [--gold DIR] [--out DIR]
//
// GOLD defaults to ../shared/eval/meantime-dev beside the repository; the
// scorer is GOLD/../score_meantime.py.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import nlp from "compromise";
import datesPlugin from "compromise-dates";

import { opt } from "./args.mjs";

nlp.plugin(datesPlugin);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const gold = resolve(opt("--gold", join(root, "..", "shared", "eval", "meantime-dev")));
const out = resolve(opt("--out", mkdtempSync(join(tmpdir(), "dossier-reference-"))));
const scorer = join(dirname(gold), "score_meantime.py");

/** Byte offset of the body: after the line that closes the front matter. */
function bodyStart(text) {
  const close = text.indexOf("\n+++", 3);
  if (!text.startsWith("+++") || close < 0) return 0;
  const end = text.indexOf("\n", close + 1);
  return end < 0 ? text.length : end + 1;
}

/** compromise's finds in `text` (which starts at character `base` of `raw`), as UTF-8 byte spans of `raw`. */
function predict(raw, base) {
  const doc = nlp(raw.slice(base));
  const byte = (c) => Buffer.byteLength(raw.slice(0, base + c), "utf8");
  const spans = (sel) =>
    sel
      .json({ offset: true })
      .filter((m) => m.offset)
      .map((m) => ({ start: byte(m.offset.start), end: byte(m.offset.start + m.offset.length) }));
  const entities = [
    ...spans(doc.people()).map((s) => ({ ...s, type: "person" })),
    ...spans(doc.organizations()).map((s) => ({ ...s, type: "organization" })),
    ...spans(doc.places()).map((s) => ({ ...s, type: "place" })),
  ];
  const dates = [...spans(doc.dates()), ...spans(doc.durations()), ...spans(doc.times())].map((s) => ({ ...s, value: "" }));
  return { entities, dates };
}

const files = readdirSync(gold).filter((f) => f.endsWith(".md")).sort();
if (!files.length) {
  console.error(`reference: no .md articles in ${gold}`);
  process.exit(1);
}
const scores = {};
for (const scope of ["body", "whole"]) {
  const dir = join(out, scope);
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const raw = readFileSync(join(gold, f), "utf8");
    const base = scope === "body" ? bodyStart(raw) : 0;
    writeFileSync(join(dir, f.replace(/\.md$/, ".json")), JSON.stringify(predict(raw, base)));
  }
  scores[scope] = JSON.parse(execFileSync("python3", [scorer, gold, dir, "--json"], { encoding: "utf8" }));
}
console.log(`compromise on ${files.length} articles of ${gold}, scored by ${scorer}`);
console.log("| figure | body | whole file | ../shared/README.md |");
console.log("|---|---:|---:|---:|");
console.log(`| entity F1, lenient, typed | ${scores.body.ent_lenient.f1.toFixed(3)} | ${scores.whole.ent_lenient.f1.toFixed(3)} | 0.540 |`);
console.log(`| date detection F1 | ${scores.body.date_detect.f1.toFixed(3)} | ${scores.whole.date_detect.f1.toFixed(3)} | 0.828 |`);
console.log(`predictions: ${out}`);
