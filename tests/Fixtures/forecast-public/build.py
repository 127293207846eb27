#!/usr/bin/env python3
"""Builds a second yearly collection, outside M3, to check forecasts on series the designs were never compared on.

Sources (public snapshots of github.com/datasets/*, read with `git show`; mirrors under /work/.mirror):
  gdp            World Bank GDP, current US$, by country (datasets/gdp data/gdp.csv)                -> macro
  population     World Bank population by country (datasets/population data/population.csv)        -> demographic
  co2            CDIAC fossil-fuel CO2 emissions by nation, total (datasets/co2-fossil-by-nation)   -> industry
  prices         consumer price level by country: the index built from World Bank CPI inflation
                 (datasets/cpi data/cpi.csv, 100 x cumulative product of 1 + inflation / 100)       -> finance
  fx             Federal Reserve annual exchange rates against the US dollar (datasets/exchange-rates data/annual.csv) -> finance
World Bank aggregates (regions, income groups) are left out: countries only. Each series keeps its last 6 years as the
test part and up to 34 years before them as training (M3's yearly series have 14-41 training points); series with fewer
than 14 training points, or with a value <= 0, are left out. 100 series are drawn per source (all 21 of fx), seed 2026.
Output: public_yearly.csv (series_id, part, t, value) and public_yearly_meta.csv, in the M3 file layout.
Usage: python3 build.py MIRROR, where MIRROR/datasets+<name>/repo is a git clone of github.com/datasets/<name> (the layout of
the tool that fetched them here, /work/.mirror). The files are read at the commits in PINNED, so a rebuild gives the same
bytes however the upstream data moves on; to refresh the collection, change the pins and score the result as a new
first look.
"""
import csv, io, random, subprocess, sys
from collections import defaultdict

AGGREGATES = set("""AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC
LMY LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD""".split())
H, MAX_TRAIN, MIN_TRAIN, PER_SOURCE = 6, 34, 14, 100
PINNED = {"gdp": "822019c", "population": "425fc44", "co2-fossil-by-nation": "8545c9b", "cpi": "3750e45", "exchange-rates": "fa7d949"}


def read(mirror, repo, path):
    pin = PINNED[repo]
    text = subprocess.run(["git", "-C", f"{mirror}/datasets+{repo}/repo", "show", f"{pin}:{path}"],
                          check=True, capture_output=True, text=True).stdout
    commit = subprocess.run(["git", "-C", f"{mirror}/datasets+{repo}/repo", "log", "-1", "--format=%h %cs", pin],
                            check=True, capture_output=True, text=True).stdout.strip()
    return list(csv.DictReader(io.StringIO(text))), f"datasets/{repo} {commit}"


def worldbank(rows, value_key="Value"):
    series = defaultdict(dict)
    for r in rows:
        if r["Country Code"] in AGGREGATES or not r.get(value_key):
            continue
        series[(r.get("Country Name") or r["Country"], r["Country Code"])][int(r["Year"])] = float(r[value_key])
    return series


def consecutive_tail(years_values):
    """The longest run of consecutive years ending at the last year, all values > 0."""
    years = sorted(years_values)
    run = []
    for y in reversed(years):
        if (run and y != run[-1] - 1) or years_values[y] <= 0:
            break
        run.append(y)
    return sorted(run)


def main(mirror):
    out, meta = [], []
    gdp, s1 = read(mirror, "gdp", "data/gdp.csv")
    pop, s2 = read(mirror, "population", "data/population.csv")
    co2, s3 = read(mirror, "co2-fossil-by-nation", "data/fossil-fuel-co2-emissions-by-nation.csv")
    cpi, s4 = read(mirror, "cpi", "data/cpi.csv")
    fx, s5 = read(mirror, "exchange-rates", "data/annual.csv")
    sources = [s1, s2, s3, s4, s5]

    collections = {"gdp": ("MACRO", worldbank(gdp)), "population": ("DEMOGRAPHIC", worldbank(pop))}
    co2s = defaultdict(dict)
    for r in co2:
        co2s[(r["Country"].title(), "")][int(r["Year"])] = float(r["Total"])
    collections["co2"] = ("INDUSTRY", co2s)
    prices = defaultdict(dict)
    for key, infl in worldbank(cpi, "CPI").items():
        level = 100.0
        for y in consecutive_tail({y: 1.0 for y in infl}):  # consecutive years of inflation data only
            level *= 1 + infl[y] / 100
            prices[key][y] = level
    collections["prices"] = ("FINANCE", prices)
    fxs = defaultdict(dict)
    for r in fx:
        fxs[(r["Country"], "")][int(r["Date"][:4])] = float(r["Exchange rate"])
    collections["fx"] = ("FINANCE", fxs)

    rng = random.Random(2026)
    n = 0
    for name, (category, series) in collections.items():
        usable = []
        for key in sorted(series):
            years = consecutive_tail(series[key])
            if len(years) >= MIN_TRAIN + H:
                usable.append((key, years[-(MAX_TRAIN + H):]))
        picked = usable if len(usable) <= PER_SOURCE else rng.sample(usable, PER_SOURCE)
        for (country, code), years in sorted(picked):
            n += 1
            sid = f"P{n:04d}"
            train = len(years) - H
            for i, y in enumerate(years):
                out.append((sid, "train" if i < train else "test", i + 1 if i < train else i - train + 1, series[(country, code)][y]))
            desc = f"{name}: {country}" + (f" ({code})" if code else "")
            meta.append((sid, name, category, train, H, years[0], desc))
    with open("public_yearly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["series_id", "part", "t", "value"])
        for sid, part, t, v in out:
            w.writerow([sid, part, t, f"{v:.6g}"])
    with open("public_yearly_meta.csv", "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["series_id", "source", "category", "n", "h", "start_year", "description"])
        w.writerows(meta)
    with open("SOURCES.txt", "w") as f:
        f.write("Snapshots read (repository, commit, commit date):\n" + "\n".join(sources) + "\n")
    print(f"{n} series written", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror")
