using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>The year a page without a plan period (a news page, a statistics excerpt, a work report) reports on: a year in its
/// title, else its publication date at the top or the end, else the latest year its first paragraph states.</summary>
public static partial class ReportDate
{
    /// <summary>How far from the end a publication date is looked for.</summary>
    private const int TailLength = 200;

    /// <summary>The report year, or null when the page states none (the document then cannot be read).</summary>
    public static int? Year(string text, string opening)
    {
        var title = opening.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var published = Published(text, opening);
        var first = LatestYear(FirstParagraph(text, opening));
        // A page published in spring on last year's results (2023-02-17: 2022年，全省…; “十二五”期间… on 2016-02-02) reports
        // the year its first paragraph names, when that is the page's year or the year before.
        if (FirstYear(AnyYear(), title) is { } titled) return titled;
        if (published is { } p && first is { } f && f <= p && f >= p - 1) return f;
        // A review of the year published in its first weeks (兰溪日报 2020年01月17日: 这一年…全年共…) names no year: it is the
        // year just ended.
        if (published != null && first == null && YearEndReview(opening, text)) return published - 1;
        return published ?? first;
    }

    /// <summary>The year the page was published, from a date at its top (the source line and the furniture after it included) or
    /// its end, or null.</summary>
    public static int? Published(string text, string opening)
    {
        var tail = text.Length > TailLength ? text[^TailLength..] : text;
        // The page's furniture between a long source line and the first paragraph (2020-12-16 17:27:36 红网) is dated too.
        var preamble = Preamble(text, opening);
        return FirstYear(Dated(), opening) ?? FirstYear(Dated(), preamble) ?? FirstYear(Dated(), tail) ?? ChineseDate(opening)
            ?? ChineseDate(tail)
            ?? FirstYear(YearMonth(), opening) // 西藏日报(…,2025年12月): a month of publication
            ?? FirstYear(DashMonth(), preamble) // 寿光融媒 (sgnet.cn) 2025-10: the month written with a dash
            ?? FirstYear(SourceYear(), preamble); // 中山网(记者…), 2022: a source line giving only the year
    }

    private static bool YearEndReview(string opening, string text) =>
        EarlyInYear().IsMatch(opening) && Review().IsMatch(text.Length > 1500 ? text[..1500] : text);

    // Published in January or February: 2020年01月17日, 2020-1-17, 2020年2月.
    [GeneratedRegex(@"(?<!\d)20\d\d(?:年0?[12]月|-0?[12]-\d)")]
    private static partial Regex EarlyInYear();

    // 全年, 这一年, 一年来, 过去一年 as a look back, not 今年全年 (a target for the year beginning).
    [GeneratedRegex("(?<!今年|明年)(?:全年|这一年|一年来|过去一年)")]
    private static partial Regex Review();

    private static int? FirstYear(Regex r, string s) =>
        r.Match(s) is { Success: true } m ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;

    private static int? LatestYear(string s)
    {
        var years = AnyYear().Matches(s).Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture))
            .Concat(FiveYearPlan().Matches(s).Select(m => 1955 + 5 * (11 + "一二三四五".IndexOf(m.Groups[1].Value[0])))).ToList();
        return years.Count > 0 ? years.Max() : null;
    }

    /// <summary>二〇二四年七月十九日: a date in Chinese numerals, digit by digit.</summary>
    private static int? ChineseDate(string s)
    {
        var m = ChineseYear().Match(s);
        if (!m.Success) return null;
        var digits = string.Concat(m.Groups["y"].Value.Select(c => (char)('0' + "〇一二三四五六七八九".IndexOf(c == '零' ? '〇' : c))));
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Where the first paragraph of prose after <paramref name="opening"/> starts and ends in <paramref name="text"/> (its
    /// line and that line's break): the first line holding a 。 — a source line with a long address is not it. Both are the
    /// text's length when no line does.</summary>
    internal static (int Start, int End) FirstParagraphBounds(string text, string opening)
    {
        var start = opening.Length;
        foreach (var line in text[opening.Length..].Split('\n'))
        {
            if (line.Contains('。')) return (start, Math.Min(start + line.Length + 1, text.Length));
            start += line.Length + 1;
        }
        return (text.Length, text.Length);
    }

    /// <summary>The lines before the first paragraph of prose (the opening included).</summary>
    private static string Preamble(string text, string opening) =>
        text[..Math.Min(FirstParagraphBounds(text, opening).Start, PreambleLength)];

    /// <summary>How far a page's furniture before its first paragraph is looked through for its date.</summary>
    private const int PreambleLength = 600;

    private static string FirstParagraph(string text, string opening)
    {
        var (start, end) = FirstParagraphBounds(text, opening);
        return text[start..end].Trim();
    }

    // 2024年, 2024-07-19: a year not inside a longer number.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)(?:年|-(?:0?[1-9]|1[0-2])\b)")]
    private static partial Regex AnyYear();

    // 2024-07-19, 2024年7月19日, 2024.07.19, 2024/7/19: a full date, as a page's publication date is written.
    // 02.09.2016: day and month first, as some pages print it.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)(?:年\d{1,2}月\d{1,2}日|[-./](?:0?[1-9]|1[0-2])[-./]\d{1,2})|(?<![\d.])\d{1,2}\.\d{1,2}\.(?<y>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex Dated();

    // “十二五”期间: a five-year plan's period, reported at its last year (十二五 → 2015).
    [GeneratedRegex(@"十([一二三四五])五(?:”)?(?:期间|期末|末|时期|以来)")]
    private static partial Regex FiveYearPlan();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)年\d{1,2}月")]
    private static partial Regex YearMonth();

    // 2025-10: a year and month with a dash, not a range of years (2021-2025) nor a full date's start.
    [GeneratedRegex(@"(?<![\d\-])(?<y>20\d\d)-(?:0?[1-9]|1[0-2])(?![\d\-])")]
    private static partial Regex DashMonth();

    // A line of the opening ending in a bare year after a comma (…信息, 2022), not a year range or a number in a title.
    // A remark in brackets may follow (…, 2024 (转载)).
    [GeneratedRegex(@"[,，]\s*(?<y>20\d\d)\s*(?:[（(][^（()）\n]*[)）])?\s*$", RegexOptions.Multiline)]
    private static partial Regex SourceYear();

    [GeneratedRegex(@"(?<y>[二][〇零][〇零一二三四五六七八九]{2})年[一二三四五六七八九十]{1,2}月")]
    private static partial Regex ChineseYear();
}
