using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

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

    /// <summary>Parses what people write: 2023, 2023年, 2023-06, 2023年6月, 2023年1-6月, 2023Q2, 2023年第二季度, 2023H1, 2023年上半年.</summary>
    public static Period? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = Text.Normalize(text).Replace(" ", "");
        Match m;
        if ((m = Regex.Match(s, @"^(\d{4})(?:年|\.0)?$")).Success) return OfYear(Int(m, 1));
        if ((m = Regex.Match(s, @"^(\d{4})(?:年|[-/.])(\d{1,2})(?:月)?$")).Success && Int(m, 2) is >= 1 and <= 12)
            return Month(Int(m, 1), Int(m, 2));
        if ((m = Regex.Match(s, @"^(\d{4})年?(\d{1,2})[-~至到](\d{1,2})月$")).Success)
        {
            int from = Int(m, 2), to = Int(m, 3);
            if (from < 1 || to > 12 || from > to) return null;
            if (from == 1 && to == 12) return OfYear(Int(m, 1));
            if (from == to) return Month(Int(m, 1), from);
            if (from == 1) return new Period($"{Int(m, 1)}M1-{to}", "ytd", Int(m, 1), 1, to);
            if (to - from == 2 && from % 3 == 1) return Quarter(Int(m, 1), (from + 2) / 3);
            return null;
        }
        if ((m = Regex.Match(s, @"^(\d{4})年?(?:Q|第)([1-4一二三四])(?:季度)?$", RegexOptions.IgnoreCase)).Success)
            return Quarter(Int(m, 1), "1一".Contains(m.Groups[2].Value) ? 1 : "2二".Contains(m.Groups[2].Value) ? 2 : "3三".Contains(m.Groups[2].Value) ? 3 : 4);
        if ((m = Regex.Match(s, @"^(\d{4})年?(H1|H2|上半年|下半年)$", RegexOptions.IgnoreCase)).Success)
        {
            var first = m.Groups[2].Value is "H1" or "h1" or "上半年";
            return new Period($"{Int(m, 1)}H{(first ? 1 : 2)}", "half", Int(m, 1), first ? 1 : 7, first ? 6 : 12);
        }
        return null;
    }

    private static Period Month(int year, int month) => new($"{year}-{month:00}", "month", year, month, month);

    private static Period Quarter(int year, int q) => new($"{year}Q{q}", "quarter", year, q * 3 - 2, q * 3);

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}

/// <summary>Finds or adds rows of <c>dim_period</c>.</summary>
public static class Periods
{
    /// <summary>The period's key, inserting the period first if it is new.</summary>
    public static long Ensure(DbConnection connection, Period p, DbTransaction? tx = null)
    {
        connection.Execute("""
            INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date)
            VALUES (@Code, @Grain, @Year, @MonthFrom, @MonthTo, @StartDate, @EndDate)
            ON CONFLICT (period_code) DO NOTHING
            """, new { p.Code, p.Grain, p.Year, p.MonthFrom, p.MonthTo, p.StartDate, p.EndDate }, tx);
        return connection.ExecuteScalar<long>("SELECT period_key FROM dim_period WHERE period_code = @Code", new { p.Code }, tx);
    }
}
