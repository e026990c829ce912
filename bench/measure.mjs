// Throughput measurements shared by Node and the Chromium page, so that both
// run exactly the same code. Rates are in MB/s (10^6 bytes per second).

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `work(rounds)` (which processes `bytes` bytes per round) until one
 * call lasts about `sliceMs`, then times `reps` such calls; returns the
 * fastest and the median rate in MB/s.
 */
export function measure(work, bytes, { sliceMs = 500, reps = 5 } = {}) {
  let rounds = 1;
  for (;;) {
    const t0 = performance.now();
    work(rounds);
    const ms = performance.now() - t0;
    if (ms >= sliceMs / 4 || rounds >= 1 << 20) {
      rounds = Math.max(1, Math.round((rounds * sliceMs) / Math.max(ms, 0.01)));
      break;
    }
    rounds *= 4;
  }
  const rates = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    work(rounds);
    const s = (performance.now() - t0) / 1000;
    rates.push((bytes * rounds) / Math.max(s, 1e-6) / 1e6);
  }
  // The machine may be shared: other work only ever slows a run down, so
  // the fastest run is the best estimate of the engine's own speed.
  return { best: Math.max(...rates), median: median(rates), rounds, reps };
}

/**
 * The WebAssembly build of the analysis (a module made by `wasm-bindgen
 * --target web`, already initialised) over the article files
 * `[{ path, bytes }]`. Returns both figures and the plain texts.
 */
export function measureWasm(wasm, files) {
  wasm.clear();
  const texts = files.map((f) => wasm.load(f.path, f.bytes));
  const fileBytes = wasm.corpus_bytes();
  const textBytes = wasm.text_bytes();
  const full = measure((n) => wasm.run(n), fileBytes);
  const analysis = measure((n) => wasm.run_analysis(n), textBytes);
  return { full, analysis, fileBytes, textBytes, texts };
}

/**
 * compromise with compromise-dates over plain texts: the people,
 * organisations, places and dates of each. One pass (it is slow), after a
 * warm-up on the first text.
 */
export function measureCompromise(nlp, texts) {
  const work = (t) => {
    const doc = nlp(t);
    return (
      doc.people().json().length +
      doc.organizations().json().length +
      doc.places().json().length +
      doc.dates().json().length
    );
  };
  const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
  if (texts.length) work(texts[0]);
  const t0 = performance.now();
  let found = 0;
  for (const t of texts) found += work(t);
  const s = (performance.now() - t0) / 1000;
  const mbps = bytes / s / 1e6;
  return { best: mbps, median: mbps, seconds: s, bytes, found };
}
