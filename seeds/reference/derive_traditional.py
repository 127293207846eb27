# Derives seeds/reference/traditional_simplified.tsv from npm opencc-js@1.4.2 (MIT; OpenCC dictionaries, Apache-2.0):
# dist/esm-lib/dict/TSCharacters.js, with TWVariantsRev.js and HKVariantsRev.js folded through it. One character to one
# character (first candidate), so converting a text keeps every offset; characters GB 2312 also holds (著, 乾) are left out.
import re, sys
d = sys.argv[1]
def load(name):
    s = open(f"{d}/{name}.js", encoding="utf-8").read()
    body = re.search(r'"(.*)"', s, re.S).group(1)
    pairs = {}
    for item in body.split("|"):
        parts = item.split(" ")
        if len(parts) >= 2: pairs[parts[0]] = parts[1]
    return pairs
ts = load("TSCharacters")
out = dict((k, v) for k, v in ts.items() if len(k) == 1 and len(v) == 1 and k != v)
for variants in ("TWVariantsRev", "HKVariantsRev"):
    for k, v in load(variants).items():
        if len(k) != 1 or len(v) != 1: continue
        s = ts.get(v, v)
        if len(s) == 1 and s != k and k not in out: out[k] = s
f = open(sys.argv[2], "w", encoding="utf-8", newline="\n")
f.write("# Traditional → simplified characters. Source: npm opencc-js@1.4.2 (MIT AND Apache-2.0; data from OpenCC, Apache-2.0),\n")
f.write("# TSCharacters + TWVariantsRev + HKVariantsRev; fetched with `npm pack opencc-js@1.4.2`, derived 2026-11-22 by derive_traditional.py.\n")
def simplified_too(c):
    # A character GB 2312 encodes is in simplified use (著作, 乾坤): converting it would corrupt simplified text.
    try: c.encode("gb2312"); return True
    except UnicodeEncodeError: return False
out = {k: v for k, v in out.items() if ord(k) <= 0xFFFF and ord(v) <= 0xFFFF and not simplified_too(k)}
# GB 2312 holds 於 and 後 for names only; running simplified text writes 于 and 后, and a traditional plan writes them in nearly
# every sentence (不低於1400件, 2025年後), so they are converted all the same.
out.update({"於": "于", "後": "后"})
for k in sorted(out): f.write(f"{k}\t{out[k]}\n")
print(len(out))
