#!/usr/bin/env python3
"""Regenerates examples/wikinews-apple/ from ../shared/eval/meantime-dev.

usage: scripts/wikinews-apple.py [MEANTIME_DIR]

Copies the text of every article that corpora.tsv puts in the "apple" corpus
(the articles only, never the .gold.json annotations), keeping its title and
date and crediting it: source = "Wikinews", license = "Wikinews, CC BY 2.5".
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "eval", "meantime-dev"))
out = os.path.join(ROOT, "examples", "wikinews-apple")
tsv = os.path.join(src, "corpora.tsv")
names = []
with open(tsv, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 2:
            sys.exit(f"{tsv}:{i}: expected two tab-separated columns")
        if cols[1] == "apple":
            names.append(cols[0])
if not names:
    sys.exit(f"{tsv}: no article of the apple corpus")
os.makedirs(out, exist_ok=True)
for old in os.listdir(out):
    if old.endswith(".md"):
        os.remove(os.path.join(out, old))
for name in names:
    path = os.path.join(src, name + ".md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n", text, re.S)
    if not m:
        sys.exit(f"{path}:1: no front matter")
    keep = [l for l in m.group(1).split("\n") if re.match(r"(title|date) = ", l)]
    if not any(l.startswith("title = ") for l in keep):
        sys.exit(f"{path}: no title")
    front = "\n".join(keep + ['source = "Wikinews"', 'license = "Wikinews, CC BY 2.5"'])
    with open(os.path.join(out, name + ".md"), "w", encoding="utf-8") as f:
        f.write(f"+++\n{front}\n+++\n{text[m.end():]}")
print(f"{len(names)} articles in {os.path.relpath(out, ROOT)}")
