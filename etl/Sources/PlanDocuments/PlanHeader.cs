using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Who issued a plan and which years it covers, read from its first lines.</summary>
/// <param name="Region">The region; <c>RegionKey</c> is 0 for a division not yet in dim_region (the loader adds it).</param>
public sealed partial record PlanHeader(Region Region, int StartYear, int EndYear, string Title)
{
    /// <summary>The year a dated page (a news report: 来源：南京日报，2022-08-15) was published, or null when the opening gives no date;
    /// it is the present that 目前 and 今年 refer to.</summary>
    public int? Published { get; init; }

    /// <summary>Whether the opening says the page is a news report (新闻, 报道, 记者, …讯) rather than the plan itself.</summary>
    public bool IsNews { get; init; }

    /// <summary>Whether the document has no plan period (a news page, a statistics excerpt, a work report): its span is the one year it
    /// reports on, and its figures are results of that year unless a sentence commits to one.</summary>
    public bool IsReport { get; init; }

    /// <summary>How far into the document the issuing body and title are looked for.</summary>
    internal const int HeadLength = 900;

    /// <summary>How far from the end the signature (issuing body and date) is looked for.</summary>
    private const int SignatureLength = 300;

    private static readonly (string Name, int Start)[] FiveYearPlans =
        [("十三五", 2016), ("十四五", 2021), ("十五五", 2026), ("十六五", 2031)];

    /// <summary>Reads region and plan span; throws with a clear reason when either cannot be found.</summary>
    public static PlanHeader Read(string text, Catalog catalog, string fileName) => Read(text, catalog, new Divisions(catalog), fileName);

    /// <summary>Reads region and plan span with a prepared division list.</summary>
    public static PlanHeader Read(string text, Catalog catalog, Divisions divisions, string fileName)
    {
        var head = text.Length > HeadLength ? text[..HeadLength] : text;
        // The opening: issuing body, document number, title and date, before the first paragraph of prose.
        var opening = Opening(head);
        var ownOpening = WithoutCitations(opening);
        // The issuing body may also stand only in the signature at the end (…人民政府 2025年3月6日).
        var signature = text.Length > SignatureLength ? text[^SignatureLength..] : text;
        // A title the opening quotes (《2014年镇江市知识产权发展与保护状况》白皮书发布) names the region before anything in the body
        // does; a plan citing a national one finds no region there and reads on.
        // 南宁高新区获批…: a zone's figures loaded for its city would enter the city's scorecard, so a zone nobody has placed is refused.
        var ownKey = Text.Key(ownOpening);
        if (divisions.ZoneNamed(ownKey) is { } zone)
            throw new InvalidDataException($"{fileName}: “{zone}”是开发区或园区，不是行政区划 / “{zone}” is a development zone, not an " +
                "administrative division: add it to seeds/regions.csv as an alias of the county that administers it (or as a region " +
                "of its own) and ingest again");
        var division = divisions.Find(ownKey) ?? divisions.Find(Text.Key(opening))
            ?? divisions.Find(Text.Key(WithoutCitations(head)))
            ?? divisions.Find(Text.Key(WithoutCitations(signature)))
            ?? throw new InvalidDataException($"{fileName}: 无法从发文机关或标题识别地区 / cannot tell the region: no province, prefecture or " +
                "county of China is named in the issuing body or title (for a development zone or other unofficial name, add it as an alias " +
                "of its county in seeds/regions.csv)");
        var region = catalog.Regions.FirstOrDefault(r => r.RegionCode == division.Code)
            ?? new Region(0, division.Code, division.Name, division.Name, division.Level, division.ParentCode, "");
        var title = opening.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => TitleWord().IsMatch(l))
            ?? head.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? fileName;

        var span = SpanIn(ownOpening) ?? TitleYear(ownOpening) ?? Outline(text, opening) ?? Announced(ThroughFirstParagraph(head, opening))
            ?? SpanFromGoals(text, ownOpening)
            ?? SpanIn(WithoutCitations(head), reportingPeriods: false)
            // Five years from the issue date only for a page that calls itself a plan: a dated news page or a report
            // (…亮出年度“成绩单”, 舟山日报 2025年12月11日) that names no plan, not even one it cites, has no plan period: it reports one year.
            ?? (TitleWord().IsMatch(opening) || DocumentNumberYear().IsMatch(head) ? IssueSpan(head) : null);
        // 本报讯(记者…): the first paragraph of a news page may be the first place it says so.
        var isNews = NewsWord().IsMatch(opening) || NewsWord().IsMatch(head[opening.Length..Math.Min(head.Length, opening.Length + 12)]);
        // 南阳日报 2022年3月15日: a news page's own date may be written in words too (a plan's opening dates its issue that way,
        // so only for news).
        var published = PublishedYear(opening) ?? (isNews && NewsDate().Match(opening) is { Success: true } d
            ? int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture) : null);
        if (span is { } plan)
            return new PlanHeader(region, plan.Start, plan.End, title) { Published = published, IsNews = isNews };
        // No plan period: a report of one year, so losing the whole document is left for a page that states no year at all.
        var year = ReportDate.Year(text, opening) ?? throw new InvalidDataException($"{fileName}: 无法识别规划期 / cannot tell the plan " +
            "period (no year range, “十四五” or “到2025年” in the title or opening, and no year or date in the title, opening or " +
            "first paragraph)");
        // A source line too long for the opening (…local news (记者…), 2017-06-14, reposted on …) still dates the page, so that
        // 去年 on a 2017 page on 2016's figures is 2016.
        return new PlanHeader(region, year, year, title)
            { Published = published ?? ReportDate.Published(text, opening) ?? year, IsNews = isNews, IsReport = true };
    }

    /// <summary>The first year range (not a long-range outline such as 2021—2035) or five-year plan named in the text.</summary>
    private static (int Start, int End)? SpanIn(string text, bool reportingPeriods = true)
    {
        foreach (Match m in YearRange().Matches(text))
        {
            // 2022至2023年期间,专利授权共计…: in the body, a range followed by 期间 is the period a result was counted over.
            if (!reportingPeriods && text[(m.Index + m.Length)..].StartsWith("期间", StringComparison.Ordinal)) continue;
            int from = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), to = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (to - from is >= 0 and <= 6) return (from, to);
        }
        // 实现“十三五”开门红, “十四五”开局之年, “十三五”收官: a year at the start or end of a plan, which a news page reports on,
        // not a plan the page sets out.
        var named = FiveYearPlans
            .Select(p => (p.Start, At: Regex.Matches(text, p.Name).Where(m => !PlanYearIdiom().IsMatch(text[(m.Index + m.Length)..])
                    && !PlanCompleted().IsMatch(text[..m.Index]))
                .Select(m => m.Index).DefaultIfEmpty(-1).First()))
            .Where(p => p.At >= 0).OrderBy(p => p.At).ToList();
        return named.Count > 0 ? (named[0].Start, named[0].Start + 4) : null;
    }

    [GeneratedRegex(@"^[”""’]?(?:的|之)?(?:开门红|开局|开好局|首年|第一年|起步之年|收官|决胜之年|最后一年)")]
    private static partial Regex PlanYearIdiom();

    // 提前完成“十四五”工作任务, 超额完成“十三五”目标, 提前完成绥化市“十四五”…目标: a result a news page reports, not a plan it
    // sets out.
    [GeneratedRegex(@"完成[^，,。；;“”""‘]{0,8}[“""‘]?$")]
    private static partial Regex PlanCompleted();

    private static int? PublishedYear(string opening) =>
        PageDate().Match(opening) is { Success: true } m ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("新闻|报道|记者|日报|晚报|[网社报]讯|电（|电\\(")]
    private static partial Regex NewsWord();

    [GeneratedRegex(@"(?<!\d)(?<y>20\d\d)年\d{1,2}月\d{1,2}日")]
    private static partial Regex NewsDate();

    // 2022-08-15, 2026-01: a page's date, never a year range (2021-2025).
    [GeneratedRegex(@"(?<!\d)(?<y>20\d\d)-(?:0?[1-9]|1[0-2])(?:-\d{1,2})?(?!\d)")]
    private static partial Regex PageDate();

    /// <summary>A news report's first paragraph naming the plan it announces (印发《合肥市…行动方案(2024—2026年)》, 《…》已印发): that
    /// title's span.</summary>
    private static (int Start, int End)? Announced(string head)
    {
        foreach (Match m in AnnouncedTitle().Matches(head))
            if ((SpanIn(m.Groups["t"].Value) ?? TitleYear("\n" + m.Groups["t"].Value)) is { } span) return span;
        return null;
    }

    /// <summary>The opening and the first paragraph of prose after it: where a news page says which plan it announces. Plans a
    /// later paragraph lists among the year's work (出台了《…“十四五”发展规划》《…推进计划》等) are not the page's subject.</summary>
    private static string ThroughFirstParagraph(string head, string opening) =>
        head[..Math.Min(ReportDate.FirstParagraphBounds(head, opening).End, head.Length)];

    // The verb may follow the title too: 《…规划(2018-2020年)》(下称《规划》)已印发.
    [GeneratedRegex(@"(?:印发|出台|发布|制定|公布)了?《(?<t>[^《》]*)》|《(?<t>[^《》]*)》(?:[（(][^（()）]{0,12}[)）])?(?:已经|已|正式|近日)?(?:印发|出台|发布|公布)")]
    private static partial Regex AnnouncedTitle();

    /// <summary>A long-range outline or its implementation (纲要(2021—2035年), 贯彻《…纲要(2021—2035年)》的实施方案) that sets goals for
    /// the outline's last year (到2035年): its span is the outline's, so figures for 2025 are milestones. A plan of a few years
    /// (三年行动) that only cites an outline keeps its own span.</summary>
    private static (int Start, int End)? Outline(string text, string opening)
    {
        if (YearsLong().IsMatch(opening)) return null;
        var goalYears = ByYear().Matches(WithoutCitations(text))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        foreach (Match m in YearRange().Matches(opening))
        {
            int from = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            int to = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (to - from is > 6 and <= 20 && goalYears.Contains(to) && goalYears.Any(y => y > from && y < to)) return (from, to);
        }
        return null;
    }

    /// <summary>An action plan without a range in its title: the goal year (到2027年) and its length (三年行动计划) or issue date.</summary>
    private static (int Start, int End)? SpanFromGoals(string text, string opening)
    {
        // 至2022年末,全市…5783件,同比增长35.9%: a date compared with the year before is a result's, not a goal year.
        var targets = ByYear().Matches(WithoutCitations(text)).Where(m => !PassageContext.ComparedWithYearBefore(text, m.Index + m.Length))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (targets.Count == 0) return null;
        // 到2027年…；到2030年…: a stage target first, then the plan's own; the span ends with the last within five years of the first
        // (到2035年 after 到2025年 is a long-range vision, left to an outline's title).
        var end = targets.Where(y => y <= targets[0] + 5).Max();
        var years = YearsLong().Match(opening);
        if (years.Success) return (end - ChineseNumber(years.Groups[1].Value) + 1, end);
        var issued = IssueYear().Matches(opening).Concat(DocumentNumberYear().Matches(opening))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(y => y <= end && y >= end - 5).ToList();
        return issued.Count > 0 ? (Math.Min(issued.Min(), end), end) : (end - 4, end);
    }

    /// <summary>A yearly work plan (2026年全省知识产权工作要点): its title names one year, which is its whole span.</summary>
    private static (int Start, int End)? TitleYear(string opening)
    {
        var m = YearTitle().Match(opening);
        if (!m.Success) return null;
        var y = int.Parse((m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value, CultureInfo.InvariantCulture);
        return (y, y);
    }

    /// <summary>Last resort for a plan that names no target year: five years from the year it was issued (document number or date).</summary>
    private static (int Start, int End)? IssueSpan(string head)
    {
        var m = IssueYear().Match(head);
        if (!m.Success) m = DocumentNumberYear().Match(head);
        if (!m.Success) return null;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return (y, y + 4);
    }

    // 2026年全省知识产权工作要点, 临沂市兰山区2024年知识产权工作要点, 台州市知识产权工作要点（2025年）: a yearly plan's name and its year.
    [GeneratedRegex(@"(?:^|\n)[^\n\d《》]{0,20}?(20\d\d)年(?:度)?[^\n《》]{0,30}(?:工作要点|工作计划|实施计划|行动计划|工作方案|推进计划)" +
        @"|(?:^|\n)[^\n\d《》]{0,40}?(?:工作要点|工作计划|推进计划)\s*[（(](20\d\d)年度?[）)]")]
    private static partial Regex YearTitle();

    [GeneratedRegex(@"〔(20\d\d|19\d\d)〕")]
    private static partial Regex DocumentNumberYear();

    private static int ChineseNumber(string s) => s switch
    {
        "两" or "二" or "2" => 2, "三" or "3" => 3, "四" or "4" => 4, "五" or "5" => 5, _ => 3,
    };

    /// <summary>The lines before the first paragraph of prose (a line with a full stop that is longer than a title).</summary>
    internal static string Opening(string head)
    {
        var end = 0;
        foreach (var line in head.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length > 60 || (t.Contains('。') && t.Length > 30) || t.StartsWith("一、", StringComparison.Ordinal)) break;
            end += line.Length + 1;
        }
        return head[..Math.Min(end, head.Length)];
    }

    /// <summary>The text with the titles of cited documents (按照《“十四五”国家知识产权保护和运用规划》) blanked, keeping the
    /// plan's own title in a notice (关于印发《…》的通知).</summary>
    internal static string WithoutCitations(string text) =>
        Citation().Replace(text, m => m.Groups["own"].Success ? m.Value : new string(' ', m.Length));

    // 深入实施《宁夏…行动计划(2015—2020年),不断…: a title left unclosed by the page ends at its clause.
    [GeneratedRegex(@"(?<own>(?:印发|转发)\s*)?《(?:[^《》]*》|[^《》\n，,。；;]*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"[（(]\s*(?<a>\d{4})\s*(?:年)?\s*[-—–～~至到]+\s*(?<b>\d{4})\s*年?\s*[）)]|(?<a>\d{4})\s*年?\s*[-—–～~至到]+\s*(?<b>\d{4})\s*年")]
    private static partial Regex YearRange();

    // A goal year (到2027年); not a reporting date (截至2024年) nor a day (征求意见至2025年9月25日), nor the end of a term
    // given to the month (有效期自2018年5月至2021年5月) or of a rise already made (从A增长到2015年的B).
    [GeneratedRegex(@"(?<!截|\d|[自从]\d{4}年\d{1,2}月|增长|增加|提高|提升|上升|[增升])(?:到|至)(20\d\d)年(?!\d{1,2}月\d{1,2}日)")]
    private static partial Regex ByYear();

    [GeneratedRegex(@"([两二三四五2-5])年行动")]
    private static partial Regex YearsLong();

    [GeneratedRegex(@"((?:20|19)\d\d)年\d{1,2}月")]
    private static partial Regex IssueYear();

    [GeneratedRegex("规划|方案|计划|纲要|意见|要点")]
    private static partial Regex TitleWord();
}
