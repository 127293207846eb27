using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Everything a rule needs about the sentence it reads.</summary>
/// <param name="Paragraph">The paragraph (line) the sentence stands in: a comparison base it names (与“十二五”末相比) holds for all its sentences.</param>
public sealed record SentenceInput(SearchText Text, PassageContext Context, IndicatorNames Names, List<Mention> Mentions, string Paragraph = "");

/// <summary>Builds a candidate from a mention, a quantity and the words around it; null when the unit does not fit.</summary>
internal static partial class Candidates
{
    public static TargetCandidate? Make(SentenceInput s, Indicator indicator, Quantity q, string words, string rule, int numberAt,
        int? yearOverride = null)
    {
        var value = q.In(indicator.Unit, indicator.AltUnits);
        // 知识产权质押融资业务612笔: a unit the named indicator cannot take picks its sibling that counts in it (the projects, not
        // the amount).
        if (value is null && s.Names.SiblingIn(indicator, q) is { } sibling) (indicator, value) = (sibling, q.In(sibling.Unit, sibling.AltUnits));
        if (value is null) return null;
        // 高价值发明专利拥有量1.63件: a count of things is whole; a fraction without 万 or 亿 is a rate per head whose name was
        // left out, so it is not the count (dropped, never loaded as it).
        if (q.Scale.Length == 0 && q.Value != Math.Floor(q.Value) && q.Unit is "件" or "家" or "个" or "项" or "户" or "所" or "名" or "人"
            && !indicator.Unit.Contains('/') && indicator.Unit is "件" or "家" or "个" or "项" or "户" or "所" or "名" or "人") return null;
        var ctx = yearOverride is { } y ? s.Context with { Year = y, SpanEnd = y, SpanStart = Math.Min(s.Context.SpanStart, y) } : s.Context;
        var (measure, isExplicit) = Qualifiers.Measure(indicator, words, ctx);
        // 累计商标注册已达14万件 in a report: a flow summed since records began (已达: up to now) is neither the year's or the
        // period's flow nor the stock in force, so it is not loaded.
        if (indicator.IsFlow && ctx.Kind == "baseline" && RunningTotal().IsMatch(words)) return null;
        var spanned = measure is "cumulative" or "increment";
        var fallback = indicator.Direction < 0 || UpperBound().IsMatch(words) ? "<=" : ">=";
        // 300件左右, 约300件, 近300件: about, not at least.
        var comparator = ctx.Kind == "baseline" || q.Qualifier == "左右" || words.EndsWith('约') || words.EndsWith('近') ? q.Comparator("=") : q.Comparator(fallback);
        return new TargetCandidate(indicator.IndicatorCode, ctx.Kind, measure, comparator, value.Value, ctx.Year,
            spanned ? ctx.SpanStart : ctx.Year, ctx.Year, s.Text.Original.Trim(), s.Text.Offset, rule, isExplicit, numberAt);
    }

    /// <summary>A growth-rate target (年均增长10%以上): percent per year over the plan's span up to the target year.</summary>
    public static TargetCandidate Growth(SentenceInput s, Indicator indicator, Quantity q, string words, int numberAt)
    {
        var ctx = s.Context;
        var comparator = ctx.Kind == "baseline" || q.Qualifier == "左右" ? q.Comparator("=") : q.Comparator(UpperBound().IsMatch(words) ? "<=" : ">=");
        return new TargetCandidate(indicator.IndicatorCode, ctx.Kind, "growth_rate", comparator, q.Value, ctx.Year,
            Math.Min(ctx.SpanStart, ctx.Year), ctx.Year, s.Text.Original.Trim(), s.Text.Offset, "growth", true, numberAt);
    }

    [GeneratedRegex("不超过|不高于|控制在|(?<!不)低于|以内|以下")]
    private static partial Regex UpperBound();

    // 累计…已达 / 累计达: a running total up to now.
    [GeneratedRegex("累计[^，,；;。]{0,12}(?:已达|已经达到|已突破)|累计已")]
    private static partial Regex RunningTotal();
}

/// <summary>Prose: "indicator [累计|每年|年均] [达|力争达到|突破|不低于] value unit", e.g. 有效注册商标量达13.5万件, or the value
/// right after the name (版权作品登记29.3万件); a growth rate (专利申请量年均增长10%以上); also 从A增加到B and 申请N件、授权M件.</summary>
public static partial class ProseRule
{
    /// <summary>每万人口高价值发明专利拥有量10件(2023年底达3.85件,2024年底达6.22件): dated figures in brackets right after a target
    /// are the same indicator at those years: milestones before the target's year, baselines before the plan's period.</summary>
    public static IEnumerable<TargetCandidate> Bracketed(SentenceInput s, IEnumerable<TargetCandidate> read)
    {
        var text = s.Text.Value;
        foreach (var c in read.Where(c => c.Kind is "goal" or "milestone" && c.Measure != "growth_rate" && c.NumberAt >= 0).ToList())
        {
            if (c.NumberAt >= text.Length || Quantity.ParsePrefix(text[c.NumberAt..]) is not var (_, length)) continue;
            var bracket = DatedBracket().Match(text[(c.NumberAt + length)..]);
            if (!bracket.Success || s.Names.Catalog.FindIndicator(c.IndicatorCode) is not { } indicator) continue;
            var at = c.NumberAt + length + bracket.Index;
            foreach (Match item in DatedItem().Matches(bracket.Value))
            {
                var year = int.Parse(item.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (year >= c.TargetYear || Quantity.ParsePrefix(item.Groups["n"].Value) is not var (q, _)) continue;
                var kind = year < s.Context.SpanStart ? "baseline" : "milestone";
                if (Candidates.Make(s, indicator, q, "", "bracket", at + item.Groups["n"].Index, year) is { } m)
                    yield return m with { Kind = kind, Comparator = kind == "baseline" ? "=" : m.Comparator };
            }
        }
    }

    // (以上)(2023年底达3.85件,2024年底达6.22件): a bracket holding only dated figures.
    [GeneratedRegex(@"^(?:以上|左右)?[（(](?:(?:19|20)\d\d年(?:底|末)?(?:力争|要|将)?(?:达到|达|为|突破|超过)?\d+(?:\.\d+)?(?:万|亿)?[^\d，,、；;（()）]{0,4}(?:以上|左右)?[，,、；;]?)+[)）]")]
    private static partial Regex DatedBracket();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年(?:底|末)?(?:力争|要|将)?(?:达到|达|为|突破|超过)?(?<n>\d+(?:\.\d+)?(?:万|亿)?[^\d，,、；;（()）]{0,4})")]
    private static partial Regex DatedItem();

    /// <summary>Applies the rule to one sentence.</summary>
    public static IEnumerable<TargetCandidate> Apply(SentenceInput s) => Lists(s).Concat(Single(s)).Concat(PerHead(s));

    /// <summary>每万人力争拥有12件发明专利 (or …拥有发明专利12件): a number per 10,000 people of a thing held is the rate the
    /// dictionary names 万人 + thing + 拥有量; a thing it does not name so (每万人拥有10件专利) is left to the rejects.</summary>
    private static IEnumerable<TargetCandidate> PerHead(SentenceInput s)
    {
        foreach (Match m in PerHeadHeld().Matches(s.Text.Value))
            if (s.Names.PerTenThousand(m.Groups["x"].Value + "拥有量") is { } rate && Quantity.ParsePrefix(m.Groups["n"].Value) is var (q, _)
                && Candidates.Make(s, rate, q, m.Groups["v"].Value, "per-10k", m.Groups["n"].Index) is { } c)
                yield return c;
    }

    // 每万人(口)力争拥有12件(以上)发明专利, up to the end of the clause; or the thing first: 每万人力争拥有发明专利12件.
    [GeneratedRegex(@"每万(?:人口|人|名)(?<v>(?:力争|将|要)?(?:拥有|达到|达))" +
        @"(?:(?<n>\d+(?:\.\d+)?件(?:以上)?)(?<x>[\u4e00-\u9fff]{2,8}?)(?=[，,；;。、]|$)" +
        @"|(?<x>[\u4e00-\u9fff]{2,8}?)(?:达到|达|为)?(?<n>\d+(?:\.\d+)?件))")]
    private static partial Regex PerHeadHeld();

    // 达到每万人: the words before a number given per 10,000 people.
    [GeneratedRegex(@"^(?:力争|将)?(?:达到|达|为|超过|突破|不低于|不少于)?每万(?:人口|人|名)(?=\d)")]
    private static partial Regex PerTenThousand();

    /// <summary>A list of names and then 分别 and as many numbers: 发明专利授权量、PCT专利申请量分别达到3000件、200件.</summary>
    private static IEnumerable<TargetCandidate> Lists(SentenceInput s)
    {
        var text = s.Text.Value;
        for (var i = 0; i < s.Mentions.Count; i++)
        {
            var j = i;
            while (j + 1 < s.Mentions.Count && ListJoint().IsMatch(text[s.Mentions[j].End..s.Mentions[j + 1].Start])) j++;
            // 国家级和省级优势示范企业、信息公共服务网点总数分别突破360家、18个: names the dictionary does not know may open the list;
            // they take the first numbers, which then stay unexplained (reported), and the known names the numbers after them.
            var unknownItems = UnknownItemsBefore(text, s.Mentions[i].Start, i > 0 ? s.Mentions[i - 1].End : 0);
            if (j == i && unknownItems == 0) continue;
            var rest = text[s.Mentions[j].End..];
            var clauseEnd = rest.IndexOfAny(['，', ',', '；', ';', '。']);
            if (unknownItems == 0 && RespectivelyFromTo().Match(clauseEnd < 0 ? rest : rest[..clauseEnd]) is { Success: true } fromTo)
            {
                var ends = new List<TargetCandidate>();
                foreach (var c in ListFromTo(s, i, j, fromTo))
                {
                    if (c.Rule == "from-to-end") ends.Add(c);
                    yield return c with { Rule = "from-to" };
                }
                // …增长到2015年的A、B,年均分别增长26%和23%: each one's average yearly growth over the period just stated.
                if (clauseEnd >= 0 && ends.Count == j - i + 1 && PeriodGrowths().Match(rest[clauseEnd..]) is { Success: true } g
                    && g.Groups["r"].Captures.Count == ends.Count)
                    for (var k = 0; k < ends.Count; k++)
                        yield return ends[k] with
                        {
                            Measure = "growth_rate", Value = double.Parse(g.Groups["r"].Captures[k].Value, CultureInfo.InvariantCulture),
                            Comparator = ends[k].Kind == "baseline" ? "=" : ">=",
                            SpanStart = Math.Min(FromYear(s, fromTo) + 1, ends[k].TargetYear),
                            SpanEnd = ends[k].TargetYear, Rule = "growth", ExplicitMeasure = true,
                            NumberAt = s.Mentions[j].End + clauseEnd + g.Groups["r"].Captures[k].Index,
                        };
                i = j;
                continue;
            }
            // 专利申请量、授权量年均分别增长12%和10%: one growth-rate target for each name (results' past growth is not loaded).
            if (unknownItems == 0 && s.Context.Kind != "baseline" && RespectiveGrowth().Match(rest) is { Success: true } rg
                && rg.Groups["r"].Captures.Count == j - i + 1)
            {
                for (var k = i; k <= j; k++)
                    if (!s.Mentions[k].Qualified && Quantity.ParsePrefix(rg.Groups["r"].Captures[k - i].Value) is var (qg, _))
                        yield return Candidates.Growth(s, s.Mentions[k].Indicator, qg, rg.Value,
                            s.Mentions[j].End + rg.Groups["r"].Captures[k - i].Index);
                i = j;
                continue;
            }
            var respectively = Respectively().Match(rest);
            if (!respectively.Success) continue;
            var pos = respectively.Length;
            var quantities = new List<(Quantity Q, int At)>();
            while (quantities.Count <= j - i + unknownItems && Quantity.ParsePrefix(rest[pos..]) is var (q, length) && q.Unit.Length > 0)
            {
                quantities.Add((q, s.Mentions[j].End + pos));
                pos += length;
                var joint = ListJoint().Match(rest[pos..]);
                if (!joint.Success || joint.Length == 0) break;
                pos += joint.Length;
            }
            if (quantities.Count != j - i + 1 + unknownItems) continue;
            var made = new List<TargetCandidate>();
            for (var k = i; k <= j; k++)
            {
                var m = s.Mentions[k];
                if (m.Qualified) continue;
                var (q, at) = quantities[k - i + unknownItems];
                if (Candidates.Make(s, m.Indicator, q, Before(text, m.Start, k > 0 ? s.Mentions[k - 1].End : 0) + m.Name + respectively.Value, "list", at) is { } c)
                    made.Add(c);
            }
            foreach (var c in made) yield return c;
            if (unknownItems == 0 && made.Count == j - i + 1)
                foreach (var g in ReportedGrowths(made, rest[pos..], s.Mentions[j].End + pos)) yield return g;
            i = j;
        }
    }

    /// <summary>How many list items (joined by 、, without digits or other names) stand between the clause start and a mention.</summary>
    private static int UnknownItemsBefore(string text, int start, int floor)
    {
        if (start == 0 || text[start - 1] != '、') return 0;
        var from = Math.Max(floor, text.LastIndexOfAny(['，', ',', '；', ';', '。', '：', ':'], start - 1) + 1);
        var head = text[from..(start - 1)];
        return head.Length == 0 || head.Any(char.IsDigit) ? 0 : head.Split('、').Length;
    }

    /// <summary>发明专利申请量、授权量分别从4.70万件、1.76万件增长至2020年的8.28万件、2.42万件: both lists are results (baselines),
    /// the first at the start of the period reviewed, the second at its end (or the year written before it).</summary>
    private static IEnumerable<TargetCandidate> ListFromTo(SentenceInput s, int i, int j, Match fromTo)
    {
        var count = j - i + 1;
        var origin = s.Mentions[j].End;
        var firsts = QuantityList(fromTo.Groups["a"].Value, origin + fromTo.Groups["a"].Index, count);
        var lasts = QuantityList(fromTo.Groups["b"].Value, origin + fromTo.Groups["b"].Index, count);
        if (lasts.Count != count) yield break;
        int? yearB = fromTo.Groups["yb"].Success ? int.Parse(fromTo.Groups["yb"].Value, CultureInfo.InvariantCulture) : null;
        var yearA = FromYear(s, fromTo);
        for (var k = i; k <= j; k++)
        {
            var m = s.Mentions[k];
            if (m.Qualified) continue;
            var (first, firstAt) = firsts.Count == count ? firsts[k - i] : default;
            if (firsts.Count == count && Candidates.Make(s, m.Indicator, first, "", "from-to", firstAt, yearA) is { } a)
                yield return a with { Kind = "baseline", Comparator = "=" };
            if (Candidates.Make(s, m.Indicator, lasts[k - i].Q, "", "from-to", lasts[k - i].At, yearB) is { } b)
                yield return EndPoint(s, b, yearB) with { Rule = "from-to-end" };
        }
    }

    /// <summary>The year of the first list of 分别从“十一五”末的A1、A2 / 分别从2015年的A1、A2: its own date, else the year before the
    /// plan's period.</summary>
    private static int FromYear(SentenceInput s, Match fromTo) =>
        fromTo.Groups["ya"].Success ? int.Parse(fromTo.Groups["ya"].Value, CultureInfo.InvariantCulture)
        : PlanNumber().Match(fromTo.Groups["pre"].Value) is { Success: true } pn ? PlanEnd(pn.Groups[1].Value) : s.Context.SpanStart - 1;

    /// <summary>万人发明专利拥有量2017年达到4.5件,2020年达到7.5件: each clause that gives only a year and a number after a dated one
    /// is the same indicator at that year.</summary>
    private static IEnumerable<TargetCandidate> LaterYears(SentenceInput s, Indicator indicator, string tail, int from, int tailAt)
    {
        while (from < tail.Length && YearClause().Match(tail[from..]) is { Success: true } y
            && Quantity.ParsePrefix(tail[(from + y.Length)..]) is var (q, length) && q.Unit.Length > 0)
        {
            var year = int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (Candidates.Make(s, indicator, q, y.Value, "prose", tailAt + from + y.Length, year) is { } c) yield return EndPoint(s, c, year);
            from += y.Length + length;
            if (from >= tail.Length || tail[from] is not ('，' or ',')) yield break;
            from++;
        }
    }

    [GeneratedRegex(@"^\s*(?<y>20\d\d)年(?:底|末)?[，,]?(?:力争)?(?:达到|达|突破|超过|不低于|不少于|为)(?=\d)")]
    private static partial Regex YearClause();

    private static IEnumerable<TargetCandidate> FiguresAfterGrowth(SentenceInput s, Indicator indicator, string tail, int from, int tailAt)
    {
        while (from < tail.Length && tail[from] is '，' or ',' && ClauseFigure().Match(tail[(from + 1)..]) is { Success: true } f
            && Quantity.ParsePrefix(tail[(from + 1 + f.Length)..]) is var (q, length) && q.Unit.Length > 0)
        {
            int? year = f.Groups["y"].Success ? int.Parse(f.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (Candidates.Make(s, indicator, q, f.Value, "prose", tailAt + from + 1 + f.Length, year) is { } c)
                yield return year is null ? c : EndPoint(s, c, year);
            from += 1 + f.Length + length;
            if (from < tail.Length && tail[from..].StartsWith("以上", StringComparison.Ordinal)) from += 2;
        }
    }

    // 2028年突破280亿元 / 到2027年达到240亿元 / 三年累计不少于750亿元: a clause of a year or a sum, a comparator and a figure.
    [GeneratedRegex(@"^\s*(?:(?:到|至)?(?<y>20\d\d)年(?:底|末)?[，,]?|(?:[两二三四五]年|“十五五”期间|十五五期间)?累计)(?:力争)?(?:达到|达|突破|超过|不低于|不少于|为)(?=\d)")]
    private static partial Regex ClauseFigure();

    /// <summary>The last year of a five-year plan by its number (十二五 → 2015): 从“十二五”末的A dates A.</summary>
    private static int PlanEnd(string number) => 1955 + 5 * (10 + "一二三四".IndexOf(number[0], StringComparison.Ordinal) + 1);

    /// <summary>B of 从A提高到B: in a review, a result (baseline); among goals, the target for its year (goal or milestone).</summary>
    private static TargetCandidate EndPoint(SentenceInput s, TargetCandidate b, int? yearB)
    {
        var ctx = s.Context;
        if (ctx.Kind != "baseline" && (yearB ?? ctx.Year) is var year && year >= ctx.SpanStart)
            return b with { Kind = year == ctx.Year ? ctx.Kind : year < ctx.Year ? "milestone" : "goal" };
        return yearB is { } yb && b.Measure == "cumulative" // a flow in a named year is that year's, not a sum
            ? b with { Kind = "baseline", Comparator = "=", Measure = "annual", SpanStart = yb }
            : b with { Kind = "baseline", Comparator = "=" };
    }

    /// <summary>The growth-rate target of mention <paramref name="i"/> when it is one of names joined by 和/及/与/、 and the clause
    /// after the last of them is a growth rate; null otherwise (and among results, where past growth is not loaded).</summary>
    private static TargetCandidate? SharedGrowth(SentenceInput s, int i)
    {
        var text = s.Text.Value;
        bool Joined(int a) => a + 1 < s.Mentions.Count && JointOnly().IsMatch(text[s.Mentions[a].End..s.Mentions[a + 1].Start]);
        if (!(Joined(i) || i > 0 && Joined(i - 1))) return null;
        if (s.Context.Kind == "baseline") return RespectiveYearOnYear(s, i, Joined);
        var last = i;
        while (Joined(last)) last++;
        var m = s.Mentions[i];
        var end = last + 1 < s.Mentions.Count ? s.Mentions[last + 1].Start : text.Length;
        var tail = text[s.Mentions[last].End..end];
        var clauseEnd = ClauseEnd(tail);
        var growth = Growth().Match(clauseEnd >= 0 ? tail[..clauseEnd] : tail);
        if (m.Qualified || !growth.Success || Quantity.ParsePrefix(growth.Groups["n"].Value) is not var (q, _)) return null;
        return Candidates.Growth(s, m.Indicator, q, growth.Value, s.Mentions[last].End + growth.Groups["n"].Index);
    }

    /// <summary>专利申请量和授权量分别同比增长50.6%和28.1%: among results, joined names then as many changes over the year before,
    /// 分别, are each one's growth rate that year, in order; null when the counts differ or the base is another year.</summary>
    private static TargetCandidate? RespectiveYearOnYear(SentenceInput s, int i, Func<int, bool> joined)
    {
        var text = s.Text.Value;
        int first = i, last = i;
        while (first > 0 && joined(first - 1)) first--;
        while (joined(last)) last++;
        var end = last + 1 < s.Mentions.Count ? s.Mentions[last + 1].Start : text.Length;
        var g = RespectiveGrowthAfter().Match(text[s.Mentions[last].End..end]);
        if (!g.Success || g.Groups["n"].Captures.Count != last - first + 1 || s.Mentions[i].Qualified) return null;
        var rate = g.Groups["n"].Captures[i - first];
        if (Quantity.ParsePrefix(rate.Value + "%") is not var (q, _)) return null;
        var c = Candidates.Growth(s, s.Mentions[i].Indicator, q, g.Value, s.Mentions[last].End + rate.Index);
        return c with { SpanStart = c.TargetYear };
    }

    // 分别同比增长50.6%和28.1% / 同比分别增长… / 分别比上年增长…: one change over the year before per joined name.
    [GeneratedRegex(@"^(?:分别)?(?:同比|比上年|较上年|比去年|较去年)(?:分别)?(?:增长|增加|提高|提升)了?(?:(?<n>\d+(?:\.\d+)?)%(?:、|和|与|及)?){2,}(?![\d])")]
    private static partial Regex RespectiveGrowthAfter();

    /// <summary>Up to <paramref name="count"/> quantities with units joined by 、/和 at the start of <paramref name="text"/>.</summary>
    private static List<(Quantity Q, int At)> QuantityList(string text, int at, int count)
    {
        var found = new List<(Quantity, int)>();
        var pos = 0;
        while (found.Count < count && Quantity.ParsePrefix(text[pos..]) is var (q, length) && q.Unit.Length > 0)
        {
            found.Add((q, at + pos));
            pos += length;
            var joint = ListJoint().Match(text[pos..]);
            if (!joint.Success || joint.Length == 0) break;
            pos += joint.Length;
        }
        return found;
    }

    private static IEnumerable<TargetCandidate> Single(SentenceInput s)
    {
        var text = s.Text.Value;
        for (var i = 0; i < s.Mentions.Count; i++)
        {
            var m = s.Mentions[i];
            if (m.Qualified) continue; // a narrower indicator the dictionary does not know: reported as unknown, never loaded as this one
            // 专利申请量和授权量年均增长15%: a growth rate after joined names is each one's rate (a rate, unlike a count, is not shared).
            if (SharedGrowth(s, i) is { } shared) { yield return shared; continue; }
            // 保护中心和快速维权中心数量达到3个: a number after two joined names counts both, so it is neither's (reported instead).
            if (i > 0 && JointOnly().IsMatch(text[s.Mentions[i - 1].End..m.Start])) continue;
            var end = i + 1 < s.Mentions.Count ? s.Mentions[i + 1].Start : text.Length;
            var tail = text[m.End..end];
            var clauseEnd = ClauseEnd(tail);
            var clause = clauseEnd >= 0 ? tail[..clauseEnd] : tail;
            var before = Before(text, m.Start, i > 0 ? s.Mentions[i - 1].End : 0);
            // 有4个县区每万人有效发明专利拥有量超过10件: the number is a threshold the places counted pass, not a figure of the region.
            if (PlacesCounted().IsMatch(before)) continue;

            var fromTo = FromTo().Match(clause);
            if (fromTo.Success && Quantity.ParsePrefix(fromTo.Groups["a"].Value) is var (qa, _) && Quantity.ParsePrefix(fromTo.Groups["b"].Value) is var (qb, _))
            {
                // 从A增加到B: A at the start of the previous plan period, B at its end, unless the years are written (由2015年的A…2020年的B).
                int? yearA = fromTo.Groups["ya"].Success ? int.Parse(fromTo.Groups["ya"].Value, CultureInfo.InvariantCulture)
                    : fromTo.Groups["pa"].Success ? PlanEnd(fromTo.Groups["pa"].Value) : null;
                int? yearB = fromTo.Groups["yb"].Success ? int.Parse(fromTo.Groups["yb"].Value, CultureInfo.InvariantCulture) : null;
                var start = yearA ?? s.Context.SpanStart - 1;
                var first = qa with { Unit = qa.Unit.Length > 0 ? qa.Unit : qb.Unit };
                if (Candidates.Make(s, m.Indicator, first, "", "from-to", m.End + fromTo.Groups["a"].Index, start) is { } a)
                    yield return a with { Kind = "baseline", Comparator = "=" };
                if (Candidates.Make(s, m.Indicator, qb, "", "from-to", m.End + fromTo.Groups["b"].Index, yearB) is { } b)
                    yield return EndPoint(s, b, yearB);
                continue;
            }

            var growth = Growth().Match(clause);
            if (growth.Success && Quantity.ParsePrefix(growth.Groups["n"].Value) is var (qr, _))
            {
                // A growth rate of past results (十三五期间年均增长31%) is not a commitment and not a level: neither loaded nor reported.
                if (s.Context.Kind != "baseline")
                {
                    yield return Candidates.Growth(s, m.Indicator, qr, growth.Value, m.End + growth.Groups["n"].Index);
                    // 登记金额年均增长15%以上，2028年突破280亿元，三年累计不少于750亿元: the clauses after a growth target that give
                    // only a year or a sum and a figure are the same indicator's.
                    foreach (var next in FiguresAfterGrowth(s, m.Indicator, tail, growth.Index + growth.Length, m.End)) yield return next;
                }
                continue;
            }
            // 新建区专利申请量同比增长75.85%: among results, a change over the year before with no level is that year's growth rate.
            if (s.Context.Kind == "baseline" && YearOnYear().Match(clause) is { Success: true } yoy
                && Quantity.ParsePrefix(yoy.Groups["n"].Value) is var (qy, _))
            {
                var yearRate = Candidates.Growth(s, m.Indicator, qy, yoy.Value, m.End + yoy.Groups["n"].Index);
                yield return yearRate with { Comparator = "=", Value = (yoy.Groups["minus"].Success ? -1 : 1) * qy.Value,
                    SpanStart = yearRate.TargetYear };
                continue;
            }

            // 首次突破万件,达12022件: the clause runs on past the threshold to the figure (Lead reads the threshold as its first words).
            if (Threshold().Match(tail) is { Success: true } threshold && ClauseEnd(tail[threshold.Length..]) is var afterThreshold)
                clause = afterThreshold >= 0 ? tail[..(threshold.Length + afterThreshold)] : tail;
            // 发明专利拥有量达到每万人10件: a count's name, then a number per 10,000 people, is the rate of the same thing.
            if (PerTenThousand().Match(clause) is { Success: true } per && s.Names.PerTenThousand(m.Name) is { } perHead
                && Quantity.ParsePrefix(clause[per.Length..]) is var (qp, _) && qp.Unit.Length > 0)
            {
                if (Candidates.Make(s, perHead, qp, before + m.Name + per.Value, "per-10k", m.End + per.Length) is { } pc) yield return pc;
                continue;
            }
            var lead = Lead().Match(clause);
            if (!lead.Success) continue;
            var rest = clause[lead.Length..];
            // 质押融资19笔、金额7.5亿元: a count of deals, then the amount they come to, which is what an amount indicator measures.
            var skip = m.Indicator.Unit.EndsWith('元') && CountThenAmount().Match(tail[lead.Length..]) is { Success: true } deals ? deals.Length : 0;
            if (skip > 0 && tail[(lead.Length + skip)..] is var amount)
            {
                rest = ClauseEnd(amount) is var amountEnd and >= 0 ? amount[..amountEnd] : amount;
                // …and the count of deals is the sibling indicator that counts in 笔, when the dictionary has one.
                if (Quantity.ParsePrefix(tail[lead.Length..]) is var (dealCount, _)
                    && Candidates.Make(s, m.Indicator, dealCount, before + m.Name + lead.Value, "prose", m.End + lead.Length) is { } count)
                    yield return count;
            }
            // 驰名商标达3至5件: a range commits to its lower bound at least (the upper bound is hope, not commitment).
            var upper = RangeUpper().Match(rest);
            if (upper.Success) rest = rest[..upper.Groups["cut"].Index] + rest[(upper.Groups["cut"].Index + upper.Groups["cut"].Length)..];
            if (Quantity.ParsePrefix(rest) is not var (q, length) || q.Unit.Length == 0) continue;
            if (rest.Length > length && NotAQuantity().IsMatch(rest[length..])) continue;
            if (upper.Success) length += upper.Groups["cut"].Length;
            // 2017年达到4.5件,2020年达到7.5件: the year before each number (after the name, or opening a continuing clause) is its own.
            var dated = lead.Groups["y"].Success ? lead.Groups["y"].Value
                : m.Name.Length == 0 && ClauseYear().Match(text[..m.Start]) is { Success: true } cy ? cy.Groups[1].Value : null;
            int? leadYear = dated is null ? null : int.Parse(dated, CultureInfo.InvariantCulture);
            var level = Candidates.Make(s, m.Indicator, q, before + m.Name + lead.Value, "prose", m.End + lead.Length + skip, leadYear) is { } c
                ? leadYear is null ? c : EndPoint(s, c, leadYear) : null;
            if (level != null) yield return level;
            if (leadYear != null && clauseEnd >= 0)
                foreach (var next in LaterYears(s, m.Indicator, tail, clauseEnd + 1, m.End)) yield return next;

            // 新增专利申请11407件、授权6863件: the second number is the grants of the same thing.
            var after = tail[(lead.Length + skip + length)..];
            if (level != null && ReportedGrowth(s, level, after, m.End + lead.Length + skip + length) is { } rate) yield return rate;
            // 地理标志产品年产值突破120亿元，年均增长12%以上: a target's level, then its average yearly growth over the span too.
            if (level is { Kind: not "baseline" } && GrowthGoalAfter().Match(after) is { Success: true } gg
                && Quantity.ParsePrefix(gg.Groups["n"].Value) is var (qgg, _) && qgg.Unit == "%")
                yield return Candidates.Growth(s, m.Indicator, qgg, gg.Value, m.End + lead.Length + skip + length + gg.Groups["n"].Index);
            if (level != null && ReportedIncrease(s, m.Indicator, level, after, m.End + lead.Length + skip + length) is { } increase) yield return increase;
            var elided = ElidedGrant().Match(after);
            if (elided.Success && m.Name.Contains("申请") && s.Names.Catalog.FindIndicator(m.Indicator.IndicatorName.Replace("申请", "授权")) is { } grants
                && Quantity.ParsePrefix(elided.Groups["n"].Value) is var (qg, _)
                && Candidates.Make(s, grants, qg, before, "elided-grant", m.End + lead.Length + skip + length + elided.Groups["n"].Index) is { } g)
                yield return g;
            // 万人有效发明专利10.11件,比2018年底万人有效量2.92件: the level compared with is that year's result.
            var compared = ComparedLevel().Match(after);
            if (compared.Success && Quantity.ParsePrefix(compared.Groups["n"].Value) is var (qc, _) && qc.Unit.Length > 0
                && (compared.Groups["y"].Success ? int.Parse(compared.Groups["y"].Value, CultureInfo.InvariantCulture)
                    : 1955 + 5 * (11 + "一二三四五".IndexOf(compared.Groups["p"].Value[0], StringComparison.Ordinal))) is var cy2
                && Candidates.Make(s, m.Indicator, qc, "", "compared", m.End + lead.Length + skip + length + compared.Groups["n"].Index, cy2)
                    is { } cl)
            {
                yield return cl with { Kind = "baseline", Comparator = "=" };
                // 较“十一五”末的1.9件年均增长29.3%: the result's average yearly growth since the level it is compared with.
                if (level is { Kind: "baseline" } && compared.Groups["r"].Success && cy2 < level.TargetYear)
                    yield return level with
                    {
                        Measure = "growth_rate", Comparator = "=",
                        Value = double.Parse(compared.Groups["r"].Value, CultureInfo.InvariantCulture),
                        SpanStart = cy2 + 1, SpanEnd = level.TargetYear, Rule = "growth", ExplicitMeasure = true,
                        NumberAt = m.End + lead.Length + skip + length + compared.Groups["r"].Index,
                    };
            }
            // 申请各类专利77件,其中发明专利30件: the part after 其中 is the invention patents of the same count.
            var part = InventionPart().Match(after);
            if (part.Success && m.Indicator.IndicatorCode is "patent_applications" or "patent_grants"
                && s.Names.Catalog.FindIndicator("发明" + m.Indicator.IndicatorName) is { } inventions
                && Quantity.ParsePrefix(part.Groups["n"].Value) is var (qi, _)
                && Candidates.Make(s, inventions, qi, before, "invention-part", m.End + lead.Length + skip + length + part.Groups["n"].Index,
                    leadYear) is { } ip)
            {
                var inv = leadYear is null ? ip : EndPoint(s, ip, leadYear);
                yield return inv;
                // …其中发明专利950件,同比增长57.02%: the part's own growth rate.
                var partEnd = part.Groups["n"].Index + part.Groups["n"].Length;
                if (ReportedGrowth(s, inv, after[partEnd..], m.End + lead.Length + skip + length + partEnd) is { } partRate) yield return partRate;
            }
        }
    }

    /// <summary>有效发明专利3072件,同比增长30.56%: a result followed by its change over the year before (同比, 比上年, 较上年底, or
    /// 增长 alone) is also that indicator's growth rate in the same year. Only for results and a yearly plan's targets (同比 only): a
    /// multi-year target's growth is read by <see cref="Growth"/>, and a change against an earlier period (较“十二五”末增长) or a
    /// multiple is not a yearly rate.</summary>
    internal static TargetCandidate? ReportedGrowth(SentenceInput s, TargetCandidate level, string after, int afterAt)
    {
        // A yearly plan's target for its one year (2026年，力争…1500件以上，同比增长10%) sets that year's growth over the year before too.
        var yearlyTarget = level.Kind != "baseline" && level.SpanStart == level.SpanEnd && PassageContext.CommitsInReport(s.Text.Value);
        if (level.Kind != "baseline" && !yearlyTarget) return null;
        var g = GrowthAfter().Match(after);
        if (!g.Success || Quantity.ParsePrefix(g.Groups["n"].Value) is not var (q, _) || q.Unit != "%") return null;
        if (yearlyTarget && !g.Groups["yoy"].Success) return null;
        // 比2021年年底增长: only the end of the year before the result's is a year's growth.
        if (g.Groups["py"].Success && int.Parse(g.Groups["py"].Value, CultureInfo.InvariantCulture) != level.TargetYear - 1) return null;
        // 同比增长-28.5%: a bulletin writes a fall as a negative growth.
        var sign = g.Groups["minus"].Success ? -1 : 1;
        // 与“十二五”末相比,…达到112335件、增长了119.71%: a bare 增长 in a sentence that names another base is growth since then.
        if (!g.Groups["yoy"].Success && (OtherBase().IsMatch(s.Text.Value) || OtherBase().IsMatch(s.Paragraph))) return null;
        return level with
        {
            Measure = "growth_rate", Comparator = "=", Value = sign * q.Value, SpanStart = level.TargetYear, SpanEnd = level.TargetYear,
            Rule = "growth", ExplicitMeasure = true, NumberAt = afterAt + g.Groups["n"].Index,
        };
    }

    /// <summary>有效发明专利已达28件,同比增加13件: a stock reported with its change over the year before in its own unit gives the
    /// year's increment too (only for stocks, and only against the year before: 较“十二五”末增长46218件 is not one year's).</summary>
    internal static TargetCandidate? ReportedIncrease(SentenceInput s, Indicator indicator, TargetCandidate level, string after, int afterAt)
    {
        if (level.Kind != "baseline" || level.Measure != "stock") return null;
        var g = IncreaseAfter().Match(after);
        if (!g.Success || Quantity.ParsePrefix(g.Groups["n"].Value) is not var (q, _) || q.Unit.Length == 0 || q.Unit == "%") return null;
        return Candidates.Make(s, indicator, q, "新增", "increase", afterAt + g.Groups["n"].Index, level.TargetYear) is { } c
            ? c with { Kind = "baseline", Comparator = "=", SpanStart = level.TargetYear, SpanEnd = level.TargetYear }
            : null;
    }

    [GeneratedRegex(@"^[，,]\s*(?:同比|比上年|较上年(?:底|末)?|比去年|较去年(?:底|末)?)(?:增加|增长|新增|净增)了?(?<n>\d+(?:\.\d+)?(?:万|亿)?(?:件|家|个|项))")]
    private static partial Regex IncreaseAfter();

    /// <summary>分别为10141件、6753件,同比增长23.71%、66.72%: one growth rate per result of a list, in the same order.</summary>
    internal static IEnumerable<TargetCandidate> ReportedGrowths(IReadOnlyList<TargetCandidate> levels, string after, int afterAt)
    {
        if (levels.Count < 2 || levels.Any(l => l.Kind != "baseline")) yield break;
        var g = GrowthListAfter().Match(after);
        if (!g.Success) yield break;
        var rates = g.Groups["n"].Captures;
        if (rates.Count != levels.Count) yield break;
        for (var k = 0; k < levels.Count; k++)
            yield return levels[k] with
            {
                Measure = "growth_rate", Comparator = "=", Value = double.Parse(rates[k].Value, CultureInfo.InvariantCulture),
                SpanStart = levels[k].TargetYear, SpanEnd = levels[k].TargetYear, Rule = "growth", ExplicitMeasure = true,
                NumberAt = afterAt + rates[k].Index,
            };
    }

    // ,同比增长30.56% / ,比上年增长8% / ,较上年底增长19.60% / 、增长49.78%: a year-on-year change right after a result.
    // (,占授权总量24.74%,同比增长17.64%: a share of the whole may stand between the result and its growth.)
    // (,居全省县区第3位,全市县区第1位,同比增长96.7%: ranks may stand there too; after 位于/居/列 a rank may drop 第: 位于全省26位.)
    // (,比2021年年底增长11.19%: against the end of the year before, named.)
    [GeneratedRegex(@"^(?:以上|左右)?(?:[，,]占[^，,；;。\d]{1,12}?\d+(?:\.\d+)?%)?(?:[，,](?:(?:位于|位居|位列|居于|居|排名|排|列)[^，,；;。\d]{0,12}?第?|[^，,；;。\d]{0,12}?第)[一二三四五六七八九十\d]+(?:位|名))*[，,、]\s*(?<yoy>同比|比上年|较上年(?:底|末|同期)?|比去年|较去年(?:底|末|同期)?|[比较](?<py>(?:19|20)\d\d)年(?:年)?(?:底|末))?(?:增长|增加|提高|提升|上升)了?(?<minus>[-－−])?(?<n>\d+(?:\.\d+)?%)(?![\d、和])")]
    private static partial Regex GrowthAfter();

    [GeneratedRegex(@"相比|[较比与](?:“|”|十[一二三四]五|\d{4}年)")]
    private static partial Regex OtherBase();

    // 分别比增N%和M%: 比增 (增长 over the period before) said in one word.
    [GeneratedRegex(@"^[，,]?\s*(?:(?:同比|比上年|较上年|比去年|较去年)(?:分别)?(?:增长|增加|提高|提升)|分别比增|比增)了?(?:(?<n>\d+(?:\.\d+)?)%(?:、|和|与)?)+(?![\d])")]
    private static partial Regex GrowthListAfter();

    /// <summary>The words just before a mention, back to the previous clause break or mention.</summary>
    internal static string Before(string text, int start, int floor)
    {
        var from = Math.Max(floor, text.LastIndexOfAny(ClauseBreaks, Math.Max(0, start - 1)) + 1);
        return start > from ? text[from..start] : "";
    }

    /// <summary>Where the first clause of <paramref name="text"/> ends (-1 if it runs to the end); a comma inside a number
    /// (1,200余家) is a thousands separator, not a break.</summary>
    internal static int ClauseEnd(string text)
    {
        for (var at = text.IndexOfAny(ClauseBreaks); at >= 0; at = text.IndexOfAny(ClauseBreaks, at + 1))
            if (!(text[at] == ',' && at > 0 && at + 1 < text.Length && char.IsAsciiDigit(text[at - 1]) && char.IsAsciiDigit(text[at + 1])))
                return at;
        return -1;
    }

    internal static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '。', '、', '：', ':'];

    // Between the name and its number: a goal date (到2027年), how it accumulates (累计, 三年累计, 每年, 新增), a ranking
    // (在全省率先) and a comparator (达到, 力争达到, 将突破, 不低于).
    // A bare year after the name (万人发明专利拥有量2017年达到4.5件) dates the number itself.
    // 首次突破万件,达12022件: a round threshold in words before the figure itself is skipped.
    // 突破两万大关,共22479件: the threshold may be written in numerals of words without 件.
    // 呈现了快速增长势头,达1927件: so may a trend.
    [GeneratedRegex(@"^(?:(?:首次)?(?:突破|超过|迈上|跨过)[一二两三四五六七八九十百千万亿]*[十百千万亿](?:件)?(?:大关)?[，,]?" +
        @"|(?:呈现|保持|继续保持|延续)了?[^，,；;。\d]{0,10}?(?:势头|态势)[，,])(?=(?:达到|达|为|共计|共)\d)")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"^(?:(?:首次)?(?:突破|超过|迈上|跨过)[一二两三四五六七八九十百千万亿]*[十百千万亿](?:件)?(?:大关)?[，,]?" +
        @"|(?:呈现|保持|继续保持|延续)了?[^，,；;。\d]{0,10}?(?:势头|态势)[，,](?=达到|达|为))?(?:(?:到|至|于)20\d\d年(?:底|末|前)?|(?<y>20\d\d)年(?:底|末)?)?" +
        @"(?:力争|确保|预计|将|已经|已|现已|新增|在全[国省市区县](?:率先|首次)?|(?:[两三四五\d]年)?累计|" +
        @"共计|合计|共|每年|年均|年度|全年|总数|总量|总额|数量|人数|家数|个数|件数|注册总量|注册量|拥有量|有效量|金额|规模|登记金额|累计金额|有效|稳定|年内|当年|" +
        // 登记证书累计颁发不少于500件, 调解纠纷案件年均受理2000件: the act that yields the count, between name and number.
        @"颁发|发放|受理|办理|办结|业务)*" +
        @"(?:达到|达|约为|为|约|近|超过|超|不低于|不少于|不超过|不高于|突破|保持在|稳定在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|" +
        @"上升到|上升至|逾|实现|到|至少|至)?(?=\d|[两二三四五六七八九十][件家个项户名人所篇])")]
    private static partial Regex Lead();

    // 年均增长10%以上, 增幅10%以上, 增长率达到8%, 实现年均增长10%: a growth rate, not a level.
    [GeneratedRegex(@"^(?:力争|确保)?(?:实现)?(?:年均|年平均|平均每年|每年|平均|年)?(?:增长率|增速|增幅|增长|递增)(?:保持在|保持|达到|达|为|不低于|不少于|超过|在)?(?<n>\d+(?:\.\d+)?%(?:以上|左右)?)")]
    private static partial Regex Growth();

    [GeneratedRegex(@"^(?:以上|左右)?[，,]\s*(?:力争|确保|实现)?(?:年均|年平均|平均每年)(?:增长|增速|增幅|递增)(?:保持在|达到|达|为|不低于|超过)?" +
        @"(?<n>\d+(?:\.\d+)?%(?:以上|左右)?)(?=[，,；;。]|$)")]
    private static partial Regex GrowthGoalAfter();

    [GeneratedRegex(@"^(?:同比|比上年|较上年|比去年|较去年)(?:增长|增加|提高|提升|上升)了?(?<minus>[-－−])?(?<n>\d+(?:\.\d+)?%)(?![\d、和])")]
    private static partial Regex YearOnYear();

    [GeneratedRegex(@"^(?:、|，|,|和|及|以及|与)")]
    private static partial Regex ListJoint();

    [GeneratedRegex(@"^(?:、|和|及|以及|与)$")]
    private static partial Regex JointOnly();

    [GeneratedRegex(@"^(?:总数|总量|数量|每年|年均|累计|力争|将)*分别(?:达到|达|为|超过|突破|不低于|不少于|增加到|提高到|保持在)?")]
    private static partial Regex Respectively();

    [GeneratedRegex(@"^(?:累计|总量|总数|数量|拥有量|有效量|注册量)?[从由]" +
        @"(?:(?<ya>(?:19|20)\d\d)年(?:底|末)?的?|“?十(?<pa>[一二三四])五”?(?:期?末)的?)?(?<a>\d[\d.,]*(?:万|亿)?[^\d增提上到]{0,3})" +
        "(?:" + Rises + @")(?:(?<yb>(?:19|20)\d\d)年(?:底|末)?的?)?(?<b>\d[\d.,]*(?:万|亿)?\S{0,3})")]
    private static partial Regex FromTo();

    // 2020年达到 opening a clause that continues the indicator of the clause before.
    [GeneratedRegex(@"(20\d\d)年(?:底|末)?[，,：:]?\D*$")]
    private static partial Regex ClauseYear();

    // The verbs of 从A增长到B.
    private const string Rises = "增加到|增加至|提高到|提高至|增长到|增长至|提升到|提升至|上升到|上升至|增至|升至";

    // 十一五 in “十一五”末: the number of a five-year plan.
    [GeneratedRegex("十([一二三四])五")]
    private static partial Regex PlanNumber();

    // ,占全省1/3强,年均分别增长26.1%和23.2%: growth rates after a from-to list, past one aside clause.
    [GeneratedRegex(@"^[，,](?:[^，,；;。]{0,12}[，,])?(?:年均|年平均|平均每年)分别(?:增长|递增|提高)了?(?:(?<r>\d+(?:\.\d+)?)%(?:和|、|与|及)?){2,}")]
    private static partial Regex PeriodGrowths();

    // 年均分别增长12%和10%以上 / 分别年均增长…: one growth rate per listed name.
    [GeneratedRegex(@"^(?:力争|将)?(?:年均|年平均|平均每年|每年)?分别(?:年均)?(?:增长|递增|增幅|增速)(?:达到|为|保持在)?(?:(?<r>\d+(?:\.\d+)?%)(?:以上|左右)?(?:和|、|与|及)?){2,}")]
    private static partial Regex RespectiveGrowth();

    // 分别从A1、A2增长至2020年的B1、B2: the two lists of a from-to statement about a list of names.
    [GeneratedRegex(@"^(?:每年|年均|累计)?分别[从由](?:(?<ya>(?:19|20)\d\d)年(?:底|末)?的?)?(?<pre>[^\d]{0,10}?)(?<a>\d[^增提上]*?)(?:" + Rises +
        @")(?:(?<yb>(?:19|20)\d\d)年(?:底|末)?的?)?(?<b>\d.*)$")]
    private static partial Regex RespectivelyFromTo();

    // 19笔、金额7.5亿元 / 200笔,总金额达50亿元: a count of deals, then their amount.
    [GeneratedRegex(@"^\d+(?:笔|宗|单)[、，,]?(?:总金额|金额|总额|融资额|融资金额)(?:达到|达|为|共|合计)?(?=\d)")]
    private static partial Regex CountThenAmount();

    [GeneratedRegex(@"有[\d一二三四五六七八九十两]+个(?:县|区|市|县区|区县|县市|市县|县市区|县（市、区）|县\(市、区\)|乡镇|镇|街道|园区)[^，,；;。]{0,4}$")]
    private static partial Regex PlacesCounted();

    // 3至5件, 2-3家, 10～15个: the part of a range after its lower bound (not 2021-2025年, a span of years).
    [GeneratedRegex(@"^\d+(?:\.\d+)?(?<cut>(?:至|到|[-~～—–])\d+(?:\.\d+)?)(?=(?:万|亿)?(?:件|家|个|项|所|名|人|户|座|条|%))")]
    private static partial Regex RangeUpper();

    // A number followed by 年/月/日/号/届/次会议 is a date or a serial number, not a quantity.
    [GeneratedRegex(@"^(?:年|月|日|号|届|次会议|〕)")]
    private static partial Regex NotAQuantity();

    // ,比2018年底万人有效量2.92件: a level at an earlier year (not a change: 比2018年增长2倍 has a verb before its number);
    // 比“十一五”末的3.72件: at the last year of an earlier five-year plan; ranks may stand before it (,在全国35个城市中排名第六位),
    // and its average yearly growth since may follow (年均增长29.3%).
    [GeneratedRegex(@"^(?:[，,][^，,；;。]{0,20}?第[一二三四五六七八九十\d]+(?:位|名))*" +
        @"[，,]\s*(?:比|较)(?:(?<y>(?:19|20)\d\d)年(?:底|末)?|“?十(?<p>[一二三四五])五”?(?:期末|末))的?" +
        @"[^\d，,。；;增提减降多上翻长高低]{0,8}?(?<n>\d[\d.,]*(?:万|亿)?(?:件|家|个|项))(?:[，,]?(?:年均|年平均)增长(?<r>\d+(?:\.\d+)?)%)?")]
    private static partial Regex ComparedLevel();

    // 授权专利8761件,同比增长67.26%,其中发明专利950件: the part may follow the whole's growth rate.
    [GeneratedRegex(@"^(?:[，,]\s*(?:同比|比上年|较上年)?(?:增长|增加)\d+(?:\.\d+)?%)?[，,]\s*其中发明专利?(?:为|达到|达|有)?(?<n>\d[\d.,]*(?:万)?件)")]
    private static partial Regex InventionPart();

    [GeneratedRegex(@"^[、，,]授权(?<n>\d[\d.,]*(?:万|亿)?(?:件|项))")]
    private static partial Regex ElidedGrant();
}

/// <summary>Number first: "新增1个国家知识产权试点园区、1个省级知识产权示范园区", "实施5项企业专利导航或预警项目".
/// Only after a verb of commitment, so narrative counts ("3家企业入选") do not become targets.</summary>
public static partial class NumberFirstRule
{
    /// <summary>Applies the rule to one sentence.</summary>
    public static IEnumerable<TargetCandidate> Apply(SentenceInput s)
    {
        var text = s.Text.Value;
        // 目前共有9家国家知识产权示范企业、41家…: among results, a holding verb opens a list of counts as a commitment verb does.
        var verbs = Verb().Matches(text).AsEnumerable();
        if (s.Context.Kind == "baseline") verbs = verbs.Concat(Holding().Matches(text)).OrderBy(v => v.Index);
        foreach (var verb in verbs)
        {
            var pos = verb.Index + verb.Length;
            var words = verb.Value;
            while (pos < text.Length && Quantity.ParsePrefix(text[pos..]) is var (q, length) && q.Unit.Length > 0)
            {
                var mention = s.Mentions.FirstOrDefault(m => m.Start == pos + length);
                if (mention == null || mention.Qualified) break;
                // 培育15个地理标志优势产业: a name that runs on into more words (优势产业) is the head of a longer, different name.
                if (RunsOn(text, mention.End)) break;
                if (Candidates.Make(s, mention.Indicator, q, words, "number-first", pos) is { } c) yield return c;
                pos = mention.End;
                // A list continues the same verb: 、1个省级知识产权示范园区
                if (pos < text.Length && text[pos] == '、') pos++;
                else break;
            }
        }
        // 73家企业获评国家知识产权示范企业: among results, a count, its subject and a title it was awarded is that title's count;
        // among targets only when a commitment asks for it (推动不少于200家企业通过知识产权管理体系认证).
        foreach (Match awarded in Awarded().Matches(text))
        {
            if (s.Context.Kind != "baseline" && !CommittedCount().IsMatch(text[..awarded.Index])) continue;
            var mention = s.Mentions.FirstOrDefault(m => m.Start == awarded.Index + awarded.Length);
            // The subject and verb (企业获评) stand where a qualifier would (the subject alone when the verb is a neutral word: 企业通过);
            // other qualifying words still make the name unknown.
            var gap = text[(awarded.Index + awarded.Groups["n"].Length)..(awarded.Index + awarded.Length)];
            if (mention == null || mention.Qualified && !gap.Contains(mention.Qualifier, StringComparison.Ordinal)
                || RunsOn(text, mention.End)
                || Quantity.ParsePrefix(awarded.Groups["n"].Value) is not var (q, _) || q.Unit.Length == 0) continue;
            if (Candidates.Make(s, mention.Indicator, q, "", "number-subject", awarded.Index) is { } c) yield return c;
        }
    }

    [GeneratedRegex(@"(?:共有|现有|已有|拥有)(?=\d)")]
    private static partial Regex Holding();

    [GeneratedRegex(@"(?:推动|支持|引导|力争|确保|鼓励|帮助|指导|组织|实现)(?:不少于|不低于|超过|至少)?$|(?<![\u4e00-\u9fff])为$|[，,；;：:]为$")]
    private static partial Regex CommittedCount();

    // 为50家以上企业提供海外知识产权纠纷应对指导: a service given to a number of enterprises counts the enterprises served.
    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:万)?(?:家|个|所|项))(?:以上)?(?:企业|企事业单位|单位|高校|科研院所|院所|机构)?" +
        "(?:获评|被评为|被认定为|被确定为|获批为?|入选为?|通过|提供)")] // 2家企业通过…贯标认证: a certification passed, as a title awarded
    private static partial Regex Awarded();

    /// <summary>Whether the words after a name go on naming something (地理标志 + 优势产业) rather than end it (、, ，, 和, 等, a
    /// number, the end of the sentence).</summary>
    internal static bool RunsOn(string text, int end) =>
        end < text.Length && text[end] is >= '\u4e00' and <= '\u9fff' && !NameEnd().IsMatch(text[end..]);

    // What may follow a complete name: a joint, a list end, a place word of a 的-phrase, or a verb that starts a new clause.
    [GeneratedRegex(@"^(?:和|及|与|或|并|等|以|的|在|为|达|实现|获|通过|入选|进入|纳入|中|上|分别|共|累计|新增)")]
    private static partial Regex NameEnd();

    [GeneratedRegex(@"(?:新增|新培育|培育|建成|新建|建设|打造|创建|组建|设立|认定|新认定|获批|争创|引进|实施|成立|培养|扶持|支持|指导|服务|帮助|开展|举办|完成|办理)(?=\d)")]
    private static partial Regex Verb();
}
