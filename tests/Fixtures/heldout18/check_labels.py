#!/usr/bin/env python3
"""Checks heldout18/labels.csv against docs/, the indicator dictionary and new_codes_labeller.csv."""
import csv, os, sys, zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
IND = os.environ.get('INDICATORS_CSV', '/work/main/seeds/indicators.csv')
HEADER = ['file', 'region_name', 'indicator_code', 'indicator_name_in_text', 'kind', 'year',
          'value', 'unit', 'measure', 'comparator', 'sentence']
KINDS = {'goal', 'milestone', 'baseline'}
MEASURES = {'level', 'cumulative', 'growth_rate'}
COMPARATORS = {'=', '>='}
# Known, deliberate exceptions to "name/value is a literal substring of the sentence": (file, code, kind, year, measure) -> reason
EXCEPTIONS = {}

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

def docx_text(path):
    """Paragraphs on their own lines; a table row's cells joined by tabs."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    lines = []
    def ptext(p):
        return ''.join(t.text or '' for t in p.iter(W + 't'))
    for el in body:
        if el.tag == W + 'p':
            lines.append(ptext(el))
        elif el.tag == W + 'tbl':
            for tr in el.iter(W + 'tr'):
                cells = []
                for tc in tr.findall(W + 'tc'):
                    cells.append(''.join(ptext(p) for p in tc.findall(W + 'p')))
                lines.append('\t'.join(cells))
    return '\n'.join(lines)

def doc_text(name):
    p = os.path.join(DOCS, name)
    if name.endswith('.docx'):
        return docx_text(p)
    with open(p, encoding='utf-8') as f:
        return f.read()

def main():
    errors = []
    codes = set()
    with open(IND, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            codes.add(r['indicator_code'])
    new_codes = set()
    with open(os.path.join(HERE, 'new_codes_labeller.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            new_codes.add(r['code'])
    with open(os.path.join(HERE, 'new_codes.csv'), encoding='utf-8') as f:
        if f.readline().strip() != 'label_code,indicator_code':
            errors.append('new_codes.csv header wrong')
    docs = sorted(os.listdir(DOCS))
    texts = {d: doc_text(d) for d in docs}
    with open(os.path.join(HERE, 'sources.csv'), encoding='utf-8') as f:
        src_files = [r['file'] for r in csv.DictReader(f)]
    if sorted(src_files) != docs:
        errors.append(f'sources.csv files {sorted(src_files)} != docs {docs}')
    seen = {}
    used_new = set()
    labelled_files = set()
    with open(os.path.join(HERE, 'labels.csv'), encoding='utf-8', newline='') as f:
        rd = csv.reader(f)
        hdr = next(rd)
        if hdr != HEADER:
            errors.append(f'header {hdr}')
        rows = list(rd)
    for i, r in enumerate(rows, start=2):
        if len(r) != len(HEADER):
            errors.append(f'line {i}: {len(r)} fields'); continue
        d = dict(zip(HEADER, r))
        fn = d['file']; labelled_files.add(fn)
        if fn not in texts:
            errors.append(f'line {i}: unknown file {fn}'); continue
        s = d['sentence']
        if s not in texts[fn]:
            errors.append(f'line {i}: sentence not in doc: {s[:40]}')
        exc_key = (fn, d['indicator_code'], d['kind'], d['year'], d['measure'])
        if d['indicator_name_in_text'] not in s and exc_key not in EXCEPTIONS:
            errors.append(f'line {i}: name {d["indicator_name_in_text"]} not in sentence')
        if d['value'] not in s and exc_key not in EXCEPTIONS:
            errors.append(f'line {i}: value {d["value"]} not in sentence')
        try:
            float(d['value'])
        except ValueError:
            errors.append(f'line {i}: value not numeric {d["value"]}')
        if not d['year'].isdigit() or not 2020 <= int(d['year']) <= 2035:
            errors.append(f'line {i}: bad year {d["year"]}')
        c = d['indicator_code']
        if c.startswith('NEW:'):
            used_new.add(c)
            if c not in new_codes:
                errors.append(f'line {i}: {c} not in new_codes_labeller.csv')
        elif c not in codes:
            errors.append(f'line {i}: unknown code {c}')
        if d['kind'] not in KINDS: errors.append(f'line {i}: kind {d["kind"]}')
        if d['measure'] not in MEASURES: errors.append(f'line {i}: measure {d["measure"]}')
        if d['comparator'] not in COMPARATORS: errors.append(f'line {i}: comparator {d["comparator"]}')
        if d['kind'] == 'baseline' and d['comparator'] != '=':
            errors.append(f'line {i}: baseline with comparator {d["comparator"]}')
        if not d['unit']: errors.append(f'line {i}: empty unit')
        key = (fn, d['region_name'], c, d['kind'], d['year'], d['measure'])
        if key in seen:
            errors.append(f'line {i}: duplicate of line {seen[key]} {key}')
        seen[key] = i
    for c in sorted(new_codes - used_new):
        errors.append(f'NEW code listed but unused: {c}')
    for d in docs:
        if d not in labelled_files:
            errors.append(f'doc without labels: {d}')
    with open(os.path.join(HERE, 'label_notes.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['file'] not in texts and r['file'] != '*':
                errors.append(f'label_notes: unknown file {r["file"]}')
    for e in errors:
        print('ERROR', e)
    print(f'{len(rows)} rows, {len(errors)} errors')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
