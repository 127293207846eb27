using System.Globalization;

namespace Warehouse.Reports.Briefing;

/// <summary>Numbers as a Chinese reader expects them: 13.5万件, 6.5亿元, 15.8件/万人, 62%.</summary>
public static class Format
{
    /// <summary>A value with its unit, large counts in 万.</summary>
    public static string Value(double v, string unit) => Scaled(v, unit).Text + Scaled(v, unit).Unit;

    /// <summary>A value and the unit to print it in: counts of 10,000 or more in 万件 (in English: 46.5k); decimals by magnitude.</summary>
    public static (string Text, string Unit) Scaled(double v, string unit, double? scaleBy = null, bool en = false)
    {
        var reference = Math.Abs(scaleBy ?? v);
        if (unit == "件" && reference >= 10000) return en ? (Compact(v / 1000) + "k", "件") : (Compact(v / 10000), "万件");
        return (Compact(v), unit == "件/万人" ? "件/万人" : unit);
    }

    /// <summary>Three significant figures at most, none wasted: 1,235 · 17.1 · 6.5 · 0.42.</summary>
    public static string Compact(double v)
    {
        var a = Math.Abs(v);
        return Num(v, a >= 100 ? 0 : a >= 10 ? 1 : 2);
    }

    /// <summary>A span of years, one year when it starts and ends in the same year.</summary>
    public static string Span(long from, long to) => from == to ? to.ToString(CultureInfo.InvariantCulture) : $"{from}–{to}";

    /// <summary>A number with at most <paramref name="decimals"/> decimals, no trailing zeros.</summary>
    public static string Num(double v, int decimals = 1) => Math.Round(v, decimals).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage; never more than ">999%" (a progress far past its target is a data problem, not a number to read).</summary>
    public static string Percent(double? v) =>
        v is null ? "—" : v.Value > 9.995 ? ">999%" : (v.Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A probability printed so that it agrees with the status colour: rounded down, so 74.9% (at risk) never reads 75%.</summary>
    public static string Probability(double? p) =>
        p is null ? "—"
        : p > 0 && p < 0.01 ? "<1%"
        : Math.Floor(Math.Clamp(p.Value, 0, 1) * 100 + 1e-9).ToString("0", CultureInfo.InvariantCulture) + "%";
}
