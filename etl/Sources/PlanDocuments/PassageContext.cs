using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Where in the plan a passage stands: among the results already reached, the goals, or a dated schedule block.</summary>
public enum Section { Goals, Baseline, Schedule }

/// <summary>The kind and year a number in a passage gets, from its section and its own wording.</summary>
public sealed partial record PassageContext(string Kind, int Year, int SpanStart, int SpanEnd)
{
    /// <summary>Works out the context of one sentence.</summary>
    /// <param name="scheduleYear">The year of the schedule block the sentence stands in, if any.</param>
    public static PassageContext For(string sentence, Section section, PlanHeader plan, int? scheduleYear)
    {
        var context = ForSentence(sentence, section, plan, scheduleYear);
        // 明确了阶段性目标:力争到2022年…: targets the text itself calls a stage are milestones, whatever the span.
        return context.Kind == "goal" && Stage().IsMatch(sentence) ? context with { Kind = "milestone" } : context;
    }

    [GeneratedRegex("阶段性目标|阶段目标|阶段性任务")]
    private static partial Regex Stage();

    private static PassageContext ForSentence(string sentence, Section section, PlanHeader plan, int? scheduleYear)
    {
        // 2015年,全市发明专利申请达到9000件 on a page of 2013: nothing is reached in a year still to come, so a report's sentence
        // opening with a later year than its own states a target for that year.
        if (plan.IsReport && SentenceYear().Match(sentence) is { Success: true } ahead
            && int.Parse(ahead.Groups[1].Value, CultureInfo.InvariantCulture) is var future && future > plan.EndYear)
            return new PassageContext("goal", future, plan.EndYear + 1, future);
        // A report has no goals of its own: what it states without committing is a result of the year it names, or of its own year.
        if (plan.IsReport && !ReportCommitment().IsMatch(sentence))
        {
            // 2022至2023年期间,专利授权共计18053件: results summed over a period stated in the sentence, at its last year.
            if (PeriodReported().Match(sentence) is { Success: true } period)
            {
                int from = int.Parse(period.Groups[1].Value, CultureInfo.InvariantCulture), to = int.Parse(period.Groups[2].Value, CultureInfo.InvariantCulture);
                if (to - from is > 0 and <= 5) return new PassageContext("baseline", to, from, to);
            }
            // 比2019年增长2倍, 较2016年, 自1985年…以来: a base compared with or a start is not the year a figure is for.
            var stated = OwnYears(sentence).Where(y => y <= plan.EndYear).ToList();
            var at = ReportYear(sentence, plan) ?? (stated.Count > 0 ? stated.Max() : plan.EndYear);
            return new PassageContext("baseline", at, at, at);
        }
        var previous = (Start: plan.StartYear - 5, End: plan.StartYear - 1);
        // The previous five-year plan by name (十三五 in a 十四五 plan, 十四五 in a 十五五 plan) reports results.
        var previousPlan = plan.StartYear switch { >= 2026 and < 2031 => "十四五", >= 2021 and < 2026 => "十三五", _ => null };
        if (section == Section.Baseline || previousPlan != null && sentence.Contains(previousPlan) && !ByYear().IsMatch(sentence))
        {
            // 2020年,全市专利授权量达到5.1万件: a sentence opening with one year reports that year alone.
            if (SentenceYear().Match(sentence) is { Success: true } opening
                && int.Parse(opening.Groups[1].Value, CultureInfo.InvariantCulture) is var at && at <= previous.End + 1)
                return new PassageContext("baseline", at, at, at);
            // Results of the previous plan period: the level at its last year, flows summed over it,
            // unless the sentence names its own years (2019年、2020年 ... 共获得融资额).
            var years = ExplicitYears().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .Where(y => y >= previous.Start && y <= previous.End).ToList();
            return years.Count >= 2
                ? new PassageContext("baseline", years.Max(), years.Min(), years.Max())
                : new PassageContext("baseline", previous.End, previous.Start, previous.End);
        }
        // 截至2023年底 / 截至今年上半年 / 目前 in a plan starting later: figures reported at that date.
        if (ReportYear(sentence, plan) is { } reportedAt) return new PassageContext("baseline", reportedAt, reportedAt, reportedAt);
        // 2017年,全市专利申请达到20879件 on a news page of 2018: what a news page states for a year before its own date, without a
        // word of commitment, was reached then, even inside the period of the plan it reports on. (到2017年 stays a target: a
        // repost may carry a later date than the plan it quotes.)
        if (plan.IsNews && plan.Published is { } published && !Commitment().IsMatch(sentence) && !GoalYear().IsMatch(sentence)
            && OwnYears(sentence) is { Count: > 0 } own && own.Max() < published)
            return new PassageContext("baseline", own.Max(), own.Max(), own.Max());
        // 2021年,全省专利授权15.5万件,同比增长40.93%: figures compared with the year before are results, not commitments
        // (in a plan's own text, 2026年，力争发明专利授权1500件，同比增长10% commits to both).
        if (sentence.Contains("同比") && !(!plan.IsNews && !plan.IsReport && ReportCommitment().IsMatch(sentence)) && ExplicitYears().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .Where(y => y <= plan.StartYear && !ByYear().IsMatch(sentence)).ToList() is { Count: > 0 } reported)
            return new PassageContext("baseline", reported.Max(), reported.Max(), reported.Max());
        // 2025年，全市商标申请量9万件 (or 2014年PCT专利申请190件) in a plan starting 2026: a sentence opening with a past year reports it.
        if (PastYearOpening().Match(sentence) is { Success: true } sy
            && int.Parse(sy.Groups[1].Value, CultureInfo.InvariantCulture) is var past
            && past < plan.StartYear)
            return new PassageContext("baseline", past, past, past);
        // 2024年，达到66件 in a plan for 2023—2025: a sentence opening with a year of the plan is that year's milestone.
        if (section != Section.Baseline && SentenceYear().Match(sentence) is { Success: true } sy2
            && int.Parse(sy2.Groups[1].Value, CultureInfo.InvariantCulture) is var inSpan && inSpan >= plan.StartYear && inSpan <= plan.EndYear)
            return new PassageContext(inSpan == plan.EndYear ? "goal" : "milestone", inSpan, plan.StartYear, inSpan);
        if (section == Section.Schedule && scheduleYear is { } y1)
            return new PassageContext(y1 >= plan.EndYear ? "goal" : "milestone", y1, plan.StartYear, y1);
        var by = ByYear().Match(sentence);
        if (by.Success)
        {
            var y = int.Parse(by.Groups[1].Value, CultureInfo.InvariantCulture);
            if (y >= plan.StartYear && y < plan.EndYear) return new PassageContext("milestone", y, plan.StartYear, y);
            if (y == plan.EndYear) return new PassageContext("goal", y, plan.StartYear, y);
            // 展望2035年 / 到2030年 in a plan ending earlier: a target of its own year, not of the plan's last one.
            if (y > plan.EndYear) return new PassageContext("goal", y, plan.StartYear, y);
        }
        // A news page published after the plan ended looks back: what it states without a commitment was reached by the last year.
        // (A plan's own page may show a later update date, so only news counts.)
        if (plan.IsNews && plan.Published > plan.EndYear && !Commitment().IsMatch(sentence))
            return new PassageContext("baseline", plan.EndYear, plan.StartYear, plan.EndYear);
        return new PassageContext("goal", plan.EndYear, plan.StartYear, plan.EndYear);
    }

    /// <summary>The year a sentence reports figures at, or null: a date after 截至 before the plan's last year (截至2023年底), a
    /// past date after 至/到 (至2023年年底 in a plan starting 2024) or opening the sentence (2023年，…), or the present (截至今年上半年, 截至目前, 目前/现已 opening the
    /// sentence, 目前全市已拥有…, 已达), which is the plan's first year (去年: the year before).</summary>
    public static int? ReportYear(string sentence, PlanHeader plan)
    {
        static List<int> Years(Regex r, string s) =>
            r.Matches(s).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var committed = Commitment().IsMatch(sentence);
        // A news page published after its plan ended looks back, so 截至2020年底 in a 十三五 review is a result even at the last year.
        var lastReported = plan.IsReport || plan.IsNews && plan.Published > plan.EndYear ? plan.EndYear : plan.EndYear - 1; // a report: its own year too
        if (Years(AsOf(), sentence) is { Count: > 0 } asOf && asOf.Max() <= lastReported && !committed) return asOf.Max();
        // 2022年1月至11月 / 2022年1-11月 / 2022年上半年: figures counted over part of a year are that year's results.
        if (Years(ReportPeriod(), sentence) is { Count: > 0 } period && period.Max() < plan.EndYear && !committed) return period.Max();
        if (Years(ByYear(), sentence) is { Count: > 0 } years) return years.Max() < plan.StartYear ? years.Max() : null;
        // 2023年，…: that year's; so is 2019年技术合同交易额…, a year before the plan opening the sentence without a comma.
        var opening = Years(SentenceYear(), sentence) is [var withComma] ? withComma
            : Years(PastYearOpening(), sentence) is [var bare] && !SinceYear().IsMatch(sentence) ? bare : (int?)null;
        if (opening < plan.StartYear) return opening;
        if (!Now().IsMatch(sentence) || committed) return null;
        var now = plan.Published is { } published && published <= plan.EndYear + 1 ? published : plan.StartYear;
        // A report of one year (2023年…白皮书, published in 2024): 已达 there is reached in the year reported on; only 今年/目前 is the page's own date.
        if (plan.IsReport && !Today().IsMatch(sentence)) now = plan.EndYear;
        return sentence.Contains("去年") ? now - 1 : now;
    }

    [GeneratedRegex(@"(?<!\d)(20\d\d)年?(?:至|到|—|-|–)(20\d\d)年期间")]
    private static partial Regex PeriodReported();

    [GeneratedRegex(@"(?:截至|截止到|截止)(\d{4})年")]
    private static partial Regex AsOf();

    // A stretch of one year that has already been counted: 1月至11月, 1-11月, 上半年, 前三季度.
    [GeneratedRegex(@"(\d{4})年(?:1[-—–~至到](?:\d{1,2})月|1月(?:份)?(?:至|到|[-—–~])\d{1,2}月|上半年|前[一二三]季度)")]
    private static partial Regex ReportPeriod();

    /// <summary>The target year a sentence names (到2023年), or null.</summary>
    public static int? TargetYear(string sentence) =>
        GoalYear().Match(sentence) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A target at <paramref name="year"/>: the plan's goal at its last year (or after), a milestone before.</summary>
    public static PassageContext At(int year, PlanHeader plan) =>
        new(year >= plan.EndYear ? "goal" : "milestone", year, Math.Min(plan.StartYear, year), year);

    /// <summary>Whether a sentence gives its own date: a year, a part of one (2018年1—9月), or the present (今年, 目前, 截至…).</summary>
    public static bool NamesItsDate(string sentence) =>
        OwnYears(sentence).Count > 0 || ReportPeriod().IsMatch(sentence) || Today().IsMatch(sentence) || AsOfNow().IsMatch(sentence);

    /// <summary>The years a sentence dates its figures by: not a base it compares with (比2019年, 较2016年, 是2010年的3.3倍) or
    /// a start (自1985年, 从2015年), which leave the figure at the date of the passage it stands in.</summary>
    public static List<int> OwnYears(string sentence) =>
        ExplicitYears().Matches(sentence).Where(m => m.Index == 0 || "比较与自从是".IndexOf(sentence[m.Index - 1]) < 0)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Whether a sentence of a report commits (力争, 计划, 年内, 到2027年).</summary>
    public static bool CommitsInReport(string sentence) => ReportCommitment().IsMatch(sentence);

    [GeneratedRegex(@"截至|截止")]
    private static partial Regex AsOfNow();

    /// <summary>Whether the rest of the sentence from <paramref name="at"/> compares a figure with the year before (同比): a result.</summary>
    public static bool ComparedWithYearBefore(string text, int at)
    {
        var end = text.IndexOfAny(['。', '；', ';', '\n'], at);
        return text.AsSpan(at, (end < 0 ? text.Length : end) - at).Contains("同比", StringComparison.Ordinal);
    }

    /// <summary>Whether a sentence names no year and no commitment, so it may continue the report of the sentence before it.</summary>
    public static bool Undated(string sentence) =>
        OwnYears(sentence).Count == 0 && !ReportPeriod().IsMatch(sentence) && !Commitment().IsMatch(sentence) && !Now().IsMatch(sentence);

    // 今年一季度, 今年1—4月 on a page dated after the year it reports (a 2018 page on 2017's ranking): the page's own year.
    [GeneratedRegex(@"(?:截至|截止到?)(?:今年|目前|当前|本年|去年|\d{1,2}月)|今年(?:上半年|以来|前[一二三四五六七八九十]+个?月|第?[一二三]季度|前[一二三]季度|1?\d(?:[-—–~至到]1?\d)?月)|^[^，,]{0,6}?(?:目前|现已)[，,]|^[^，,]{0,6}?(?:目前|当前)[^，,；;。\d]{0,8}?已|^[^，,\d]{0,3}?去年" +
        "|已达|已经达到|已突破" +
        // 据悉,全市现有有效发明专利…: 现有 before a subject's figure, not 依托现有平台.
        @"|^(?:[^，,]{0,4}[，,])?[^，,；;。\d]{0,6}?现有(?!的|基础|平台|资源|政策)")]
    private static partial Regex Now();

    [GeneratedRegex("今年|目前|当前|本年|现已|去年")]
    private static partial Regex Today();

    // Words of a commitment: what follows them is a target even in a paragraph that reports results.
    // 完成省定目标105.3% reports how much of a target was met, so 目标 after 完成 commits to nothing.
    [GeneratedRegex("力争|确保|将|计划|(?<!完成[^，,；;]{0,4})目标|预计|争取|推动|打造|实现|进一步|接下来|今后|提出|明确|《")]
    private static partial Regex Commitment();

    // Narrower than Commitment: a report's 实现/推动 describe what was done, not what is promised.
    // 年内培育15家 in a yearly meeting's report: a commitment for the year; 圆满完成…提出的1.09件目标 reports a target met.
    // 以创建示范城市为目标 names the purpose of what was done, not a target of its own.
    // 向…强市建设目标再进一步 names where the results lead, not a target either.
    // 至2022年末,…同比增长35.9%: a date whose figure is compared with the year before dates a result, as 截至 does.
    [GeneratedRegex(@"力争|确保|计划|(?<!完成[^，,；;。]*|向[^，,；;。]*|为)目标|预计|争取|年内|(?<!截|\d)(?:到|至)\d{4}年(?![^。；;]*同比)")]
    private static partial Regex ReportCommitment();

    [GeneratedRegex(@"(\d{4})年(?!\d)")]
    private static partial Regex ExplicitYears();

    // 2023年，… / 2023年底，… / 2015年末广西…: a year at the start of a sentence (年底/年末 need no comma after them).
    [GeneratedRegex(@"^\s*(20\d\d)年(?:(?:底|末)[，,：:]?|[，,：:])")]
    private static partial Regex SentenceYear();

    // 2021年以来, 2019年起: a year a stretch of time starts from, not the year of a figure.
    [GeneratedRegex(@"^\s*20\d\d年(?:以来|起|开始|至今)")]
    private static partial Regex SinceYear();

    // 2014年PCT专利申请190件: a year opening a sentence, with or without a comma, but not a range (2014—2016年) or a year's part.
    [GeneratedRegex(@"^\s*(20\d\d)年(?![\d\-—–~至到]|[1-9]月|度?[上下]半年|前[一二三]季度)")]
    private static partial Regex PastYearOpening();

    // 到2025年, 力争2026年 as a target date: not 截至2023年, nor the end of a rise already made (增长到2015年的B).
    [GeneratedRegex(@"(?<!截|增长|增加|提高|提升|上升|[增升])(?:到|至|力争|确保|争取)(\d{4})年")]
    private static partial Regex GoalYear();

    // 到2025年, 截至2023年, 力争2026年, 展望2035年: the year a figure is for.
    [GeneratedRegex(@"(?:到|至|截至|力争|确保|争取|展望)(\d{4})年")]
    private static partial Regex ByYear();
}
