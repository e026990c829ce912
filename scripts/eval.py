#!/usr/bin/env python3
"""Scores the analyzer on an evaluation set (MEANTIME format).

usage: scripts/eval.py [GOLD_DIR] [--out DIR] [--json]

Runs `analyze` (release build) on every GOLD_DIR/*.md, converts its output to
the scorer's prediction format (PRED_DIR/NAME.json) and runs the scorer that
sits beside GOLD_DIR (../score_meantime.py). GOLD_DIR defaults to
../shared/eval/meantime-dev.
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
    subprocess.run(["cargo", "build", "--quiet", "--profile", "fast", "-p", "dossier-core", "--bin", "analyze"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "fast", "analyze")
    res = subprocess.run([exe, *files], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(res.stderr)
    for line in res.stdout.splitlines():
        doc = json.loads(line)
        name = os.path.basename(doc["file"])[:-3]
        pred = {
            "entities": [{"start": m["start"], "end": m["end"], "type": e["type"]}
                         for e in doc["entities"] for m in e["mentions"] if m["start"] is not None],
            "dates": [{"start": d["start"], "end": d["end"], "value": d["value"]}
                      for d in doc["dates"] if d["start"] is not None],
        }
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(pred, f)
    cmd = [sys.executable, scorer, gold, out] + (["--json"] if opt.json else [])
    sys.exit(subprocess.run(cmd).returncode)


if __name__ == "__main__":
    main()
