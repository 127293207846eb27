using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>An indicator named in a sentence: where the name stands and what it resolves to.</summary>
/// <param name="Qualifier">Words glued to the name that the dictionary does not know (每百户企业 in 每百户企业注册商标拥有量):
/// the text names a different, narrower indicator, so the mention must not be loaded as this one.</param>
public sealed record Mention(int Start, int End, string Name, Indicator Indicator, string Qualifier = "")
{
    /// <summary>Whether unknown words qualify the name (see <see cref="Qualifier"/>).</summary>
    public bool Qualified => Qualifier.Length > 0;
}

/// <summary>Finds indicator names in text by the longest match over normalised names: 每万人口/每万人/万人, 数/数量/量, and 的 or
/// 年 inside a name (发明专利年申请量) do not matter, so the wording of a plan need not copy the dictionary's.</summary>
public sealed partial class IndicatorNames
{
    private readonly Dictionary<string, Indicator> _folded = new(StringComparer.Ordinal);
    private readonly List<(string Name, Indicator Indicator)> _longestFirst;
    private readonly HashSet<string> _bare = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _bareStock = new(StringComparer.Ordinal);

    /// <summary>The one other indicator of <paramref name="indicator"/>'s category whose name opens with the same six characters
    /// (知识产权质押融资金额 / 知识产权质押融资项目数) and that <paramref name="q"/>'s unit fits; null when none or several do.</summary>
    public Indicator? SiblingIn(Indicator indicator, Quantity q)
    {
        var fits = Catalog.Indicators.Where(i => i.IndicatorCode != indicator.IndicatorCode && i.Category == indicator.Category
            && i.IndicatorName.Length >= 6 && indicator.IndicatorName.StartsWith(i.IndicatorName[..6], StringComparison.Ordinal)
            && q.In(i.Unit, i.AltUnits) != null).Take(2).ToList();
        return fits.Count == 1 ? fits[0] : null;
    }

    /// <summary>Prepares the folded names of every indicator and synonym in <paramref name="catalog"/>.</summary>
    public IndicatorNames(Catalog catalog)
    {
        Catalog = catalog;
        var names = catalog.NamesLongestFirst().ToList();
        foreach (var (name, indicator) in names) _folded.TryAdd(Fold(name).Text, indicator);
        // 版权作品登记29.3万件: a name may drop its final 量 (see Find for where it may not).
        foreach (var (name, indicator) in names)
        {
            var f = Fold(name).Text;
            if (f.Length >= 5 && f.EndsWith('量') && _folded.TryAdd(f[..^1], indicator)) _bare.Add(f[..^1]);
        }
        // 每万人口有效发明专利拥有量, 有效商标注册总量: a level (stock or rate) may be written with the qualifiers 有效 (in force) and
        // 总 (total), which do not change what it counts; a flow (注册商标量, new registrations a year) never takes them, so
        // 有效注册商标 stays the stock. A variant never displaces a written name, and one two indicators share is dropped.
        var variants = new Dictionary<string, Indicator?>(StringComparer.Ordinal);
        foreach (var (name, indicator) in names)
        {
            if (indicator.IsFlow) continue;
            foreach (var v in QualifiedVariants(Fold(name).Text))
                if (!_folded.ContainsKey(v))
                    variants[v] = variants.TryGetValue(v, out var other) && other != indicator ? null : indicator;
        }
        foreach (var (v, indicator) in variants)
            if (indicator != null) _folded[v] = indicator;
        // 全市注册商标突破10000件: a flow's name without its 量 that is also the noun of a stock's name (注册商标 in 注册商标总量,
        // 有效注册商标, 注册商标拥有量) counts the things held, not the year's new ones, unless a flow word stands before it.
        // Only written names count: 有效商标注册 is itself a name cut short, and 商标注册 (the act) stays the flow.
        foreach (var bare in _bare)
            if (_folded[bare].IsFlow && new[] { bare + "总量", "有效" + bare, bare + "拥有量" }.Where(n => !_bare.Contains(n))
                    .Select(n => _folded.GetValueOrDefault(n)).FirstOrDefault(i => i is { IsFlow: false }) is { } stock)
                _bareStock[bare] = stock;
        _longestFirst = _folded.Select(kv => (kv.Key, kv.Value)).OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>A level's folded name with the qualifiers that leave its meaning alone: 有效 before it (after 万人 in a rate:
    /// 万人有效发明专利拥有量) and 总量 for its final 量.</summary>
    internal static IEnumerable<string> QualifiedVariants(string name)
    {
        var forms = new List<string> { name };
        if (!name.Contains("有效", StringComparison.Ordinal)) // a name that already says 有效 keeps its own place for it
            forms.Add(name.StartsWith("万人", StringComparison.Ordinal) ? "万人有效" + name[2..] : "有效" + name);
        foreach (var form in forms.ToList())
            if (form.EndsWith('量') && !form.EndsWith("总量", StringComparison.Ordinal) && form.Length >= 4) forms.Add(form[..^1] + "总量");
        return forms.Skip(1);
    }

    /// <summary>The rate per 10,000 people of what <paramref name="name"/> counts (发明专利拥有量 → 万人发明专利拥有量), or null.</summary>
    public Indicator? PerTenThousand(string name) =>
        Fold(name).Text is var f && !f.StartsWith("万人", StringComparison.Ordinal) ? _folded.GetValueOrDefault("万人" + f) : null;

    /// <summary>The catalog the names come from.</summary>
    public Catalog Catalog { get; }

    /// <summary>Non-overlapping mentions in <paramref name="text"/> (a <see cref="SearchText"/> value), in reading order.</summary>
    /// <param name="places">Names of the plan's region and its parents (晋江, 泉州市): standing before a name they are context.</param>
    public List<Mention> Find(string text, IReadOnlyCollection<string>? places = null)
    {
        var (folded, map) = Fold(text);
        var taken = new bool[folded.Length];
        var found = new List<Mention>();
        foreach (var (name, indicator) in _longestFirst)
        {
            for (var at = folded.IndexOf(name, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (Enumerable.Range(at, name.Length).Any(i => taken[i])) continue;
                // A name without its 量 must not be the head of a longer, different name (发明专利 + 有效量); 注册商标总量 is a name of its own.
                if (_bare.Contains(name) && at + name.Length < folded.Length && folded[at + name.Length] is '有' or '拥') continue;
                for (var i = at; i < at + name.Length; i++) taken[i] = true;
                int start = map[at], end = map[at + name.Length - 1] + 1;
                var meant = _bareStock.TryGetValue(name, out var stock) && !FlowWordBefore().IsMatch(text[..start]) ? stock : indicator;
                found.Add(new Mention(start, end, text[start..end], meant));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var heads = new Dictionary<int, int>(); // start of an elided list item → start of the item whose head it borrows
        found = WithElidedHeads(text, found, heads);
        found = WithParts(text, found);
        found = WithShares(text, found);
        for (var i = 0; i < found.Count; i++)
        {
            var floor = i > 0 ? found[i - 1].End : 0;
            var qualifier = QualifierBefore(text, found[i].Start, floor, places);
            if (qualifier.Length == 0) qualifier = OtherLevel(text, found[i], floor);
            // 知识产权质押融资12.5亿元,其中专利质押融资8.5亿元: a part after 其中 that the dictionary reads as the very indicator the
            // whole before it is (a synonym in wider use) is a part of it, never the whole again.
            if (qualifier.Length == 0 && i > 0 && found[i - 1].Indicator == found[i].Indicator
                && text[floor..found[i].Start].Contains("其中", StringComparison.Ordinal))
                qualifier = "其中";
            // 每万人专利申请量和授权量: an item that borrows its head borrows what qualifies the head too (每万人 … 授权量 is a rate
            // the dictionary may not know, never the plain count).
            if (qualifier.Length == 0 && heads.TryGetValue(found[i].Start, out var headStart)
                && found.FirstOrDefault(h => h.Start == headStart) is { Qualified: true } head)
                qualifier = head.Qualifier;
            // 其中企业申请专利2万件,授权专利1万件: a subject that narrows a name (企业, 高校) goes on over the next clause when that
            // clause is only another name and its number, so 授权专利 there is the enterprises' grants, not the region's.
            if (qualifier.Length == 0 && i > 0 && found[i - 1] is { Qualified: true } previous && SubjectWord().IsMatch(previous.Qualifier)
                && CommaStep().Match(text[previous.End..]) is { Success: true } clause && previous.End + clause.Length == found[i].Start)
                qualifier = previous.Qualifier;
            // 地理标志集体商标和证明商标: a name glued to the end of another (no word, joint or number between) is a compound the
            // dictionary does not know; the name before qualifies it, so the number is neither's (reported instead).
            if (qualifier.Length == 0 && i > 0 && found[i - 1].End == found[i].Start && found[i - 1].Indicator != found[i].Indicator)
                qualifier = found[i - 1].Name;
            if (qualifier.Length > 0) found[i] = found[i] with { Qualifier = qualifier };
        }
        return found;
    }

    /// <summary>发明专利申请量、授权量 / 国家知识产权优势企业50家、示范企业20家: a list item that only repeats the tail of a name
    /// (授权量, 示范企业) keeps the head of the item before it (发明专利, 国家知识产权), when head and tail together name an indicator.</summary>
    private List<Mention> WithElidedHeads(string text, List<Mention> found, Dictionary<int, int> heads)
    {
        var result = new List<Mention>(found);
        foreach (var m in found)
        {
            // 每万人发明专利拥有量20件、高价值发明专利拥有量8件: "per 10,000 people" carries over to the next item of the list,
            // unless that item's own number is a count, not a rate (、有效发明专利拥有量5万件).
            // After a comma (每万人口发明专利拥有量3.81件,高价值发明专利拥有量1.63件) only a fraction says so: a count is whole.
            var step = ListStep().Match(text[m.End..]);
            var fractionOnly = false;
            if (!step.Success && CommaStep().Match(text[m.End..]) is { Success: true } comma) (step, fractionOnly) = (comma, true);
            var n = step.Success && Fold(m.Name).Text.StartsWith("万人") ? result.FindIndex(o => o.Start == m.End + step.Length) : -1;
            if (n >= 0 && Fold(result[n].Name).Text is var next && !next.StartsWith("万人")
                && _folded.GetValueOrDefault("万人" + next) is { } perCapita && !IsCount(text[result[n].End..])
                && (!fractionOnly || IsFraction(text[result[n].End..])))
                result[n] = result[n] with { Indicator = perCapita };
            var elided = ElidedTail().Match(text[m.End..]);
            if (!elided.Success) continue;
            var word = elided.Groups["w"].Value;
            int start = m.End + elided.Groups["w"].Index, end = start + word.Length;
            if (result.Any(o => o.Start < end && start < o.End)) continue;
            var name = Fold(m.Name).Text;
            var tail = Fold(word).Text;
            // The new tail replaces one of about its own length: 优势企业 → 示范企业, not 优势 + 示范企业.
            var cuts = Enumerable.Range(2, Math.Max(0, name.Length - 2))
                .OrderBy(c => Math.Abs(name.Length - c - tail.Length)).ThenByDescending(c => c);
            foreach (var cut in cuts)
            {
                if (_folded.GetValueOrDefault(name[..cut] + tail) is not { } indicator || indicator == m.Indicator) continue;
                result.Add(new Mention(start, end, word, indicator));
                heads[start] = heads.GetValueOrDefault(m.Start, m.Start);
                break;
            }
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>专利授权量达到2万件，其中发明专利5000件 / 专利申请量…，其中发明专利占30%: a part named after 其中 takes the measure of
    /// the whole named before it (发明专利 + 授权量), or its share of it (发明专利占专利申请量比重), when that names an indicator.</summary>
    private List<Mention> WithParts(string text, List<Mention> found)
    {
        var result = new List<Mention>(found);
        foreach (Match part in Part().Matches(text))
        {
            var whole = found.LastOrDefault(m => m.End <= part.Index);
            var word = part.Groups["w"];
            int start = word.Index, end = part.Groups["share"].Success ? part.Groups["share"].Index + 1 : word.Index + word.Length;
            if (whole == null || result.Any(o => o.Start < end && start < o.End)) continue;
            var name = Fold(whole.Name).Text;
            var w = Fold(word.Value).Text;
            var candidates = part.Groups["share"].Success
                ? new[] { name, name.EndsWith('量') ? name : name + "量" }.Select(n => w + "占" + n + "比重")
                : Enumerable.Range(1, Math.Max(0, name.Length - 2)).Select(cut => w + name[cut..]).Where(n => n.Length > w.Length + 1);
            var indicator = candidates.Select(n => _folded.GetValueOrDefault(n)).FirstOrDefault(i => i != null && i != whole.Indicator);
            if (indicator != null)
                result.Add(new Mention(start, end, text[start..end], indicator));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>2022年,全市授权专利8931件。其中发明专利1846件: a sentence opening with 其中 names a part of the whole the sentence
    /// before it named (<paramref name="whole"/>), as <see cref="WithParts"/> reads it inside one sentence; null when the part with
    /// the whole's measure is no indicator.</summary>
    public Mention? PartOfPrevious(string text, Indicator whole)
    {
        // A rate (每万人口发明专利拥有量1.34件。其中发明专利…) has no parts: the 其中 goes back to a count further up.
        var part = Part().Match(text);
        if (whole.Measure == "ratio" || !part.Success || text[..part.Index].Any(c => !char.IsWhiteSpace(c) && c is not ('，' or ',' or '；' or ';'))) return null;
        var word = part.Groups["w"];
        int start = word.Index, end = part.Groups["share"].Success ? part.Groups["share"].Index + 1 : word.Index + word.Length;
        var name = Fold(whole.IndicatorName).Text;
        var w = Fold(word.Value).Text;
        var candidates = part.Groups["share"].Success
            ? new[] { name, name.EndsWith('量') ? name : name + "量" }.Select(n => w + "占" + n + "比重")
            : Enumerable.Range(1, Math.Max(0, name.Length - 2)).Select(cut => w + name[cut..]).Where(n => n.Length > w.Length + 1);
        var indicator = candidates.Select(n => _folded.GetValueOrDefault(n)).FirstOrDefault(i => i != null && i != whole);
        return indicator == null ? null : new Mention(start, end, text[start..end], indicator);
    }

    // 新增注册商标, 全年注册商标, 当年新注册商标: words that make a bare name the year's flow.
    [GeneratedRegex(@"(?:新增|新|全年|当年|年度|每年|年均|本年)$")]
    private static partial Regex FlowWordBefore();

    /// <summary>全社会研发投入43.6亿元,占GDP比重达2.51%: an amount and then its share of GDP name the share indicator (研发投入 +
    /// 占GDP比重), at the words of the share, when the dictionary knows it; the longest name before the amount wins. So does a count
    /// and its share of the region's total (企业专利授权4374件,占全市总授权量的62.5%: 企业专利授权 + 占比).</summary>
    private List<Mention> WithShares(string text, List<Mention> found)
    {
        var result = new List<Mention>(found);
        foreach (var (share, suffix) in AmountThenShare().Matches(text).Select(m => (m, (string?)null))
                     .Concat(CountThenShare().Matches(text).Select(m => (m, (string?)"占比"))))
        {
            var at = share.Groups["share"];
            // The whole's name inside the share (占全市专利申请总量的) names the base, not a figure of its own.
            bool Inside(Mention o) => suffix != null && o.Start >= at.Index && o.End <= at.Index + at.Length;
            if (result.Any(o => o.Start < at.Index + at.Length && at.Index < o.End && !Inside(o))) continue;
            var head = share.Groups["head"].Value;
            var indicator = Enumerable.Range(0, Math.Max(0, head.Length - 1))
                .Select(cut => _folded.GetValueOrDefault(Fold(head[cut..] + (suffix ?? at.Value)).Text)).FirstOrDefault(i => i != null);
            if (indicator == null) continue;
            result.RemoveAll(Inside);
            result.Add(new Mention(at.Index, at.Index + at.Length, at.Value, indicator));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    // The name before an amount in 元, the amount, and its share of GDP right after.
    [GeneratedRegex(@"(?<head>[\u4e00-\u9fff]{2,16})(?:达到|达|为)?\d+(?:\.\d+)?(?:万|亿)?元[，,、]" +
        @"(?<share>占(?:全[省市区县])?(?:GDP|地区生产总值|生产总值)的?(?:比重|比例))")]
    private static partial Regex AmountThenShare();

    // A count (its growth may stand between), then its share of the region's whole: 占全市总授权量的, 占全市专利申请总量的比重.
    [GeneratedRegex(@"(?<head>[\u4e00-\u9fff]{2,16})(?:达到|达|为)?\d+(?:\.\d+)?(?:万)?件(?:[，,](?:同比|比上年)?增长\d+(?:\.\d+)?%)?[，,]" +
        @"(?<share>占(?:全[省市区县])?总?[\u4e00-\u9fff]{2,8}?(?:总量|量)的?(?:比重|比例)?)(?=\d)")]
    private static partial Regex CountThenShare();

    // 其中发明专利5000件, 其中发明专利达到5000件, 其中发明专利占30%.
    [GeneratedRegex(@"其中(?<w>[\u4e00-\u9fff]{2,8}?)(?:(?<share>占)|(?=(?:达到|达|为|超过|突破)?\d))")]
    private static partial Regex Part();

    /// <summary>省著名商标 written as 著名商标 after 市 or 县 (市著名商标, 县级著名商标): an indicator whose own name sets a level of
    /// government (国家, 省, 市, 县, or 各级) is not meant when the text names another level right before a name that leaves the level out.
    /// 全市, 我市, 本市 are places, not levels. Returns the other level, or empty.</summary>
    private static string OtherLevel(string text, Mention m, int floor)
    {
        // 各级 (every level) is none of them: 省知识产权优势示范企业 is not the all-levels count either.
        var own = m.Indicator.IndicatorName.StartsWith("各级", StringComparison.Ordinal) ? "各级" : LevelOf(m.Indicator.IndicatorName);
        if (own.Length == 0 || LevelOf(m.Name).Length > 0) return "";
        var before = text[floor..m.Start];
        var written = LevelBefore().Match(before);
        if (!written.Success) return "";
        var level = LevelOf(written.Groups["l"].Value);
        return level.Length > 0 && level != own ? written.Groups["l"].Value : "";
    }

    /// <summary>The level of government a name opens with (国家, 省, 市, 县; 区 counts as 县), or empty.</summary>
    private static string LevelOf(string name) =>
        name.StartsWith("国家", StringComparison.Ordinal) || name.StartsWith("全国", StringComparison.Ordinal) ? "国家"
        : name.Length > 0 && (name[0] == '省' || name[0] == '市' && !name.StartsWith("市场", StringComparison.Ordinal)) ? name[0].ToString()
        : name.Length > 0 && name[0] is '县' or '区' ? "县" : "";

    // A level right before a name: 省级/市级/县级/区级/国家级, or 省/市/县/区 alone when it is not part of a place word (全市, 我县).
    [GeneratedRegex(@"(?:(?<l>国家级|国家|省级|市级|县级|区级)|(?<![全我本该各])(?<l>[省市县区]))$")]
    private static partial Regex LevelBefore();

    /// <summary>Whether the number right after a name is a count (5万件, 3000件) rather than a rate per 10,000 people.</summary>
    private static bool IsCount(string after) => CountAfter().Match(after) is { Success: true } count
        && (count.Groups["big"].Success || double.Parse(count.Groups["v"].Value, CultureInfo.InvariantCulture) >= 1000)
        // 万人高价值发明专利拥有量和有效发明专利拥有量分别达到70件和2.8万件: the numbers come after 分别, one of them a count.
        || RespectiveNumbers().Match(after) is { Success: true } list && RespectiveNumber(list) is var numbers
           && numbers.Any(n => n.Contains('万') || n.Contains('亿') || double.Parse(n.TrimEnd('万', '亿'), CultureInfo.InvariantCulture) >= 1000);

    /// <summary>The number of 分别's list that belongs to the name before <paramref name="list"/>: A、B和C分别达到x、y和z gives B y
    /// (one name still to come, so the one but last number); all of them when the names and numbers do not pair up.</summary>
    private static IEnumerable<string> RespectiveNumber(Match list)
    {
        var numbers = list.Groups["n"].Captures.Select(c => c.Value).ToList();
        var still = list.Groups["rest"].Value.Count(c => c is '、' or '和' or '及' or '与');
        var own = numbers.Count - 1 - still;
        return own >= 0 && own < numbers.Count && still < numbers.Count ? [numbers[own]] : numbers;
    }

    // 万人高价值发明专利拥有量、有效发明专利拥有量和有效注册商标量分别达到15件、3.6万件和35万件: names may still follow before 分别.
    [GeneratedRegex(@"^(?<rest>[^\d，,；;。]{0,60}?)分别(?:力争)?(?:达到|达|为|突破|超过|不低于|不少于)?(?:(?<n>\d+(?:\.\d+)?(?:万|亿)?)[^\d，,；;。]*?)+(?=[，,；;。]|$)")]
    private static partial Regex RespectiveNumbers();

    // The number right after a name, and whether it counts in 万 or 亿.
    [GeneratedRegex(@"^(?:力争)?(?:达到|达|为|突破|超过)?(?<v>\d+(?:\.\d+)?)(?<big>万|亿)?")]
    private static partial Regex CountAfter();

    /// <summary>Whether the number right after a name is a fraction without 万 or 亿 (1.63件): a rate, never a count.</summary>
    private static bool IsFraction(string after) => CountAfter().Match(after) is { Success: true } n && !n.Groups["big"].Success
        && n.Groups["v"].Value.Contains('.');

    [GeneratedRegex(@"第[一二三四五六七八九十百\d]+届$")]
    private static partial Regex Session();

    // A subject a figure is counted for: enterprises, universities, institutes, individuals.
    [GeneratedRegex("(?:企业|高校|院校|院所|科研机构|机构|个人|单位)$")]
    private static partial Regex SubjectWord();

    // From the end of a list item to the next clause's name: its number and a comma.
    [GeneratedRegex(@"^(?:达到|达|为|突破|超过)?[\d.]+(?:万|亿)?[件家个项人次名所座条]{1,2}(?:以上|左右)?[，,]")]
    private static partial Regex CommaStep();

    // From the end of a list item to the start of the next: its number, if any, and a joint.
    [GeneratedRegex(@"^(?:(?:达到|达|为|突破|超过)?[\d.]+(?:万|亿)?[件家个项人次名所座条]{1,2}(?:以上|左右)?)?(?:、|和|及|与)")]
    private static partial Regex ListStep();

    // The tail of a name standing alone after a list joint: 、授权量 / 和有效量 / 、示范企业20家 (not a name of its own);
    // 和项目数, 和授权量年均增长: a count's 数 and a shared growth rate after it too.
    // 申请量达3.5万件,授权量达2.1万件: after a comma only a measure word (…量) with its own number continues the name.
    [GeneratedRegex(@"^(?:(?:力争|将)?(?:达到|达|为|突破|超过)?[\d.]+(?:万|亿)?[件家个项人次名所座条]{1,2}(?:以上|左右)?)?(?:、|和|及|与)" +
        @"(?<w>[\u4e00-\u9fff]{1,4}[量数]|[\u4e00-\u9fff]{2,6}?(?=\d))(?=[、和及与分从由达为突增]|年均|\d)" +
        @"|^(?:力争|将)?(?:达到|达|为|突破|超过)?[\d.]+(?:万|亿)?[件家个项]{1,2}(?:以上|左右)?[，,]" +
        @"(?<w>[\u4e00-\u9fff]{1,3}量)(?=(?:力争|将)?(?:达到|达|为|突破|超过)?\d)")]
    private static partial Regex ElidedTail();

    /// <summary>Resolves a table cell such as 累计PCT专利申请量（件）: strips the unit in brackets and leading qualifiers.
    /// Null when the cell holds words the dictionary does not know.</summary>
    public (Indicator Indicator, string Qualifiers, string UnitHint)? ResolveCell(string cell)
    {
        var key = Text.Key(cell);
        var unit = "";
        var bracket = key.LastIndexOfAny(['（', '(']);
        if (bracket > 0 && (key.EndsWith('）') || key.EndsWith(')')))
        {
            unit = key[(bracket + 1)..^1];
            key = key[..bracket];
        }
        var qualifiers = "";
        while (true)
        {
            if (_folded.GetValueOrDefault(Fold(key).Text) is { } indicator) return (indicator, qualifiers, unit);
            var q = Qualifiers.Leading.Concat(Regional).Concat(Acts).FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length);
            if (q != null)
            {
                qualifiers += q;
                key = key[q.Length..];
                continue;
            }
            // 知识产权质押融资金额, 专利代理机构总数: a trailing measure word adds nothing to the name.
            var t = Trailing.FirstOrDefault(p => key.EndsWith(p, StringComparison.Ordinal) && key.Length > p.Length + 2);
            if (t == null) return null;
            key = key[..^t.Length];
        }
    }

    private static readonly string[] Regional = ["全市", "全区", "全县", "全省", "全镇"];
    // 查处知识产权违法案件 | 件 | 3860: handling a case says what was done with what is counted, as in running text (Neutral).
    private static readonly string[] Acts = ["查处", "查办", "办结", "办理", "受理"];
    private static readonly string[] Trailing = ["金额", "总额", "规模", "总量", "总数", "数量", "额", "数"];

    /// <summary>Words that may stand right before an indicator name without changing what it counts: verbs of commitment,
    /// measure words, places and times. Anything else glued to the name (每百户企业, 国际, 规上企业, 涉及专利的) qualifies it.</summary>
    internal static readonly string[] Neutral =
    [
        // places and times
        "全市", "全区", "全县", "全省", "全镇", "全国", "我市", "我区", "我县", "我省", "本市", "本区", "市", "区", "县", "省", "园区",
        "全州", "我州", "本州", // an autonomous prefecture (恩施州) calls itself 州
        // 国内专利授权量: a region's statistics count domestic filings (as against filings from abroad), so 国内 narrows nothing
        "国内",
        "年", "年底", "年末", "期间", "期末", "期内", "末", "内", "前", "目前", "现有", "现", "当年", "同期", "其中", // 现拥有: now holds
        "月", "月份", "季度", "前三季度", "一季度", "二季度", "三季度", "四季度", "上半年", "下半年", // 2024年前三季度全市…: a report period
        // the office that grants or registers (获得国家知识产权局授权专利): it says who granted, not what was counted
        "国家知识产权局", "国家知识产权局授权",
        // handling a case (查处知识产权侵权违法案件) and holding a stock (共有) say what was done, not what was counted
        "查处", "查办", "办结", "共有",
        // how a number accumulates
        "新增", "累计", "每年", "年度", "全年", "年均", "平均", "总", "共", "合计", "新", "再", "净增", "增加",
        // verbs of commitment or result
        "实现", "力争", "确保", "推动", "促进", "使", "达到", "达", "保持", "提升", "提高", "增长", "建成", "建设", "新建", "打造",
        "创建", "组建", "设立", "认定", "获批", "获得", "获", "授权", "拥有", "完成", "办理", "开展", "举办", "培训", "培养", "培育",
        "发展", "扶持", "支持", "指导", "帮助", "引进", "备案", "登记", "实施", "推进", "争取", "争创", "创成", "入选", "新获", "有效",
        "预计", "计划", "目标", "主要", "指标", "包括", "以及", "及", "和", "与", "或", "并", "且", "等", "各类", "各级", "加快",
        "新培育", "新认定", "新引进", "突破", "超过", "不低于", "不少于", "分别", "全部", "均", "要", "将", "可", "进一步", "稳步",
        "十三五", "十四五", "十五五", "以来", "持续", "鼓励", "探索", "加大", "强化", "完善", "建立", "依托", "优化", "加强", "引导",
        "申报", "承担", "纳入", "构建", "形成", "扩大", "吸引", "规范", "严格", "积极", "大力", "着力", "重点", "不断", "切实", "全面",
        "深化", "深入", "注重", "提供", "做好", "做大", "做强", "用好", "抓好", "落实", "新增加", "培养引进", "引进培养", "一批", "每",
        "通过", "新通过",
        // 运动鞋服、纺织服装等产业专利导航项目: the industries named before 等 are examples, 等产业 only closes them
        "等产业", "等行业", "等领域", "等重点产业",
        // 已拥有, 已经获得: a result reached, not a kind of the thing counted
        "已", "已经",
        // 注册和登记的地理标志: the acts that protect a thing (as 登记 and 备案 above), and the 的 that joins them to it
        "注册", "的",
    ];

    /// <summary>Verbs after which a new noun phrase starts: what stands before them never qualifies the name.</summary>
    private static readonly string[] Verbs =
    [
        "实现", "提出", "力争", "确保", "推动", "促进", "达到", "保持", "提升", "提高", "建成", "建设", "打造", "创建", "培育", "培养",
        "引进", "完成", "明确", "新增", "累计", "争取", "支持", "扶持", "鼓励", "加快", "加强", "推进", "实施", "开展", "突破", "增加",
        // 各级市场监管部门查处知识产权违法案件: who handled the cases is the subject, not a kind of case.
        .. Acts, "颁发", "发放",
    ];

    private static readonly string[] NeutralLongestFirst = Neutral.OrderByDescending(n => n.Length).ToArray();

    /// <summary>The words glued to the front of a mention (back to a clause break, a digit or the previous mention) that are not
    /// neutral; empty when the name stands alone.</summary>
    internal static string QualifierBefore(string text, int start, int floor, IReadOnlyCollection<string>? places = null)
    {
        var from = start;
        while (from > floor && IsWordChar(text[from - 1])) from--;
        var run = text[from..start];
        // 10家以上国家知识产权优势企业: the unit of a number before the name is not a modifier of it.
        if (from > 0 && char.IsDigit(text[from - 1]) && Quantity.ParsePrefix("0" + run) is var (_, length)) run = run[(length - 1)..];
        // Only what follows the last verb of the run can qualify the name (努力实现全省 → 全省; 提出每万人口 → 每).
        // 第二十一届中国专利奖: the session of an award is not a kind of it.
        if (Session().Match(run) is { Success: true } session) run = run[..session.Index];
        var verb = Verbs.Select(v => (v, At: run.LastIndexOf(v, StringComparison.Ordinal))).Where(x => x.At >= 0)
            .OrderByDescending(x => x.At + x.v.Length).FirstOrDefault();
        if (verb.v != null) run = run[(verb.At + verb.v.Length)..];
        // Peel neutral words off the end of the run; what remains right before the name qualifies it.
        while (run.Length > 0)
        {
            // 晋江每万人发明专利拥有量, 江苏全省…: the plan's own region before a name says where, not what.
            var place = places?.Where(p => run.EndsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length);
            if (place != null) { run = ""; break; }
            var n = NeutralLongestFirst.FirstOrDefault(w => run.EndsWith(w, StringComparison.Ordinal));
            if (n == null) break;
            run = run[..^n.Length];
            // A year, a place (2025年, 常州市, 高新区) or the end of a list of examples (…等) ends the run: what stands before is context.
            if (n is "年" or "市" or "区" or "县" or "省" or "园区" || n.StartsWith('等')) run = "";
        }
        if (run.All(c => c is '到' or '至' or '在' or '截')) return "";
        return run.Length > 8 ? run[^8..] : run;
    }

    private static bool IsWordChar(char c) => c is >= '\u4e00' and <= '\u9fff' || char.IsAsciiLetter(c);

    /// <summary>The normalised form of a name or text, with a map from each folded position back to the input.</summary>
    internal static (string Text, int[] Map) Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        var map = new List<int>(s.Length);
        void Put(char c, int at) { sb.Append(c); map.Add(at); }
        for (var i = 0; i < s.Length; i++)
        {
            if (Phrases.FirstOrDefault(p => string.CompareOrdinal(s, i, p.From, 0, p.From.Length) == 0) is { From: not null } phrase)
            {
                // The last folded character maps to the phrase's last, so a mention ending on it ends where the phrase does.
                for (var k = 0; k < phrase.To.Length; k++) Put(phrase.To[k], k == phrase.To.Length - 1 ? i + phrase.From.Length - 1 : i);
                i += phrase.From.Length - 1;
                continue;
            }
            var c = s[i];
            char prev = i > 0 ? s[i - 1] : ' ', next = i + 1 < s.Length ? s[i + 1] : ' ';
            // 商标品牌(知识产权)指导站: a gloss in brackets inside a name, between two of its words, leaves the name whole.
            if (c is '(' or '（' && IsWordChar(prev) && Gloss().Match(s, i) is { Success: true } gloss && gloss.Index == i
                && i + gloss.Length < s.Length && IsWordChar(s[i + gloss.Length]))
            {
                i += gloss.Length - 1;
                continue;
            }
            if (c == '每' && next == '万') continue;                                      // 每万人 → 万人
            if (c == '口' && prev == '人' && i >= 2 && s[i - 2] == '万') continue;          // 万人口 → 万人
            if (c == '名' && prev == '万' && next is not '称')                              // 每万名 → 万人
            {
                Put('人', i);
                if (next == '人') i += i + 2 < s.Length && s[i + 2] == '口' ? 2 : 1;      // 每万名人口 → 万人 too
                continue;
            }
            if (c == '的') continue;
            // 授权国内专利, 国内有效发明专利: a region counts domestic filings (as against filings from abroad), so 国内 inside or
            // before a name narrows nothing (国内外 does: it adds the foreign ones).
            if (c == '国' && next == '内' && i + 2 < s.Length && "专发商有".Contains(s[i + 2])) { i++; continue; }
            // 授权国家专利6977件, 转让许可各类专利: 国家专利 is an older word for the patents a region holds, and 各类 (of every kind)
            // leaves a count of patents whole; only right before a count or its verb, not 国家专利导航… or 各类专利奖.
            if ((c == '国' && next == '家' || c == '各' && next == '类') && PatentsWhole().IsMatch(s.AsSpan(i + 2))) { i++; continue; }
            if (c == '著' && next == '作' && i + 2 < s.Length && s[i + 2] == '权')           // 著作权 → 版权
            {
                Put('版', i);
                Put('权', i + 2);
                i += 2;
                continue;
            }
            if (c == '例' && prev == '比') { Put('重', i); continue; }                        // 比例 → 比重
            if (c == '级' && prev == '家' && i >= 2 && s[i - 2] == '国') continue;            // 国家级 → 国家
            if (prev == '占' && i + 1 < s.Length && s[i] == '全' && "省市区县".Contains(next)) { i++; continue; } // 占全省GDP → 占GDP
            if (c == '数' && next == '量') continue;                                       // 数量 → 量
            if (c == '数') { Put('量', i); continue; }                                     // 机构数 → 机构量
            if (c == '年' && next == '度' && i + 2 < s.Length && IsWordChar(prev) && !char.IsAsciiLetter(prev) && !YearKeepsBefore.Contains(prev)
                && !"本上该各".Contains(prev) && IsWordChar(s[i + 2]) && !YearKeepsAfter.Contains(s[i + 2]))
            {
                i++;                                                                       // 地理标志年度产值 → 地理标志产值
                continue;
            }
            if (c == '年' && IsWordChar(prev) && !char.IsAsciiLetter(prev) && IsWordChar(next) && !YearKeepsBefore.Contains(prev) && !YearKeepsAfter.Contains(next))
                continue;                                                                  // 发明专利年申请量 → 发明专利申请量
            Put(c, i);
        }
        return (sb.ToString(), map.ToArray());
    }

    [GeneratedRegex(@"\G[（(][\u4e00-\u9fff]{1,8}[）)]")]
    private static partial Regex Gloss();

    [GeneratedRegex(@"^专利(?:\d|申请|授权|[，,。；;、]|$)")]
    private static partial Regex PatentsWhole();

    // Wordings of one thing: every level of government listed (国家、省、市; 国家、省 where a county or city names those above it) is
    // 各级; 示范或优势 (示范优势) is 优势示范; 许可、转让 is 转让许可.
    private static readonly (string From, string To)[] Phrases =
        new[] { "国家级、省级、市级、县级", "国家、省、市、县", "国家级、省级、市级", "国家、省、市", "省、市、县", "省级、市级、县级", "国家、省、市级",
                "国家、省级", "国家、省", "国家级、省级" }.Select(f => (f, "各级"))
        // 国家知识产权优势企业和示范企业111家: both kinds named in full, one number for them together.
        .Concat(new[] { "优势企业和示范企业", "优势企业与示范企业", "优势企业及示范企业", "优势企业、示范企业", "示范企业和优势企业", "示范企业与优势企业",
            "示范企业及优势企业", "示范企业、优势企业" }.Select(f => (f, "优势示范企业")))
        // 自治区级高价值专利培育中心: an autonomous region is a province.
        .Append(("自治区级", "省级"))
        .Concat(new[] { "示范或优势", "示范和优势", "示范、优势", "优势或示范", "优势和示范", "优势、示范", "示范优势" }.Select(f => (f, "优势示范")))
        // 专利许可、转让次数 = 专利转让许可次数: the two ways a patent changes hands, in either order and with any joint.
        .Concat(new[] { "许可、转让", "许可和转让", "许可与转让", "许可及转让", "转让、许可", "转让和许可", "转让与许可", "转让及许可", "许可转让" }
            .Select(f => (f, "转让许可")))
        .OrderByDescending(p => p.Item1.Length).ToArray();

    private const string YearKeepsBefore = "每全当同今明近半周两三四五六七十一";
    private const string YearKeepsAfter = "度均底末初份内间来前后起以";
}

/// <summary>Words around a number that say how it accumulates and which way it is bounded.</summary>
public static class Qualifiers
{
    /// <summary>Words that may precede an indicator name in a table cell.</summary>
    public static readonly string[] Leading = ["新增", "累计", "年度", "全年", "每年", "年均", "新培育", "引进培育", "培育", "有效"];

    /// <summary>The target measure the wording implies for an indicator, and whether the wording said so explicitly.</summary>
    public static (string Measure, bool Explicit) Measure(Indicator indicator, string words, PassageContext context)
    {
        bool Has(params string[] w) => w.Any(x => words.Contains(x, StringComparison.Ordinal));
        if (indicator.Measure == "ratio") return ("ratio", false);
        var added = Has("新增", "新培育", "引进培育", "新申请", "新认定", "增加");
        var summed = Has("累计", "期间", "期内", "共获得", "共");
        var yearly = Has("每年", "年度", "全年", "年均");
        if (indicator.IsFlow)
        {
            if (yearly) return ("annual", true);
            if (added || summed) return ("cumulative", true);
            return context.Kind == "baseline" && context.SpanStart < context.SpanEnd ? ("cumulative", false) : ("annual", false);
        }
        // Stocks: 累计 (total to date) keeps the level; 新增 or a count within the plan's span is an increment.
        if (added || Has("授权", "实施期内", "建设期内") && !Has("达")) return ("increment", true);
        return ("stock", false);
    }
}
