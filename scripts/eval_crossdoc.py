#!/usr/bin/env python3
"""Scores entity linking across articles (`analyze --set`).

usage: scripts/eval_crossdoc.py [GOLD_DIR] [--json]

Runs `analyze --set` on every GOLD_DIR/*.md as one set and scores it with the
scorer beside GOLD_DIR (../score_crossdoc.py), then the same with `--names`
(linking by lower-cased name, the baseline). When GOLD_DIR has a corpora.tsv
(article, corpus), each corpus is also linked and scored as a set of its own.
GOLD_DIR defaults to ../shared/eval/meantime-dev.
"""
import argparse, glob, json, os, subprocess, sys

from eval import ROOT, build_analyzer, read_corpora


def score(exe, scorer, gold, files):
    res = subprocess.run([exe, "--set", *files], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(res.stderr)
    out = {}
    for name, extra in (("linked", []), ("names", ["--names"])):
        s = subprocess.run([sys.executable, scorer, gold, *extra], input=res.stdout,
                           capture_output=True, text=True, check=True)
        out[name] = json.loads(s.stdout)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=os.path.join(ROOT, "..", "shared", "eval", "meantime-dev"))
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    opt = ap.parse_args()
    gold = os.path.abspath(opt.gold)
    scorer = os.path.join(os.path.dirname(gold), "score_crossdoc.py")
    files = sorted(glob.glob(os.path.join(gold, "*.md")))
    if not files:
        sys.exit(f"no .md articles in {gold}")
    exe = build_analyzer()
    sets = {"all": files}
    for corpus, names in sorted(read_corpora(gold).items()):
        sets[corpus] = [os.path.join(gold, name + ".md") for name in names]
    scores = {name: score(exe, scorer, gold, fs) for name, fs in sets.items()}
    if opt.json:
        print(json.dumps(scores))
        return
    print(f"{'set':<8} {'articles':>8} {'entities':>8}   {'B3 F1':>6} {'(names)':>7}   {'pair F1':>7} {'(names)':>7}")
    for name, s in scores.items():
        l, n = s["linked"], s["names"]
        print(f"{name:<8} {len(sets[name]):>8} {l['article_entities']:>8}   {l['b3_f1']:>6.3f} {n['b3_f1']:>7.3f}"
              f"   {l['link_f1']:>7.3f} {n['link_f1']:>7.3f}")


if __name__ == "__main__":
    main()
