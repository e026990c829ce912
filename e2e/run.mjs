// Runs the end-to-end tests one file at a time and ends with a one-line summary:
//   e2e: N passed, N failed
// Exit status 1 when anything failed.

import { run } from "node:test";
import { spec } from "node:test/reporters";
import { readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".test.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(here, f));

let passed = 0;
let failed = 0;
let skipped = 0;
const isSuite = (data) => data.details?.type === "suite";
const start = Date.now();
const stream = run({ files, concurrency: 1, timeout: 10 * 60 * 1000 });
stream.on("test:pass", (data) => {
  if (isSuite(data)) return;
  if (data.skip || data.todo) skipped++;
  else passed++;
});
stream.on("test:fail", (data) => {
  // A suite fails on its own only when a hook of it failed; otherwise its
  // failing tests are already counted.
  if (!isSuite(data) || data.details?.error?.failureType !== "subtestsFailed") failed++;
});
process.on("exit", () => {
  const secs = ((Date.now() - start) / 1000).toFixed(0);
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (${secs} s)`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
});
// `spec` is a class on recent Node versions and a transform function on older ones.
let reporter;
try {
  reporter = new spec();
} catch {
  reporter = spec;
}
stream.compose(reporter).pipe(process.stdout);
