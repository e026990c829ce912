#!/usr/bin/env python3
"""Scores the analyzer on an evaluation set (MEANTIME format).

usage: scripts/eval.py [GOLD_DIR] [--out DIR] [--json]

Runs `analyze` on every GOLD_DIR/*.md, converts its output to the scorer's
prediction format (PRED_DIR/NAME.json) and runs the scorer that sits beside
GOLD_DIR (../score_meantime.py). GOLD_DIR defaults to
../shared/eval/meantime-dev.

The gold annotates the opening sentences of each body and nothing in the
front matter, although the analyzer also reads the title. So the scores are
given twice: for the body alone (the headline figure) and for the whole file,
where every correct find in a title counts as a false positive. The body is
also the scope of the reference figures in ../shared/README.md: scored on the
body alone, compromise gives exactly their 0.540 entity F1 and 0.83 date F1,
on the whole file 0.51 and 0.68 (`make eval-reference`, bench/reference.mjs).

Where GOLD_DIR holds a corpora.tsv (article, corpus), the body is also
scored corpus by corpus. The rules were written while reading the whole dev
set, so no corpus is truly unseen; the per-corpus columns show whether a
change helps one corpus at the other's expense, which is the sign of a rule
fitted to one set of articles rather than to news.
"""
import argparse, glob, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=os.path.join(ROOT, "..", "shared", "eval", "meantime-dev"))
    ap.add_argument("--out", help="where to write the predictions (default: a temporary folder)")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    opt = ap.parse_args()
    gold = os.path.abspath(opt.gold)
    out = opt.out or tempfile.mkdtemp(prefix="dossier-eval-")
    os.makedirs(out, exist_ok=True)
    scorer = os.path.join(os.path.dirname(gold), "score_meantime.py")
    files = sorted(glob.glob(os.path.join(gold, "*.md")))
    if not files:
        sys.exit(f"no .md articles in {gold}")
    exe = build_analyzer()
    res = subprocess.run([exe, *files], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(res.stderr)
    for scope in ("body", "whole"):
        os.makedirs(os.path.join(out, scope), exist_ok=True)
    for line in res.stdout.splitlines():
        doc = json.loads(line)
        name = os.path.basename(doc["file"])[:-3]
        start = body_start(doc["file"])
        pred = {
            "entities": [{"start": m["start"], "end": m["end"], "type": e["type"]}
                         for e in doc["entities"] for m in e["mentions"] if m["start"] is not None],
            "dates": [{"start": d["start"], "end": d["end"], "value": d["value"]}
                      for d in doc["dates"] if d["start"] is not None],
        }
        body = {k: [x for x in v if x["start"] >= start] for k, v in pred.items()}
        for scope, p in (("body", body), ("whole", pred)):
            with open(os.path.join(out, scope, name + ".json"), "w") as f:
                json.dump(p, f)
    scores = {}
    for scope in ("body", "whole"):
        scores[scope] = score(scorer, gold, os.path.join(out, scope))
    corpora = read_corpora(gold)
    for corpus, names in sorted(corpora.items()):
        sub = os.path.join(out, "gold-" + corpus)
        os.makedirs(sub, exist_ok=True)
        for name in names:
            link = os.path.join(sub, name + ".gold.json")
            if not os.path.lexists(link):
                os.symlink(os.path.join(gold, name + ".gold.json"), link)
        scores["corpus:" + corpus] = score(scorer, sub, os.path.join(out, "body"))
    if opt.json:
        print(json.dumps(scores))
        return
    rows = [("entity F1 (lenient, typed)", lambda s: s["ent_lenient"]["f1"]),
            ("  precision", lambda s: s["ent_lenient"]["p"]),
            ("  recall", lambda s: s["ent_lenient"]["r"]),
            ("  PER F1", lambda s: s["f1_PER"]),
            ("  ORG F1", lambda s: s["f1_ORG"]),
            ("  LOC F1", lambda s: s["f1_LOC"]),
            ("entity F1 (strict, typed)", lambda s: s["ent_strict"]["f1"]),
            ("date detection F1", lambda s: s["date_detect"]["f1"]),
            ("  precision", lambda s: s["date_detect"]["p"]),
            ("  recall", lambda s: s["date_detect"]["r"]),
            ("date value accuracy", lambda s: s["date_value_acc"])]
    print(f"{scores['body']['docs']} articles in {gold}")
    cols = [("body", "body"), ("whole file", "whole")]
    cols += [(f"body: {k[7:]}", k) for k in scores if k.startswith("corpus:")]
    widths = [max(8, len(title)) for title, _ in cols]
    print(f"{'':30} " + " ".join(f"{t:>{w}}" for (t, _), w in zip(cols, widths)))
    for label, get in rows:
        print(f"{label:30} " + " ".join(f"{get(scores[k]):>{w}.3f}" for (_, k), w in zip(cols, widths)))
    gaps = [abs(get(scores[a]) - get(scores[b])) for label, get in rows[:1] + rows[7:8] + rows[-1:]
            for a in scores if a.startswith("corpus:") for b in scores if b.startswith("corpus:") and a < b]
    if gaps:
        print(f"largest gap between corpora (entity F1, date F1, date values): {max(gaps):.3f}")
    print(f"predictions: {out}")


def build_analyzer():
    """Builds `analyze` in the quick optimised profile; returns its path."""
    subprocess.run(["cargo", "build", "--quiet", "--profile", "fast", "-p", "dossier-core", "--bin", "analyze"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "fast", "analyze")


def score(scorer, gold, pred):
    r = subprocess.run([sys.executable, scorer, gold, pred, "--json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def read_corpora(gold):
    """corpus -> article names, from GOLD_DIR/corpora.tsv (empty if there is none)."""
    path = os.path.join(gold, "corpora.tsv")
    if not os.path.exists(path):
        return {}
    corpora = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cells = line.rstrip("\n").split("\t")
            if n == 1 and cells[:2] == ["article", "corpus"]:
                continue
            if len(cells) != 2 or not cells[0] or not cells[1]:
                sys.exit(f"{path}:{n}: expected two tab-separated cells: article, corpus")
            if not os.path.exists(os.path.join(gold, cells[0] + ".gold.json")):
                sys.exit(f"{path}:{n}: no gold file for {cells[0]}")
            corpora.setdefault(cells[1], []).append(cells[0])
    return corpora


def body_start(path):
    """Byte offset where the body starts: after the closing `+++` line."""
    data = open(path, "rb").read()
    first = data.find(b"\n")
    close = data.find(b"\n+++", first)
    if first < 0 or close < 0:
        return 0
    end = data.find(b"\n", close + 1)
    return len(data) if end < 0 else end + 1


if __name__ == "__main__":
    main()
