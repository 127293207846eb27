using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A calendar period: a year, half, quarter, month, or January-to-month span.</summary>
public sealed record Period(string Code, string Grain, int Year, int MonthFrom, int MonthTo)
{
    /// <summary>A whole year.</summary>
    public static Period OfYear(int year) => new(year.ToString(CultureInfo.InvariantCulture), "year", year, 1, 12);

    /// <summary>First day, ISO format.</summary>
    public string StartDate => new DateOnly(Year, MonthFrom, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Last day, ISO format.</summary>
    public string EndDate => new DateOnly(Year, MonthTo, DateTime.DaysInMonth(Year, MonthTo)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses what people write: 2023, 2023年, 2023-06, 2023年6月, 2023年1-6月, 2023Q2, 2023年第二季度, 2023H1, 2023年上半年.
    /// Null when the text is not a period or its year lies outside <see cref="Periods.FirstYear"/>..<see cref="Periods.LastYear"/>.</summary>
    public static Period? Parse(string? text) => TryParse(text, out var period, out _) ? period : null;

    /// <summary>Like <see cref="Parse"/>, and says why a period-shaped text was refused (year out of range, month 13).</summary>
    /// <param name="error">Null when the text is simply not a period; otherwise the reason, for a reject.</param>
    public static bool TryParse(string? text, out Period? period, out string? error)
    {
        error = null;
        period = ParseShape(text, out var badMonth);
        if (badMonth) error = $"month or quarter out of range: 月份或季度超出范围“{text?.Trim()}”";
        if (period == null) return false;
        if (!Periods.InRange(period.Year))
        {
            error = $"year out of range: 年份 {period.Year:0000} 不在 {Periods.FirstYear}–{Periods.LastYear} 之内 / "
                + $"outside {Periods.FirstYear}..{Periods.LastYear}";
            period = null;
            return false;
        }
        return true;
    }

    // [0-9], not \d: .NET's \d matches every Unicode digit (Arabic-Indic ١٢٣ among them), which int.Parse then refuses.
    private static Period? ParseShape(string? text, out bool badMonth)
    {
        badMonth = false;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = Text.Normalize(text).Replace(" ", "");
        Match m;
        if ((m = Regex.Match(s, @"^([0-9]{4})(?:年|\.0)?$")).Success) return OfYear(Int(m, 1));
        if ((m = Regex.Match(s, @"^([0-9]{4})(?:年|[-/.])([0-9]{1,2})(?:月)?$")).Success)
        {
            if (Int(m, 2) is >= 1 and <= 12) return Month(Int(m, 1), Int(m, 2));
            badMonth = true;
            return null;
        }
        if ((m = Regex.Match(s, @"^([0-9]{4})年?([0-9]{1,2})[-~至到]([0-9]{1,2})月$")).Success)
        {
            int from = Int(m, 2), to = Int(m, 3);
            if (from < 1 || to > 12 || from > to) { badMonth = true; return null; }
            if (from == 1 && to == 12) return OfYear(Int(m, 1));
            if (from == to) return Month(Int(m, 1), from);
            if (from == 1) return new Period($"{Int(m, 1)}M1-{to}", "ytd", Int(m, 1), 1, to);
            if (to - from == 2 && from % 3 == 1) return Quarter(Int(m, 1), (from + 2) / 3);
            return null;
        }
        if ((m = Regex.Match(s, @"^([0-9]{4})年?(?:Q|第)([1-4一二三四])(?:季度)?$", RegexOptions.IgnoreCase)).Success)
            return Quarter(Int(m, 1), "1一".Contains(m.Groups[2].Value) ? 1 : "2二".Contains(m.Groups[2].Value) ? 2 : "3三".Contains(m.Groups[2].Value) ? 3 : 4);
        if ((m = Regex.Match(s, @"^([0-9]{4})年?(H1|H2|上半年|下半年)$", RegexOptions.IgnoreCase)).Success)
        {
            var first = m.Groups[2].Value is "H1" or "h1" or "上半年";
            return new Period($"{Int(m, 1)}H{(first ? 1 : 2)}", "half", Int(m, 1), first ? 1 : 7, first ? 6 : 12);
        }
        if (Regex.IsMatch(s, @"^[0-9]{4}年?(?:Q|第)[0-9]+(?:季度)?$", RegexOptions.IgnoreCase)) badMonth = true;
        return null;
    }

    private static Period Month(int year, int month) => new($"{year}-{month:00}", "month", year, month, month);

    private static Period Quarter(int year, int q) => new($"{year}Q{q}", "quarter", year, q * 3 - 2, q * 3);

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}

/// <summary>Finds or adds rows of <c>dim_period</c>, and holds the range of years any fact may carry.</summary>
public static class Periods
{
    /// <summary>First year a fact may carry: the founding of the People's Republic, before any of these statistics.</summary>
    public const int FirstYear = 1949;

    /// <summary>Last year a fact may carry: well past any plan's horizon; 9999 or 2999 is a typing slip, not a target.</summary>
    public const int LastYear = 2100;

    /// <summary>Whether a fact may carry this year.</summary>
    public static bool InRange(long year) => year is >= FirstYear and <= LastYear;

    /// <summary>Whether a value may be stored: finite (no overflowed 400-digit cell, no NaN).</summary>
    public static bool IsStorable(double value) => double.IsFinite(value);

    /// <summary>The period's key, inserting the period first if it is new; refuses a year outside <see cref="FirstYear"/>..<see cref="LastYear"/>.</summary>
    public static long Ensure(SqlDialect dialect, DbConnection connection, Period p, DbTransaction? tx = null)
    {
        if (!InRange(p.Year) || p.MonthFrom is < 1 or > 12 || p.MonthTo is < 1 or > 12)
            throw new InvalidDataException($"period {p.Code}: year must lie within {FirstYear}..{LastYear} and months within 1..12");
        connection.Execute(dialect.Sql("reference/add_period"), new { p.Code, p.Grain, p.Year, p.MonthFrom, p.MonthTo, p.StartDate, p.EndDate }, tx);
        return connection.ExecuteScalar<long>(dialect.Sql("reference/period_key"), new { p.Code }, tx);
    }
}
