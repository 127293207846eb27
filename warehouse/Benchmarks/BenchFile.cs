using System.Globalization;
using System.Text;

namespace Warehouse.Store.Benchmarks;

/// <summary>A period of the benchmark file: the label a statistician writes and the warehouse's period code for it.</summary>
public sealed record BenchPeriod(string Label, string Code, string Grain, int Year, int MonthFrom, int MonthTo)
{
    /// <summary>First day of the period, ISO 8601.</summary>
    public string StartDate => $"{Year:0000}-{MonthFrom:00}-01";

    /// <summary>Last day of the period, ISO 8601.</summary>
    public string EndDate => $"{Year:0000}-{MonthTo:00}-{DateTime.DaysInMonth(Year, MonthTo):00}";
}

/// <summary>One row of the benchmark file, with the keys a pure-SQL load writes directly.</summary>
public sealed record BenchRow(Region Region, Indicator Indicator, BenchPeriod Period, double Value);

/// <summary>The ingestion benchmark's input: a long CSV with distinct keys and plausible values — every region × every
/// indicator × months, quarters, halves and January–N spans of as many years as it takes.</summary>
public static class BenchFile
{
    /// <summary>The rows of an <paramref name="rows"/>-row file, in file order.</summary>
    public static IEnumerable<BenchRow> Rows(Catalog catalog, int rows)
    {
        var n = 0;
        for (var y = 1950; ; y++)
            foreach (var p in PeriodsOf(y))
                foreach (var r in catalog.Regions)
                    foreach (var i in catalog.Indicators)
                    {
                        if (n++ == rows) yield break;
                        // A plausible series per region and indicator (±2% around its own level), as a statistician's file would be.
                        var level = 100 + (r.RegionCode.Sum(ch => ch) * 31 + i.IndicatorCode.Sum(ch => ch)) % 900;
                        yield return new BenchRow(r, i, p, Math.Round(level * (1 + 0.004 * (n * 7919 % 11 - 5)), 1));
                    }
    }

    /// <summary>Writes the file (UTF-8, header 地区,指标,期间,数值,单位); returns the rows written.</summary>
    public static int Write(Catalog catalog, string path, int rows, Action<int> progress)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("地区,指标,期间,数值,单位\n");
        var n = 0;
        foreach (var row in Rows(catalog, rows))
        {
            if (++n % 50_000 == 0) progress(n);
            w.Write($"{row.Region.RegionName},{row.Indicator.IndicatorName},{row.Period.Label},"
                + $"{row.Value.ToString("0.0", CultureInfo.InvariantCulture)},{row.Indicator.Unit}\n");
        }
        return n;
    }

    private static IEnumerable<BenchPeriod> PeriodsOf(int y)
    {
        for (var m = 1; m <= 12; m++) yield return new BenchPeriod($"{y}-{m:00}", $"{y}-{m:00}", "month", y, m, m);
        for (var q = 1; q <= 4; q++) yield return new BenchPeriod($"{y}Q{q}", $"{y}Q{q}", "quarter", y, q * 3 - 2, q * 3);
        yield return new BenchPeriod($"{y}年上半年", $"{y}H1", "half", y, 1, 6);
        for (var m = 2; m <= 12; m++) yield return new BenchPeriod($"{y}年1-{m}月", $"{y}M1-{m}", "ytd", y, 1, m);
    }
}
