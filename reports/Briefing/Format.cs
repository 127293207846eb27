using System.Globalization;

namespace Warehouse.Reports.Briefing;

/// <summary>Numbers as a Chinese reader expects them: 13.5万件, 6.5亿元, 15.8件/万人, 62%.</summary>
public static class Format
{
    /// <summary>A value with its unit, large counts in 万.</summary>
    public static string Value(double v, string unit)
    {
        if (unit == "件" && Math.Abs(v) >= 10000) return Num(v / 10000, 2) + "万件";
        if (unit == "件/万人") return Num(v, 1) + "件";
        return Num(v, unit is "亿元" or "%" ? 2 : 1) + unit;
    }

    /// <summary>A number with at most <paramref name="decimals"/> decimals, no trailing zeros.</summary>
    public static string Num(double v, int decimals = 1) => Math.Round(v, decimals).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double? v) => v is null ? "—" : (v.Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
