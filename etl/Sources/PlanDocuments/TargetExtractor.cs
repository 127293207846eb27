using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Reads a plan's text line by line, tracks which section it is in, and applies the rules to each sentence and table line.</summary>
public sealed partial class TargetExtractor(Catalog catalog)
{
    private readonly IndicatorNames _names = new(catalog);

    /// <summary>Extracts every commitment and baseline, de-duplicated (a number stated in prose and again in a table counts once).</summary>
    public ExtractionResult Extract(string text, string fileName)
    {
        text = Artefacts().Replace(text, m => new string(' ', m.Length)); // keep offsets: blank out conversion marks
        var plan = PlanHeader.Read(text, catalog, fileName);
        var found = new List<TargetCandidate>();
        var unknown = new List<UnknownMention>();
        var table = new TableRule(_names);
        var section = Section.Goals;
        int? scheduleYear = null;

        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var lineOffset = offset;
            offset += rawLine.Length + 1;
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;

            if (Heading().Match(trimmed) is { Success: true } h && trimmed.Length <= 40)
            {
                var title = h.Groups["title"].Value;
                if (title.Contains("发展基础") || title.Contains("工作基础") || title.Contains("十三五")) section = Section.Baseline;
                else if (title.Contains("时序进度") || title.Contains("进度安排") || title.Contains("实施步骤")) { section = Section.Schedule; scheduleYear = null; }
                else if (section == Section.Schedule && LastYear().Match(title) is { Success: true } y)
                    scheduleYear = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
                else if (section != Section.Schedule || h.Groups["top"].Success) section = Section.Goals;
                table.Reset();
                continue;
            }

            if (line.Contains('\t'))
            {
                var context = PassageContext.For(trimmed, section, plan, scheduleYear);
                foreach (var (candidate, unknownCell) in table.Apply(line.Split('\t'), context, lineOffset))
                {
                    if (candidate != null) found.Add(candidate);
                    if (unknownCell != null) unknown.Add(new UnknownMention(unknownCell, trimmed, lineOffset));
                }
                continue;
            }
            if (trimmed.Length <= 12 && !trimmed.Any(char.IsDigit)) continue; // a wrapped table cell (创造, 运用) or a short title
            table.Reset();

            foreach (var (sentence, at) in Sentences(line, lineOffset))
            {
                var search = new SearchText(sentence, at);
                var context = PassageContext.For(sentence, section, plan, scheduleYear);
                var mentions = _names.Find(search.Value);
                var input = new SentenceInput(search, context, _names, mentions);
                var before = found.Count;
                found.AddRange(ProseRule.Apply(input));
                found.AddRange(NumberFirstRule.Apply(input));
                if (found.Count == before || context.Kind != "baseline")
                    unknown.AddRange(Unexplained(search, mentions, found.Skip(before).ToList()));
            }
        }
        return new ExtractionResult(plan, Deduplicate(found), unknown);
    }

    /// <summary>Commitment-shaped numbers (达N件, N家以上) that no rule tied to an indicator: reported, never dropped silently.</summary>
    private static IEnumerable<UnknownMention> Unexplained(SearchText s, List<Mention> mentions, List<TargetCandidate> explained)
    {
        foreach (Match m in CommitmentNumber().Matches(s.Value))
        {
            // Explained when a mention stands in the same clause before the number.
            var clauseStart = s.Value.LastIndexOfAny(ProseRule.ClauseBreaks, Math.Max(0, m.Index - 1)) + 1;
            if (mentions.Any(x => x.Start >= clauseStart && x.Start < m.Index) || mentions.Any(x => x.Start == m.Index + m.Length)) continue;
            var clauseEnd = s.Value.IndexOfAny(ProseRule.ClauseBreaks, m.Index);
            var phrase = s.Value[clauseStart..(clauseEnd < 0 ? s.Value.Length : clauseEnd)];
            if (explained.Count > 0 && explained.Any(e => phrase.Contains(e.Value.ToString(CultureInfo.InvariantCulture)))) continue;
            yield return new UnknownMention(phrase, s.Original.Trim(), s.DocumentOffset(clauseStart));
        }
    }

    /// <summary>One candidate per (indicator, kind, year, value): a number stated in prose and again in a table counts once,
    /// and the statement whose wording says how it accumulates (累计, 新增, 每年) wins.</summary>
    private static List<TargetCandidate> Deduplicate(List<TargetCandidate> found) =>
        found.GroupBy(c => (c.IndicatorCode, c.Kind, c.TargetYear, c.Value))
            .Select(g => g.FirstOrDefault(c => c.ExplicitMeasure && c.Rule != "table") ?? g.FirstOrDefault(c => c.ExplicitMeasure) ?? g.First())
            .OrderBy(c => c.Offset)
            .ToList();

    private static IEnumerable<(string Sentence, int Offset)> Sentences(string line, int lineOffset)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '。' or '；' or ';' or '！' or '？')
            {
                if (i + 1 > start) yield return (line[start..(i + 1)], lineOffset + start);
                start = i + 1;
            }
        }
        if (start < line.Length && line[start..].Trim().Length > 0) yield return (line[start..], lineOffset + start);
    }

    [GeneratedRegex(@"\[(?:bookmark|footnoteRef)[^\]]*\]")]
    private static partial Regex Artefacts();

    [GeneratedRegex(@"^(?:(?<top>[一二三四五六七八九十]+[、．.])|（[一二三四五六七八九十]+）|\d+、)\s*(?<title>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(\d{4})年\d{1,2}月(?!.*\d{4}年)")]
    private static partial Regex LastYear();

    [GeneratedRegex(@"(?<=达到|达|超过|超|不低于|不少于|突破)\d+(?:\.\d+)?(?:万|亿)?(?:件|家|个|项|人次|人|名|亿元|万元|%)|\d+(?:\.\d+)?(?:万|亿)?(?:件|家|个|项|人|名|亿元|万元)(?:以上)")]
    private static partial Regex CommitmentNumber();
}
