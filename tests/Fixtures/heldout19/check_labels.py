#!/usr/bin/env python3
"""Checks labels.csv against docs/, the indicator dictionary and new_codes_labeller.csv.

Usage: python3 check_labels.py   (INDICATORS_CSV overrides the dictionary path)
"""
import csv, os, re, sys, zipfile
from collections import Counter
from xml.etree import ElementTree as ET

H = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(H, "docs")
IND = os.environ.get("INDICATORS_CSV", "/work/main/seeds/indicators.csv")
HEADER = ["file", "region_name", "indicator_code", "indicator_name_in_text", "kind", "year",
          "value", "unit", "measure", "comparator", "sentence"]
KINDS = {"goal", "milestone", "baseline"}
MEASURES = {"level", "cumulative", "growth_rate"}
COMPARATORS = {"=", ">="}
# Rows whose value or name is knowingly not a literal substring of the sentence: (file, code, kind, year, measure)
EXCEPTIONS = set()

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def docx_text(path):
    """Paragraphs on their own lines; a table row's cells joined by tabs."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    def ptext(p):
        return "".join(t.text or "" for t in p.iter(W + "t"))
    lines = []
    for el in body:
        if el.tag == W + "p":
            lines.append(ptext(el))
        elif el.tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    cells.append("\n".join(ptext(p) for p in tc.findall(W + "p")))
                lines.append("\t".join(cells))
    return "\n".join(lines)

def doc_text(fn):
    p = os.path.join(DOCS, fn)
    if fn.endswith(".docx"):
        return docx_text(p)
    with open(p, encoding="utf-8") as f:
        return f.read()

def main():
    errors = []
    codes = set()
    with open(IND, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            codes.add(r["indicator_code"])
    new_codes = set()
    with open(os.path.join(H, "new_codes_labeller.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            new_codes.add(r["code"])
    with open(os.path.join(H, "new_codes.csv"), encoding="utf-8") as f:
        if f.read().strip().splitlines() != ["label_code,indicator_code"]:
            errors.append("new_codes.csv must hold only its header")

    docs = sorted(os.listdir(DOCS))
    texts = {fn: doc_text(fn) for fn in docs}
    for fn in docs:
        if not re.match(r"^\d\d_[^_]+_.+\.(txt|docx)$", fn):
            errors.append("bad doc name: " + fn)
    with open(os.path.join(H, "sources.csv"), encoding="utf-8") as f:
        src = list(csv.DictReader(f))
    src_files = {r["file"] for r in src}
    if src_files != set(docs):
        errors.append("sources.csv files differ from docs/: %s" % (src_files ^ set(docs)))
    for r in src:
        if r["source_url"] != "synthetic" or r["retrieved_via"] != "written by the labeller to imitate published plans":
            errors.append("sources.csv row not marked synthetic: " + r["file"])

    with open(os.path.join(H, "labels.csv"), encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        rows = [dict(zip(header, r)) for r in rd]
    if header != HEADER:
        errors.append("bad header: %s" % header)
    seen = Counter()
    for i, r in enumerate(rows, start=2):
        where = "row %d (%s %s %s %s)" % (i, r["file"][:2], r["indicator_code"], r["kind"], r["year"])
        fn = r["file"]
        if fn not in texts:
            errors.append(where + ": unknown file"); continue
        region = fn.split("_")[1]
        if r["region_name"] != region:
            errors.append(where + ": region %s != file's %s" % (r["region_name"], region))
        if r["sentence"] not in texts[fn]:
            errors.append(where + ": sentence not in doc")
        key = (fn, r["indicator_code"], r["kind"], r["year"], r["measure"])
        if key not in EXCEPTIONS:
            if r["value"] not in r["sentence"]:
                errors.append(where + ": value %r not in sentence" % r["value"])
            if r["indicator_name_in_text"] not in r["sentence"]:
                errors.append(where + ": name %r not in sentence" % r["indicator_name_in_text"])
        code = r["indicator_code"]
        if code.startswith("NEW:"):
            if code not in new_codes:
                errors.append(where + ": NEW code not in new_codes_labeller.csv")
        elif code not in codes:
            errors.append(where + ": code not in dictionary")
        if r["kind"] not in KINDS: errors.append(where + ": bad kind")
        if r["measure"] not in MEASURES: errors.append(where + ": bad measure")
        if r["comparator"] not in COMPARATORS: errors.append(where + ": bad comparator")
        if r["kind"] == "baseline" and r["comparator"] != "=":
            errors.append(where + ": baseline must use =")
        if not re.fullmatch(r"\d+(\.\d+)?", r["value"]):
            errors.append(where + ": value not numeric")
        if not re.fullmatch(r"20\d\d", r["year"]):
            errors.append(where + ": bad year")
        else:
            y = int(r["year"])
            if r["kind"] == "baseline" and y > 2025: errors.append(where + ": baseline after 2025")
            if r["kind"] == "goal" and y < 2030: errors.append(where + ": goal before 2030")
            if r["kind"] == "milestone" and not 2026 <= y <= 2029: errors.append(where + ": milestone year")
        seen[(fn, r["region_name"], code, r["kind"], r["year"], r["measure"])] += 1
    for k, n in seen.items():
        if n > 1:
            errors.append("duplicate: %s x%d" % (k, n))
    unused = new_codes - {r["indicator_code"] for r in rows}
    if unused:
        errors.append("NEW codes never used: %s" % unused)
    for e in errors:
        print("FAIL", e)
    kinds = Counter(r["kind"] for r in rows)
    print("%d rows; %s; %d errors" % (len(rows), dict(kinds), len(errors)))
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
