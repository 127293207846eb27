"""Checks labels.csv against docs/, the indicator dictionary and new_codes_labeller.csv.
Usage: python3 check_labels.py   (INDICATORS_CSV overrides the dictionary path)."""
import csv, os, re, sys, zipfile
from doctext import doc_text
HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.environ.get("INDICATORS_CSV", "/work/main/seeds/indicators.csv")
FIELDS = ["file","region_name","indicator_code","indicator_name_in_text","kind","year","value","unit","measure","comparator","sentence"]
KINDS = {"goal", "milestone", "baseline"}
MEASURES = {"level", "cumulative", "growth_rate"}
COMPS = {"=", ">="}

def main():
    errs = []
    codes = {r["indicator_code"] for r in csv.DictReader(open(DICT, encoding="utf-8"))}
    newc = {r["code"] for r in csv.DictReader(open(os.path.join(HERE, "new_codes_labeller.csv"), encoding="utf-8"))}
    for c in newc:
        if not c.startswith("NEW:") or not re.fullmatch(r"NEW:[a-z0-9_]+", c):
            errs.append(f"bad NEW code name {c}")
        if c[4:] in codes:
            errs.append(f"NEW code {c} duplicates a dictionary code")
    with open(os.path.join(HERE, "new_codes.csv"), encoding="utf-8") as f:
        nc = list(csv.reader(f))
    if nc[0] != ["label_code", "indicator_code"] or len(nc) != 1:
        errs.append("new_codes.csv must hold only the header label_code,indicator_code")

    docdir = os.path.join(HERE, "docs")
    docfiles = sorted(os.listdir(docdir))
    texts = {}
    for fn in docfiles:
        if not re.fullmatch(r"\d\d_[^_]+_.+\.(txt|docx)", fn):
            errs.append(f"bad doc name {fn}")
        texts[fn] = doc_text(os.path.join(docdir, fn))
        if fn.endswith(".docx"):
            with zipfile.ZipFile(os.path.join(docdir, fn)) as z:
                if "<w:tbl>" not in z.read("word/document.xml").decode("utf-8"):
                    errs.append(f"{fn}: no w:tbl")
    if sum(fn.endswith(".docx") for fn in docfiles) != 1:
        errs.append("expected exactly one .docx")

    with open(os.path.join(HERE, "labels.csv"), encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != FIELDS:
            errs.append(f"header {rd.fieldnames}")
        rows = list(rd)
    seen = set(); used_new = set()
    for i, r in enumerate(rows, start=2):
        tag = f"row {i} ({r['file'][:2]} {r['indicator_code']} {r['kind']} {r['year']} {r['value']})"
        if r["file"] not in texts:
            errs.append(f"{tag}: unknown file"); continue
        t, s = texts[r["file"]], r["sentence"]
        if not s or s not in t:
            errs.append(f"{tag}: sentence not a substring of the doc")
        if r["indicator_name_in_text"] not in s:
            errs.append(f"{tag}: indicator_name_in_text not in sentence")
        if r["value"] not in s and "翻一番" not in s:
            errs.append(f"{tag}: value not in sentence")
        if not re.fullmatch(r"\d+(\.\d+)?|两", r["value"]):
            errs.append(f"{tag}: odd value {r['value']!r}")
        c = r["indicator_code"]
        if c.startswith("NEW:"):
            used_new.add(c)
            if c not in newc: errs.append(f"{tag}: NEW code not in new_codes_labeller.csv")
        elif c not in codes:
            errs.append(f"{tag}: code not in dictionary")
        if r["kind"] not in KINDS: errs.append(f"{tag}: kind")
        if r["measure"] not in MEASURES: errs.append(f"{tag}: measure")
        if r["comparator"] not in COMPS: errs.append(f"{tag}: comparator")
        if r["kind"] == "baseline" and r["comparator"] != "=": errs.append(f"{tag}: baseline must use =")
        if not re.fullmatch(r"20\d\d", r["year"]): errs.append(f"{tag}: year")
        if not r["unit"] or not r["region_name"]: errs.append(f"{tag}: empty unit/region")
        if r["measure"] == "growth_rate" and r["unit"] not in ("%", "个百分点"): errs.append(f"{tag}: growth unit")
        key = (r["file"], r["region_name"], c, r["kind"], r["year"], r["measure"])
        if key in seen: errs.append(f"{tag}: duplicate (file, region, code, kind, year, measure)")
        seen.add(key)
    for c in newc - used_new:
        errs.append(f"NEW code {c} listed but unused")

    src = list(csv.DictReader(open(os.path.join(HERE, "sources.csv"), encoding="utf-8")))
    if [s["file"] for s in src] != docfiles:
        errs.append("sources.csv files != docs/")
    for s in src:
        if s["source_url"] != "synthetic" and not s["source_url"].startswith("http"):
            errs.append(f"sources: bad url for {s['file']}")
    labelled = {r["file"] for r in rows}
    for fn in docfiles:
        if fn not in labelled: errs.append(f"{fn}: no labels")
    for n in csv.DictReader(open(os.path.join(HERE, "label_notes.csv"), encoding="utf-8")):
        if n["file"] != "ALL" and n["file"] not in texts: errs.append(f"label_notes: unknown file {n['file']}")

    if errs:
        print("\n".join(errs)); print(f"FAIL: {len(errs)} problems in {len(rows)} rows"); sys.exit(1)
    print(f"OK: {len(rows)} rows, {len(docfiles)} docs")

if __name__ == "__main__":
    main()
