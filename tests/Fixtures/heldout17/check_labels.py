#!/usr/bin/env python3
"""Checks labels.csv against docs/, the indicator dictionary and new_codes_labeller.csv.

Usage: python3 check_labels.py   (INDICATORS_CSV overrides the dictionary path)
"""
import csv, os, sys, zipfile
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.environ.get("INDICATORS_CSV", "/work/main/seeds/indicators.csv")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HEADER = ["file", "region_name", "indicator_code", "indicator_name_in_text", "kind", "year",
          "value", "unit", "measure", "comparator", "sentence"]
KINDS = {"goal", "milestone", "baseline"}
MEASURES = {"level", "cumulative", "growth_rate"}
COMPARATORS = {"=", ">="}
# plan end year per file: goals must be at it, milestones before it, baselines before the plan starts
PLAN = {
    "01": (2026, 2030), "02": (2026, 2028), "03": (2026, 2028), "04": (2026, 2030), "05": (2026, 2030),
    "06": (2026, 2028), "07": (2027, 2027), "08": (2026, 2028), "09": (2026, 2028), "10": (2026, 2030),
}
# (file prefix, code, year, kind) -> reason, for rows whose name/value is not literally in the sentence
EXCEPTIONS = {}


def para_text(p):
    return "".join(t.text or "" for t in p.iter(W + "t"))


def docx_text(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    lines = []
    for el in body:
        if el.tag == W + "p":
            lines.append(para_text(el))
        elif el.tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    cells.append("\n".join(para_text(p) for p in tc.findall(W + "p")))
                lines.append("\t".join(cells))
    return "\n".join(lines)


def doc_text(name):
    path = os.path.join(HERE, "docs", name)
    if name.endswith(".docx"):
        return docx_text(path)
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    errors = []
    with open(DICT, encoding="utf-8") as f:
        dict_codes = {r["indicator_code"] for r in csv.DictReader(f)}
    with open(os.path.join(HERE, "new_codes_labeller.csv"), encoding="utf-8") as f:
        new_codes = {r["code"] for r in csv.DictReader(f)}
    for c in new_codes:
        if not c.startswith("NEW:"):
            errors.append("new_codes_labeller.csv: code without NEW: prefix: %s" % c)
    with open(os.path.join(HERE, "new_codes.csv"), encoding="utf-8") as f:
        nc = list(csv.reader(f))
    if nc[0] != ["label_code", "indicator_code"]:
        errors.append("new_codes.csv header wrong: %r" % nc[0])

    with open(os.path.join(HERE, "labels.csv"), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    if header != HEADER:
        errors.append("labels.csv header wrong: %r" % header)

    docs = sorted(os.listdir(os.path.join(HERE, "docs")))
    with open(os.path.join(HERE, "sources.csv"), encoding="utf-8") as f:
        src = list(csv.DictReader(f))
    src_files = {r["file"]: r for r in src}
    if sorted(src_files) != docs:
        errors.append("sources.csv files != docs/: %s" % (set(src_files) ^ set(docs)))
    for r in src:
        if r["source_url"] != "synthetic" or r["retrieved_via"] != "written by the labeller to imitate published plans":
            errors.append("sources.csv row not marked synthetic: %s" % r["file"])
    texts = {d: doc_text(d) for d in docs}
    used_codes = set()
    seen = Counter()
    for i, r in enumerate(rows, start=2):
        where = "labels.csv row %d (%s %s %s %s)" % (i, r["file"][:2], r["indicator_code"], r["kind"], r["year"])
        if r["file"] not in texts:
            errors.append(where + ": file not in docs/")
            continue
        if src_files.get(r["file"], {}).get("region_name") != r["region_name"]:
            errors.append(where + ": region_name differs from sources.csv")
        text, sent = texts[r["file"]], r["sentence"]
        if sent not in text:
            errors.append(where + ": sentence not in doc")
        exc = EXCEPTIONS.get((r["file"][:2], r["indicator_code"], r["year"], r["kind"]))
        if not exc:
            if r["indicator_name_in_text"] not in sent:
                errors.append(where + ": name %r not in sentence" % r["indicator_name_in_text"])
            if r["value"] not in sent:
                errors.append(where + ": value %r not in sentence" % r["value"])
        try:
            float(r["value"])
        except ValueError:
            errors.append(where + ": value not numeric")
        code = r["indicator_code"]
        used_codes.add(code)
        if code.startswith("NEW:"):
            if code not in new_codes:
                errors.append(where + ": NEW code not in new_codes_labeller.csv")
        elif code not in dict_codes:
            errors.append(where + ": code not in dictionary")
        if r["kind"] not in KINDS:
            errors.append(where + ": bad kind")
        if r["measure"] not in MEASURES:
            errors.append(where + ": bad measure")
        if r["comparator"] not in COMPARATORS:
            errors.append(where + ": bad comparator")
        if r["kind"] == "baseline" and r["comparator"] != "=":
            errors.append(where + ": baseline must use =")
        if not r["unit"]:
            errors.append(where + ": empty unit")
        start, end = PLAN[r["file"][:2]]
        y = int(r["year"])
        if r["kind"] == "goal" and y != end:
            errors.append(where + ": goal year != plan end %d" % end)
        if r["kind"] == "milestone" and not (start <= y < end):
            errors.append(where + ": milestone year outside plan")
        if r["kind"] == "baseline" and y >= start:
            errors.append(where + ": baseline year not before plan start")
        key = (r["file"], r["region_name"], code, r["kind"], r["year"], r["measure"])
        seen[key] += 1
    for k, n in seen.items():
        if n > 1:
            errors.append("duplicate (file, region, code, kind, year, measure): %r x%d" % (k, n))
    unused = new_codes - used_codes
    if unused:
        errors.append("NEW codes listed but unused: %s" % unused)
    if errors:
        print("\n".join(errors))
        print("FAIL: %d problems in %d rows" % (len(errors), len(rows)))
        sys.exit(1)
    kinds = Counter(r["kind"] for r in rows)
    print("OK: %d rows; %s" % (len(rows), dict(kinds)))


if __name__ == "__main__":
    main()
