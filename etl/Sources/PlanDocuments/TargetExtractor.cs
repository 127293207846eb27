using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Reads a plan's text line by line, tracks which section it is in, and applies the rules to each sentence and table line.</summary>
public sealed partial class TargetExtractor(Catalog catalog)
{
    private readonly IndicatorNames _names = new(catalog);
    private readonly Divisions _divisions = new(catalog);

    /// <summary>Extracts every commitment and baseline, de-duplicated (a number stated in prose and again in a table counts once).</summary>
    public ExtractionResult Extract(string text, string fileName)
    {
        var document = text; // every step below keeps the length, so offsets into the normalised text are offsets into the document
        text = Artefacts().Replace(text, m => new string(' ', m.Length)); // keep offsets: blank out conversion marks
        text = Script.WithoutPinyin(text); // 发(fā)明 → 发    明: pinyin annotations of a web copy, blanked (matching skips spaces)
        text = Script.ToSimplified(text); // traditional characters: one for one, so offsets still point into the document
        text = Script.ToMainlandTerms(text); // 智慧财产权 → 知识产权: Taiwan terms, padded so offsets stay valid
        text = Script.WithYearsClosed(text); // 2015 年 → " 2015年": a web copy's spaced year, same length
        text = string.Join('\n', text.Split('\n').Select(ColonJoined)); // 1.万人发明专利拥有量：达到6.5件 — the colon blanked
        var plan = PlanHeader.Read(text, catalog, _divisions, fileName);
        var places = Places(plan);
        var found = new List<TargetCandidate>();
        var unknown = new List<UnknownMention>();
        var table = new TableRule(_names, plan, _divisions) { BracketsAreSums = TableRule.NotesBracketedSums(text) };
        var section = Section.Goals;
        int? scheduleYear = null;
        // 截至2023年底，…；…分别达19.6件、4.74件: a report date carries on through its paragraph, and on to the paragraphs after it
        // that name no date and no commitment (a news report goes on listing results); a heading ends it.
        PassageContext? reported = null;
        int? namedTarget = null; // the year the last target named (到2023年), which 届时 (by then) refers back to

        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var lineOffset = offset;
            offset += rawLine.Length + 1;
            var line = rawLine.TrimEnd('\r');
            // A table copied from a web page as | cell | cell |: the same row as tab-separated cells (same length, offsets hold).
            if (line.Count(ch => ch == '|') >= 2)
            {
                if (TableRuleLine().IsMatch(line)) continue;
                line = line.Replace('|', '\t');
            }
            else if (!line.Contains('\t')) line = SpaceAligned(line);
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;

            // Word's automatic numbering leaves headings without 一、: a short line naming a section is a heading too.
            var bare = !line.Contains('\t') && trimmed.Length <= 16 && trimmed.IndexOfAny(['。', '，', '；', ',']) < 0;
            if (bare && section == Section.Baseline && trimmed.Contains("目标")) section = Section.Goals;
            var heading = Heading().Match(trimmed);
            if (heading.Success && trimmed.Length <= 40 || bare && !table.BuildingHeader && SectionWord().IsMatch(trimmed))
            {
                var title = heading.Success ? heading.Groups["title"].Value : trimmed;
                var h = heading;
                if (BaselineTitle().IsMatch(title)) section = Section.Baseline;
                else if (title.Contains("时序进度") || title.Contains("进度安排") || title.Contains("实施步骤")) { section = Section.Schedule; scheduleYear = null; }
                else if (section == Section.Schedule && LastYear().Match(title) is { Success: true } y)
                    scheduleYear = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
                else if (YearBlock().Match(title) is { Success: true } yb && Year(yb) is var by && by >= plan.StartYear && by <= plan.EndYear)
                    (section, scheduleYear) = (Section.Schedule, by); // （一）2023年 / 2024年目标: a yearly block
                else if (section != Section.Schedule || h.Groups["top"].Success || !h.Success) section = Section.Goals;
                table.Reset();
                reported = null;
                namedTarget = null;
                // （三）发明专利授权量达到500件。— an item numbered like a heading that states a figure is read as well.
                if (!StatesFigure(trimmed, places)) continue;
            }

            // A short line without sentence punctuation may be a table cell written one per line, without tabs.
            var cellLike = !line.Contains('\t') && trimmed.Length <= 30 && trimmed.IndexOfAny(['。', '；', '，']) < 0;
            if (line.Contains('\t') || cellLike && table.TakesLooseCell(trimmed))
            {
                var context = PassageContext.For(trimmed, section, plan, scheduleYear);
                foreach (var (candidate, unknownCell) in table.Apply(line.Contains('\t') ? line.Split('\t') : [trimmed], context, lineOffset))
                {
                    if (candidate != null) found.Add(candidate);
                    if (unknownCell != null) unknown.Add(new UnknownMention(unknownCell, trimmed, lineOffset));
                }
                continue;
            }
            if (trimmed.Length <= 12 && !trimmed.Any(char.IsDigit)) continue; // a wrapped table cell (创造, 运用) or a short title
            table.Reset();

            // 2025年：万人发明专利拥有量达到74件 — a yearly schedule written as one line per year.
            // 2024年，全市发明专利授权量1.32万件 — a line opening with a year before the plan reports that year's results.
            var lineYear = YearBlock().Match(trimmed) is { Success: true } ly && Year(ly) is var yy && yy <= plan.EndYear
                && section != Section.Baseline ? yy : (int?)null;
            Indicator? lastIndicator = null;
            string? paragraphRegion = null; // a county a report's paragraph is about (鸠江区…,全区共申请专利940件;其中…)
            int? clauseYear = null; // 到2025年，…3件以上；商标有效注册量9万件；…: the target year carries past a semicolon to the full stop
            foreach (var (sentence, at) in Sentences(line, lineOffset))
            {
                // A page flattened into one line (a document preview) keeps its headings inside the line, each opening a
                // sentence: 。一、…发展基础与机遇挑战(一)… starts a review, 。二、…发展目标… starts the goals again.
                if (trimmed.Length > 40 && InlineHeading().Match(sentence.TrimStart()) is { Success: true } inline)
                {
                    var title = inline.Groups["title"].Value;
                    if (ReviewTitle().IsMatch(title)) { section = Section.Baseline; reported = null; }
                    else if (GoalTitle().IsMatch(title)) { section = Section.Goals; reported = null; }
                }
                var search = new SearchText(sentence, at);
                var context = lineYear switch
                {
                    { } year when year < plan.StartYear => new PassageContext("baseline", year, year, year),
                    { } year => PassageContext.For(sentence, Section.Schedule, plan, year),
                    _ => PassageContext.For(sentence, section, plan, scheduleYear),
                };
                // (已达 in a report carrying such a period is reached by the period's end, not at the report's own year.)
                if (plan.IsReport && reported != null && !PassageContext.NamesItsDate(sentence) && !PassageContext.CommitsInReport(sentence))
                    context = reported;
                else if (PassageContext.ReportYear(sentence, plan) is { } asOf) reported = new PassageContext("baseline", asOf, asOf, asOf);
                else if (reported != null && (context.Kind != "baseline" || plan.IsReport) && PassageContext.Undated(sentence)) context = reported;
                // A report's sentence giving a period of its own (2022至2023年期间,…) dates the undated ones after it.
                else if (plan.IsReport && context.Kind == "baseline" && context.SpanStart < context.SpanEnd && context.Year != plan.EndYear) reported = context;
                // 据统计,2018年,该市…；知识产权质押融资N万元: so does a sentence of a report dated by a year of its own before the
                // report's (a page of 2019 on 2018's results), for the undated sentences and clauses after it.
                else if (plan.IsReport && context.Kind == "baseline" && context.Year < plan.EndYear && DatedResult().IsMatch(sentence)) reported = context;
                else if (!PassageContext.Undated(sentence)) reported = null;
                if (namedTarget is { } then && sentence.TrimStart().StartsWith("届时", StringComparison.Ordinal))
                    context = PassageContext.At(then, plan);
                else if (clauseYear is { } carried && context.Kind != "baseline" && !PassageContext.NamesItsDate(sentence))
                    context = PassageContext.At(carried, plan);
                var ownTarget = context.Kind != "baseline" ? PassageContext.TargetYear(sentence) ?? clauseYear : null;
                // (Only in a plan's own text: a report's semicolons separate results dated by their own paragraph.)
                clauseYear = !plan.IsNews && !plan.IsReport && sentence.TrimEnd() is [.., '；' or ';'] ? ownTarget : null;
                if (context.Kind != "baseline" && PassageContext.TargetYear(sentence) is { } named) namedTarget = named;
                var mentions = _names.Find(search.Value, places);
                // 授权专利8931件。其中发明专利1846件: a sentence opening with 其中 goes on with the whole the sentence before named.
                if (mentions.Count == 0 && lastIndicator != null && _names.PartOfPrevious(search.Value, lastIndicator) is { } part)
                    mentions = [part];
                // 2023年，万人发明专利拥有量达到60件；2024年，达到66件: a clause that only gives a year and a number continues the
                // indicator of the sentence before it.
                if (mentions.Count == 0 && lastIndicator != null && Continuation().Match(search.Value) is { Success: true } cont)
                    mentions = [new Mention(cont.Length, cont.Length, "", lastIndicator)];
                var previousIndicator = lastIndicator;
                lastIndicator = mentions.LastOrDefault(m => !m.Qualified && m.Name.Length > 0)?.Indicator ?? (mentions.Count == 0 ? null : lastIndicator);
                var input = new SentenceInput(search, context, _names, mentions, line);
                var before = found.Count;
                found.AddRange(ProseRule.Apply(input));
                found.AddRange(NumberFirstRule.Apply(input));
                found.AddRange(BothChanges(search.Value, found.Skip(before).ToList()));
                found.AddRange(ProseRule.Bracketed(input, found.Skip(before)));
                var rankedIndicator = mentions.Count == 1 ? mentions[0].Indicator : mentions.Count == 0 ? previousIndicator : null;
                if (context.Kind == "baseline" && rankedIndicator != null) found.AddRange(RankedCounties(search, rankedIndicator, context, plan));
                paragraphRegion = InCounties(found, before, search.Value, plan, paragraphRegion);
                if (context.Kind != "baseline") unknown.AddRange(Unexplained(search, found.Skip(before).ToList()));
            }
        }
        return new ExtractionResult(plan,
            Deduplicate(WithoutRoundedHeadlines(found, text))
                .Select(c => c with { Evidence = InDocument(document, text, c.Evidence, c.Offset) }).ToList(),
            unknown.Select(u => u with { Evidence = InDocument(document, text, u.Evidence, u.Offset) }).ToList());
    }

    /// <summary>A table row aligned with spaces (指标名称      单位    2025年…) as tab-separated cells: each run of two or more spaces
    /// becomes a tab and spaces (same length, offsets hold). Prose is left alone, even where a web copy's blanked pinyin annotations
    /// left such runs: it has clause breaks, or runs of words longer than a cell.</summary>
    private static string SpaceAligned(string line)
    {
        var body = line.TrimStart();
        var cells = AlignedGap().Split(body.TrimEnd());
        if (cells.Length < 3 || body.IndexOfAny(['。', '，', '；', ',', ';', '、']) >= 0 || cells.Any(cell => cell.Length > 30)) return line;
        return line[..(line.Length - body.Length)] + AlignedGap().Replace(body, m => "\t" + new string(' ', m.Length - 1));
    }

    /// <summary>Whether a line names an indicator and a number other than a year.</summary>
    private bool StatesFigure(string line, IReadOnlyCollection<string> places) =>
        FigureNotYear().IsMatch(line) && _names.Find(Text.Key(line), places).Count > 0;

    [GeneratedRegex(@"\d(?![\d.]*年)")]
    private static partial Regex FigureNotYear();

    /// <summary>1.每万人口高价值发明专利拥有量：达到6.5件 — a list item naming an indicator, a colon, then its figure: the colon
    /// becomes a space (same length, offsets hold), so the name and its figure are one clause.</summary>
    private string ColonJoined(string line)
    {
        var m = NamedFigure().Match(line);
        return m.Success && _names.ResolveCell(m.Groups["name"].Value) != null
            ? string.Concat(line.AsSpan(0, m.Groups["colon"].Index), " ", line.AsSpan(m.Groups["colon"].Index + 1))
            : line;
    }

    // An item marker (1. / （一） / 一、), a name without numbers or clause breaks, a colon, then a figure or the words before one.
    [GeneratedRegex(@"^\s*(?:[（(]?[\d一二三四五六七八九十]{1,3}[)）、.．]\s*)?(?<name>[^：:，,。；;、\t\d]{3,30})(?<colon>[：:])" +
        @"(?=\s*(?:(?:[一二两三四五六七八九十]年|力争|预计|确保|达到|达|突破|超过|不低于|不少于|年均|累计|新增|每年|保持在|稳定在|提高到|提升到|增长|≥|>" +
        // 专利质押融资额：年度登记金额突破60亿元: the measure restated before the figure.
        @"|年度|全年|登记金额|金额|总额|总量|总数|数量)\s*){0,3}\d)")]
    private static partial Regex NamedFigure();

    /// <summary>同比增长排名前三位的县(市、区):西塞山区76.74%、下陆区32.61%: counties ranked by their growth give each one's growth rate of
    /// the indicator the sentence (or the one before it) names; a place that is no division inside the region is left out.</summary>
    private IEnumerable<TargetCandidate> RankedCounties(SearchText s, Indicator indicator, PassageContext context, PlanHeader plan)
    {
        var ranking = CountyRanking().Match(s.Value);
        if (!ranking.Success || _divisions.ByCode(plan.Region.RegionCode) is not { } own) yield break;
        foreach (Match item in RankedItem().Matches(s.Value[(ranking.Index + ranking.Length)..]))
        {
            if (_divisions.Within(own, item.Groups["place"].Value) is not { } county) continue;
            var value = double.Parse(item.Groups["n"].Value, CultureInfo.InvariantCulture);
            var at = ranking.Index + ranking.Length + item.Groups["n"].Index;
            yield return new TargetCandidate(indicator.IndicatorCode, "baseline", "growth_rate", "=", value, context.Year, context.Year,
                context.Year, s.Original.Trim(), s.Offset, "ranking", true, at, county.Code);
        }
    }

    // 同比增长排名前三位的县(市、区): / 增幅居前三的区县：
    [GeneratedRegex(@"(?:同比)?(?:增长|增幅|增速)(?:排名|排在|居)前[一二三四五六七八九十\d]+(?:位|名)?的?(?:县|区|县区|区县|县市区|县\(市、区\)|县（市、区）)[:：]")]
    private static partial Regex CountyRanking();

    // 西塞山区76.74%、: a place and its rate, one item of the ranking.
    [GeneratedRegex(@"(?<place>[\u4e00-\u9fff·]{2,12}?)(?<n>-?\d+(?:\.\d+)?)%[、，,和及与]?")]
    private static partial Regex RankedItem();

    /// <summary>Results a report gives for a county of its region (鸠江区…全区共申请专利940件) are that county's, from where the county
    /// is named to where the region itself (全市, 我市, 芜湖市) or another place is, across the paragraph's sentences. A result of a
    /// place that is no division (高新区, 经开区) is dropped rather than given to the region. Returns the place the paragraph is at.</summary>
    private string? InCounties(List<TargetCandidate> found, int from, string text, PlanHeader plan, string? current)
    {
        if (_divisions.ByCode(plan.Region.RegionCode) is not { } own) return null;
        var marks = _divisions.InsideMentions(own, text).Select(m => (m.At, Code: (string?)m.Division.Code))
            .Concat(OwnRegion(own).Matches(text).Select(m => (m.Index, Code: (string?)null)))
            .Concat(OtherPlace().Matches(text).Where(m => !_divisions.InsideMentions(own, m.Value).Any())
                .Select(m => (m.Index, Code: (string?)"?")))
            .OrderBy(m => m.Item1).ToList();
        for (var i = from; i < found.Count; i++)
        {
            var c = found[i];
            if (c.Kind != "baseline" || c.NumberAt < 0 || c.RegionCode != null) continue;
            var at = marks.FindLastIndex(m => m.Item1 < c.NumberAt);
            var code = at < 0 ? current : marks[at].Code;
            if (code != null) found[i] = c with { RegionCode = code };
        }
        found.RemoveAll(c => c.RegionCode == "?");
        return marks.Count > 0 ? marks[^1].Code : current;
    }

    /// <summary>The region itself: 全市/我市/本市 (by its level's last character) or its name, not in a rank (全市县区第1位, 居全市第2位).</summary>
    private static Regex OwnRegion(Division own)
    {
        var level = own.Name[^1];
        var names = new[] { own.Name, Divisions.ShortName(own) }.Where(n => n.Length >= 2).Select(Regex.Escape);
        return new Regex($"(?<![居列排])(?:[全我本]{level}|{string.Join("|", names)})(?!{level}?(?:县|区|各|第))");
    }

    // A place that is not a division: 高新区, 经开区, 经济开发区, 工业园区.
    [GeneratedRegex(@"(?<![全我本各])[\u4e00-\u9fff]{0,4}?(?:高新区|经开区|开发区|新区|园区)")]
    private static partial Regex OtherPlace();

    /// <summary>Evidence is the document's own sentence: the rules read a normalised copy (simplified script, no pinyin
    /// annotations, no conversion marks) of the same length, so the sentence's place in the copy is its place in the document.</summary>
    private static string InDocument(string document, string normalised, string evidence, int offset)
    {
        if (evidence.Length == 0 || document.Length != normalised.Length || ReferenceEquals(document, normalised)) return evidence;
        var at = normalised.IndexOf(evidence, Math.Clamp(offset - evidence.Length, 0, normalised.Length), StringComparison.Ordinal);
        return at < 0 ? evidence : document.Substring(at, evidence.Length);
    }

    /// <summary>The names of the plan's region and its parents, full and short (晋江市, 晋江, 泉州市, 泉州, 福建省, 福建).</summary>
    private string[] Places(PlanHeader plan)
    {
        if (_divisions.ByCode(plan.Region.RegionCode) is not { } division) return [plan.Region.RegionName];
        return new[] { division }.Concat(_divisions.Ancestors(division))
            // 新疆维吾尔自治区 is written 新疆 in its own texts (its people named without 族).
            .SelectMany(d => new[] { d.Name, Divisions.ShortName(d), Divisions.ShortName(d).Replace("维吾尔", "") })
            .Where(n => n.Length >= 2).Distinct().ToArray();
    }

    /// <summary>Numbers with a unit in a goal or schedule sentence that no rule loaded: reported as rejects, never dropped silently.
    /// Dates, document and meeting numbers, ordinals, counts of tasks (5项重点任务) and multiples (增长2倍) are not commitments.</summary>
    private static IEnumerable<UnknownMention> Unexplained(SearchText s, List<TargetCandidate> explained)
    {
        var consumed = explained.Select(e => e.NumberAt).ToHashSet();
        foreach (Match m in CommitmentNumber().Matches(s.Value))
        {
            if (consumed.Contains(m.Index)) continue;
            if (m.Index > 0 && (s.Value[m.Index - 1] == '第' || char.IsDigit(s.Value[m.Index - 1]) || s.Value[m.Index - 1] == '.')) continue;
            // 1,200件: the digits after a thousands separator are the same number's.
            if (m.Index > 1 && s.Value[m.Index - 1] == ',' && char.IsAsciiDigit(s.Value[m.Index - 2])) continue;
            if (NotACommitment().IsMatch(s.Value[(m.Index + m.Length)..])) continue;
            var clauseStart = s.Value.LastIndexOfAny(ProseRule.ClauseBreaks, Math.Max(0, m.Index - 1)) + 1;
            // 为期3个月的专项行动 is how long an action runs, and 授权周期从3—6个月缩短到7个工作日 tells of a change made;
            // 压缩至3个月以内 commits to a duration.
            if (m.Groups["duration"].Success && (!DurationCommitted().IsMatch(s.Value[Math.Max(0, m.Index - 6)..m.Index])
                    && !s.Value[(m.Index + m.Length)..].StartsWith("以内", StringComparison.Ordinal)
                || s.Value[clauseStart..m.Index].Contains('从'))) continue;
            // 约占泉州市的40%, 占全国的三分之一: a share of another total describes, it does not commit.
            if (ShareOf().IsMatch(s.Value[..m.Index])) continue;
            // 达到3件（全国平均为20件）: a bracketed figure of another place or of the average compares, it does not commit.
            if (ComparedElsewhere().IsMatch(s.Value[..m.Index])) continue;
            var clauseEnd = s.Value.IndexOfAny(ProseRule.ClauseBreaks, m.Index);
            var phrase = s.Value[clauseStart..(clauseEnd < 0 ? s.Value.Length : clauseEnd)];
            yield return new UnknownMention(phrase, s.Original.Trim(), s.DocumentOffset(clauseStart));
        }
    }

    /// <summary>专利申请量达到6080件,专利授权量达到3571件,两项数据较2016年分别增长5.39%和22.04%: the results just read in the
    /// sentence, as many as it counts, each take one change over the year before, in order.</summary>
    private static IEnumerable<TargetCandidate> BothChanges(string sentence, List<TargetCandidate> read)
    {
        var m = CountedChanges().Match(sentence);
        if (!m.Success) yield break;
        var count = "两二三四".IndexOf(m.Groups["k"].Value[0]) switch { 0 or 1 => 2, 2 => 3, 3 => 4, _ => 0 };
        var levels = read.Where(c => c.Kind == "baseline" && c.Measure != "growth_rate" && c.NumberAt < m.Index).ToList();
        var rates = m.Groups["r"].Captures;
        if (count == 0 || rates.Count != count || levels.Count != count || levels.Select(l => l.IndicatorCode).Distinct().Count() != count) yield break;
        // The base must be the year before the results' own year (较上年, 较2016年 for 2017).
        if (m.Groups["y"].Success && levels.Any(l => l.TargetYear != int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) + 1)) yield break;
        for (var i = 0; i < count; i++)
            yield return levels[i] with
            {
                Measure = "growth_rate", Comparator = "=", Value = double.Parse(rates[i].Value, CultureInfo.InvariantCulture),
                SpanStart = levels[i].TargetYear, SpanEnd = levels[i].TargetYear, Rule = "growth", ExplicitMeasure = true,
                NumberAt = rates[i].Index,
            };
    }

    [GeneratedRegex(@"(?<k>[两二三四])项(?:数据|指标)?(?:均)?(?:较|比)(?:上年|去年|(?<y>20\d\d)年)(?:同期)?(?:分别)?(?:增长|提高|增加)了?(?:(?<r>\d+(?:\.\d+)?)%(?:和|、|与|及)?){2,4}")]
    private static partial Regex CountedChanges();

    /// <summary>有效发明专利拥有量突破1000件 in a page's headline, 拥有有效发明专利1026件 in its body: a headline's threshold rounds
    /// the figure the body gives exactly, so where the body has the same indicator at the same date above it, the headline's is
    /// dropped.</summary>
    private static List<TargetCandidate> WithoutRoundedHeadlines(List<TargetCandidate> found, string text)
    {
        var openingEnd = PlanHeader.Opening(text.Length > PlanHeader.HeadLength ? text[..PlanHeader.HeadLength] : text).Length;
        bool Rounded(TargetCandidate c) => c.Kind == "baseline" && c.Offset < openingEnd && c.Measure != "growth_rate"
            && HeadlineThreshold().IsMatch(c.Evidence)
            && found.Any(b => b.Offset >= openingEnd && b.Kind == "baseline" && b.IndicatorCode == c.IndicatorCode
                && b.TargetYear == c.TargetYear && b.Measure == c.Measure && b.RegionCode == c.RegionCode && b.Value > c.Value);
        return found.Where(c => !Rounded(c)).ToList();
    }

    // 突破1000件, 首破1万件, 超过5000件, 逾3000件: a round threshold, not the figure itself.
    [GeneratedRegex(@"(?:突破|首破|超过|逾)\d")]
    private static partial Regex HeadlineThreshold();

    /// <summary>One candidate per (indicator, kind, year, value): a number stated in prose and again in a table counts once,
    /// and the statement whose wording says how it accumulates (累计, 新增, 每年) wins.</summary>
    private static List<TargetCandidate> Deduplicate(List<TargetCandidate> found) =>
        found.GroupBy(c => (c.IndicatorCode, c.Kind, c.TargetYear, c.Value, c.RegionCode))
            .Select(g => g.FirstOrDefault(c => c.ExplicitMeasure && c.Rule != "table") ?? g.FirstOrDefault(c => c.ExplicitMeasure) ?? g.First())
            .OrderBy(c => c.Offset)
            .ToList();

    private static IEnumerable<(string Sentence, int Offset)> Sentences(string line, int lineOffset) =>
        WholeSentences(line, lineOffset).SelectMany(s => ReportThenCommitment(s.Sentence, s.Offset));

    private static IEnumerable<(string Sentence, int Offset)> WholeSentences(string line, int lineOffset)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            // …到2028年达到120家，到2030年不少于150家: a clause opening with a target year of its own is a passage of its own.
            if (line[i] is '。' or '；' or ';' or '！' or '？' || line[i] is '，' or ',' && NextTargetYear().IsMatch(line.AsSpan(i + 1)))
            {
                if (i + 1 > start) yield return (line[start..(i + 1)], lineOffset + start);
                start = i + 1;
            }
        }
        if (start < line.Length && line[start..].Trim().Length > 0) yield return (line[start..], lineOffset + start);
    }

    [GeneratedRegex(@"^\s*(?:力争|确保|争取)?(?:到|至)20\d\d年")]
    private static partial Regex NextTargetYear();

    /// <summary>去年全市…为2件,力争2026年达6件: a sentence that reports a figure and then commits to one is two passages, so the
    /// commitment does not make the report a goal.</summary>
    private static IEnumerable<(string Sentence, int Offset)> ReportThenCommitment(string sentence, int offset)
    {
        var m = ReportClause().Match(sentence);
        if (!m.Success) return [(sentence, offset)];
        return [(sentence[..m.Length], offset), (sentence[m.Length..], offset + m.Length)];
    }

    // A first clause dated in the past or present (去年, 目前, 截至…, 2023年底), then a clause opening with 力争/确保/争取.
    [GeneratedRegex(@"^[^，,]{0,12}?(?:去年|目前|截至|截止|20\d\d年(?:底|末))[^，,]*[，,](?=力争|确保|争取)")]
    private static partial Regex ReportClause();

    // A year a report's sentence states its results for (2018年,… / 据统计,2018年…), at its start: not a base (比2017年) or a start
    // (自2015年, 2019年以来).
    [GeneratedRegex(@"^[^，,；;。\d]{0,6}?[，,]?(?<![比较自从与是])(?:19|20)\d\d年(?!以来|起|开始|至今)(?:底|末|度|全年)?[，,]?")]
    private static partial Regex DatedResult();

    [GeneratedRegex(@"\[(?:bookmark|footnoteRef)[^\]]*\]")]
    private static partial Regex Artefacts();

    [GeneratedRegex(@"^(?:(?<top>[一二三四五六七八九十]+[、．.])|（[一二三四五六七八九十]+）|\d+、)\s*(?<title>.*)$")]
    private static partial Regex Heading();

    // Two or more spaces between two cells of a table aligned with spaces.
    [GeneratedRegex(@"(?<=\S)[ \u3000]{2,}(?=\S)")]
    private static partial Regex AlignedGap();

    // The rule under a pasted table's header: |---|:---:|.
    [GeneratedRegex(@"^[\s|:\-—–]+$")]
    private static partial Regex TableRuleLine();

    // 基础与形势, (一)基础: a review under its shortest titles too.
    [GeneratedRegex("发展基础|工作基础|十三五|发展现状|规划背景|现状基础|发展回顾|工作回顾|基础与形势|形势与基础|^基础$")]
    private static partial Regex BaselineTitle();

    // A top-level heading opening a sentence inside a long line, and the first words of its title.
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])(?<title>[^，,。；;：:]{2,24})")]
    private static partial Regex InlineHeading();

    // Titles of a review inside a flattened page (not 十三五 alone: a 十三五 plan's goals name it too).
    [GeneratedRegex("发展基础|工作基础|发展现状|现状基础|规划背景|发展回顾|工作回顾|发展成效|取得的成效|主要成绩|基础与形势|形势与基础")]
    private static partial Regex ReviewTitle();

    [GeneratedRegex("发展目标|主要目标|总体目标|工作目标|目标任务|指导思想|总体要求|重点任务|主要任务|保障措施")]
    private static partial Regex GoalTitle();

    [GeneratedRegex(@"(\d{4})年\d{1,2}月(?!.*\d{4}年)")]
    private static partial Regex LastYear();

    [GeneratedRegex(@"^\s*(?:力争|确保|争取)?(?:到|至)?(?:20\d\d)年(?:底|末)?[，,：:]?(?=(?:力争)?(?:达到|达|突破|超过|不低于|不少于)\d)")]
    private static partial Regex Continuation();

    [GeneratedRegex("发展基础|工作基础|发展现状|现状基础|规划背景|发展回顾|基本情况|时序进度|进度安排|实施步骤|主要目标|发展目标|工作目标|总体目标|目标任务|重点任务|主要任务|保障措施|指导思想|基本原则|面临形势|总体要求")]
    private static partial Regex SectionWord();

    // 平均办案周期压缩至3个月以内, 结案时间缩短至10个工作日: a duration committed to is a commitment too.
    [GeneratedRegex(@"\d+(?:\.\d+)?(?:万|亿)?(?:(?<duration>个工作日|个月|天|小时)|件/万人|件|家|个|项|人次|人|名|亿元|万元|%|场次|场|户|所|篇|部|座|条|笔)")]
    private static partial Regex CommitmentNumber();

    [GeneratedRegex("(?:压缩|缩短|减少|降低|下降|控制)(?:至|到|在)|不超过|不多于|降至|(?:平均|周期|时限|时间|用时)(?:为|达到|在)?$")]
    private static partial Regex DurationCommitted();

    // What follows a number that is not a commitment: a count of tasks, fields, departments or indicators (3项重点任务, 18项具体工作内容,
    // 4项保障措施, 5大产业, 16个部门, 12个预期性定量指标), a multiple, a ranking or a duration (6个月, 10个工作日).
    [GeneratedRegex(@"^(?:以上|左右|余|多)?(?:重点|主要|重大|具体|保障|工作|大){0,2}" +
        "(?:任务|工程|行动|举措|措施|内容|方面|领域|环节|专项|方向|板块|战略|部分|阶段|倍|名次|位|月|工作日|小时|自然日|部门|成员单位|工作|事项)" +
        @"|^[\u4e00-\u9fff]{0,5}?(?:指标|目标)")]
    private static partial Regex NotACommitment();

    [GeneratedRegex(@"占[\u4e00-\u9fff]{0,12}?的$")]
    private static partial Regex ShareOf();

    [GeneratedRegex(@"[（(](?:全国|全省|全市|国家|同类城市|同级)[\u4e00-\u9fff]{0,8}?(?:平均|均值|水平)[\u4e00-\u9fff]{0,4}?(?:为|是|约)?$")]
    private static partial Regex ComparedElsewhere();

    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?<y>20\d\d)年(?:底|末|度)?(?:[：:，,]|目标|主要目标|工作目标|[)）]|$)")]
    private static partial Regex YearBlock();

    private static int Year(Match m) => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
}
