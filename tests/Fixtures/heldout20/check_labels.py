"""Checks heldout20/labels.csv against docs/, the indicator dictionary and new_codes_labeller.csv."""
import csv, os, re, sys, zipfile
from collections import Counter
from xml.etree import ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
IND = os.environ.get('INDICATORS_CSV', '/work/main/seeds/indicators.csv')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
HEADER = ['file','region_name','indicator_code','indicator_name_in_text','kind','year','value','unit','measure','comparator','sentence']
KINDS = {'goal', 'milestone', 'baseline'}
MEASURES = {'level', 'growth_rate', 'cumulative'}
COMPARATORS = {'=', '>=', '<='}
# rows whose value is not written literally in the sentence (file, code, kind, year, measure) -> reason
VALUE_EXCEPTIONS = {
    ('03_湘西土家族苗族自治州_地理标志运用促进专项行动方案.txt', 'gi_special_mark_users', 'goal', '2028', 'growth_rate'):
        '较2025年翻一番 written as growth_rate 100 %',
}
NAME_EXCEPTIONS = {}
# tables whose indicator names are column headers: the name is checked against the header line instead
HEADER_LINES = {
    '09_汕头市_海外知识产权纠纷应对专项行动方案.txt': '年度 | 指導服務企業（家） | 指導應對海外糾紛（件） | PCT國際專利申請量（件） | 海外侵權責任保險投保企業（家）',
}

def para_text(p):
    return ''.join(t.text or '' for t in p.iter(W + 't'))

def docx_text(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    lines = []
    for el in body:
        if el.tag == W + 'p':
            lines.append(para_text(el))
        elif el.tag == W + 'tbl':
            for tr in el.findall(W + 'tr'):
                cells = ['\n'.join(para_text(p) for p in tc.findall(W + 'p')) for tc in tr.findall(W + 'tc')]
                lines.append('\t'.join(cells))
    return '\n'.join(lines)

def doc_text(name):
    path = os.path.join(DOCS, name)
    if name.endswith('.docx'):
        return docx_text(path)
    with open(path, encoding='utf-8') as fh:
        return fh.read()

def main():
    errors = []
    codes = set()
    with open(IND, encoding='utf-8') as fh:
        for r in csv.DictReader(fh):
            codes.add(r['indicator_code'])
    new_codes = set()
    with open(os.path.join(HERE, 'new_codes_labeller.csv'), encoding='utf-8') as fh:
        for r in csv.DictReader(fh):
            new_codes.add(r['code'])
    with open(os.path.join(HERE, 'new_codes.csv'), encoding='utf-8') as fh:
        if fh.read().strip() != 'label_code,indicator_code':
            errors.append('new_codes.csv must hold only its header')
    docs = sorted(f for f in os.listdir(DOCS) if not f.startswith('.'))
    texts = {d: doc_text(d) for d in docs}
    with open(os.path.join(HERE, 'sources.csv'), encoding='utf-8') as fh:
        src = [r['file'] for r in csv.DictReader(fh)]
    if sorted(src) != docs:
        errors.append('sources.csv files %s != docs %s' % (sorted(src), docs))
    with open(os.path.join(HERE, 'labels.csv'), encoding='utf-8', newline='') as fh:
        rd = csv.reader(fh)
        header = next(rd)
        if header != HEADER:
            errors.append('bad header %s' % header)
        rows = [dict(zip(HEADER, r)) for r in rd]
    seen = Counter()
    used_new = set()
    for i, r in enumerate(rows, start=2):
        where = 'row %d (%s %s %s %s)' % (i, r['file'][:2], r['indicator_code'], r['kind'], r['year'])
        if r['file'] not in texts:
            errors.append(where + ': unknown file'); continue
        s = r['sentence']
        if s not in texts[r['file']]:
            errors.append(where + ': sentence not in doc')
        key5 = (r['file'], r['indicator_code'], r['kind'], r['year'], r['measure'])
        if r['value'] not in s and key5 not in VALUE_EXCEPTIONS:
            errors.append(where + ': value %s not in sentence' % r['value'])
        hdr = HEADER_LINES.get(r['file'])
        if hdr and re.match(r'20\d\d年 \| ', s):
            if hdr not in texts[r['file']]: errors.append(where + ': header line not in doc')
            if r['indicator_name_in_text'] not in hdr: errors.append(where + ': name not in table header')
        elif r['indicator_name_in_text'] not in s and key5 not in NAME_EXCEPTIONS:
            errors.append(where + ': name not in sentence')
        c = r['indicator_code']
        if c.startswith('NEW:'):
            used_new.add(c)
            if c not in new_codes:
                errors.append(where + ': NEW code not in new_codes_labeller.csv')
        elif c not in codes:
            errors.append(where + ': code not in dictionary')
        if r['kind'] not in KINDS: errors.append(where + ': bad kind')
        if r['measure'] not in MEASURES: errors.append(where + ': bad measure')
        if r['comparator'] not in COMPARATORS: errors.append(where + ': bad comparator')
        if r['kind'] == 'baseline' and r['comparator'] != '=': errors.append(where + ': baseline must use =')
        if not re.fullmatch(r'20\d\d', r['year']): errors.append(where + ': bad year')
        try: float(r['value'])
        except ValueError: errors.append(where + ': value not numeric')
        if not r['region_name'] or r['region_name'] not in texts[r['file']] and r['region_name'][:2] not in texts[r['file']]:
            errors.append(where + ': region not mentioned in doc')
        seen[(r['file'], r['region_name'], c, r['kind'], r['year'], r['measure'])] += 1
    for k, n in seen.items():
        if n > 1: errors.append('duplicate %s x%d' % (k, n))
    for c in new_codes - used_new:
        errors.append('NEW code listed but unused: ' + c)
    for d in docs:
        if not any(r['file'] == d for r in rows):
            errors.append('doc without labels: ' + d)
    for e in errors: print('FAIL', e)
    print('%d rows, %d errors' % (len(rows), len(errors)))
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
