using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Everything a rule needs about the sentence it reads.</summary>
public sealed record SentenceInput(SearchText Text, PassageContext Context, IndicatorNames Names, List<Mention> Mentions);

/// <summary>Builds a candidate from a mention, a quantity and the words around it; null when the unit does not fit.</summary>
internal static class Candidates
{
    public static TargetCandidate? Make(SentenceInput s, Indicator indicator, Quantity q, string words, string rule, int? yearOverride = null)
    {
        var value = q.In(indicator.Unit, indicator.AltUnits);
        if (value is null) return null;
        var ctx = yearOverride is { } y ? s.Context with { Year = y, SpanEnd = y, SpanStart = Math.Min(s.Context.SpanStart, y) } : s.Context;
        var (measure, isExplicit) = Qualifiers.Measure(indicator, words, ctx);
        var spanned = measure is "cumulative" or "increment";
        var comparator = ctx.Kind == "baseline" ? q.Comparator("=") : q.Comparator(indicator.Direction < 0 ? "<=" : ">=");
        return new TargetCandidate(indicator.IndicatorCode, ctx.Kind, measure, comparator, value.Value, ctx.Year,
            spanned ? ctx.SpanStart : ctx.Year, ctx.Year, s.Text.Original.Trim(), s.Text.Offset, rule, isExplicit);
    }
}

/// <summary>Prose: "indicator [累计|每年] [达|超过|不低于] value unit", e.g. 有效注册商标量达13.5万件; also 从A增加到B and 申请N件、授权M件.</summary>
public static partial class ProseRule
{
    /// <summary>Applies the rule to one sentence.</summary>
    public static IEnumerable<TargetCandidate> Apply(SentenceInput s)
    {
        var text = s.Text.Value;
        for (var i = 0; i < s.Mentions.Count; i++)
        {
            var m = s.Mentions[i];
            var end = i + 1 < s.Mentions.Count ? s.Mentions[i + 1].Start : text.Length;
            var tail = text[m.End..end];
            var clauseEnd = tail.IndexOfAny(ClauseBreaks);
            var clause = clauseEnd >= 0 ? tail[..clauseEnd] : tail;
            var before = Before(text, m.Start, i > 0 ? s.Mentions[i - 1].End : 0);

            var fromTo = FromTo().Match(clause);
            if (fromTo.Success && Quantity.ParsePrefix(fromTo.Groups["a"].Value) is var (qa, _) && Quantity.ParsePrefix(fromTo.Groups["b"].Value) is var (qb, _))
            {
                // 从A增加到B: A at the start of the previous plan period, B at its end.
                var start = s.Context.SpanStart - 1;
                if (Candidates.Make(s, m.Indicator, qa with { Unit = qa.Unit.Length > 0 ? qa.Unit : qb.Unit }, "", "from-to", start) is { } a)
                    yield return a with { Kind = "baseline", Comparator = "=" };
                if (Candidates.Make(s, m.Indicator, qb, "", "from-to") is { } b) yield return b with { Kind = "baseline", Comparator = "=" };
                continue;
            }

            var lead = Lead().Match(clause);
            if (!lead.Success) continue;
            var rest = clause[lead.Length..];
            if (Quantity.ParsePrefix(rest) is not var (q, length) || q.Unit.Length == 0) continue;
            if (rest.Length > length && NotAQuantity().IsMatch(rest[length..])) continue;
            if (Candidates.Make(s, m.Indicator, q, before + m.Name + lead.Value, "prose") is { } c) yield return c;

            // 新增专利申请11407件、授权6863件: the second number is the grants of the same thing.
            var after = tail[(lead.Length + length)..];
            var elided = ElidedGrant().Match(after);
            if (elided.Success && m.Name.Contains("申请") && s.Names.Catalog.FindIndicator(m.Name.Replace("申请", "授权")) is { } grants
                && Quantity.ParsePrefix(elided.Groups["n"].Value) is var (qg, _)
                && Candidates.Make(s, grants, qg, before, "elided-grant") is { } g)
                yield return g;
        }
    }

    /// <summary>The words just before a mention, back to the previous clause break or mention.</summary>
    internal static string Before(string text, int start, int floor)
    {
        var from = Math.Max(floor, text.LastIndexOfAny(ClauseBreaks, Math.Max(0, start - 1)) + 1);
        return start > from ? text[from..start] : "";
    }

    internal static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '。', '、', '：', ':'];

    [GeneratedRegex(@"^(?:每年|年度|全年|累计|总数|总量|数量|金额|规模|登记金额|累计金额|有效)*(?:达到|达|为|超过|超|不低于|不少于|突破|保持在|提高到|提升到|提升至|逾)?(?=\d)")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:累计)?从(?<a>\d[\d.,]*(?:万|亿)?[^\d增提上到]{0,3})(?:增加到|提高到|增长到|提升到|上升到|增至|升至)(?<b>\d[\d.,]*(?:万|亿)?\S{0,3})")]
    private static partial Regex FromTo();

    // A number followed by 年/月/日/号/届/次会议 is a date or a serial number, not a quantity.
    [GeneratedRegex(@"^(?:年|月|日|号|届|次会议|〕)")]
    private static partial Regex NotAQuantity();

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
        foreach (Match verb in Verb().Matches(text))
        {
            var pos = verb.Index + verb.Length;
            var words = verb.Value;
            while (pos < text.Length && Quantity.ParsePrefix(text[pos..]) is var (q, length) && q.Unit.Length > 0)
            {
                var mention = s.Names.At(text, pos + length);
                if (mention == null) break;
                if (Candidates.Make(s, mention.Indicator, q, words, "number-first") is { } c) yield return c;
                pos = mention.End;
                // A list continues the same verb: 、1个省级知识产权示范园区
                if (pos < text.Length && text[pos] == '、') pos++;
                else break;
            }
        }
    }

    [GeneratedRegex(@"(?:新增|新培育|培育|建成|引进|实施|成立)(?=\d)")]
    private static partial Regex Verb();
}

/// <summary>Tables, flattened by conversion either as tab-separated rows (溧阳) or one cell per line (通州):
/// a cell naming an indicator, then the next cell that is a value.</summary>
public sealed class TableRule(IndicatorNames names)
{
    private (Indicator Indicator, string Qualifiers, string UnitHint, string Cell, int Offset)? _pending;
    private string? _unknown;

    /// <summary>Forgets a pending cell (prose ended the table).</summary>
    public void Reset() { _pending = null; _unknown = null; }

    /// <summary>Reads one table line's cells; returns candidates and cells that looked like indicators but are unknown.</summary>
    public IEnumerable<(TargetCandidate? Candidate, string? Unknown)> Apply(IReadOnlyList<string> cells, PassageContext context, int offset)
    {
        foreach (var raw in cells)
        {
            var cell = Text.Key(raw);
            if (cell.Length == 0) continue;
            if (Quantity.ParsePrefix(cell) is var (q, length) && length == cell.Length)
            {
                if (_pending is { } p)
                {
                    var quantity = q.Unit.Length == 0 && p.UnitHint.Length > 0 && Quantity.ParseUnit(p.UnitHint) is { } hint ? q with { Unit = hint.Unit, Scale = hint.Scale } : q;
                    var s = new SentenceInput(new SearchText($"{p.Cell}：{raw.Trim()}", p.Offset), context, names, []);
                    yield return (Candidates.Make(s, p.Indicator, quantity, p.Qualifiers + Text.Key(p.Cell), "table"), null);
                    _pending = null;
                }
                else if (_unknown != null) yield return (null, _unknown + "：" + raw.Trim());
                _unknown = null;
                continue;
            }
            if (names.ResolveCell(cell) is { } resolved)
            {
                _pending = (resolved.Indicator, resolved.Qualifiers, resolved.UnitHint, raw.Trim(), offset);
                _unknown = null;
            }
            else
            {
                _pending = null;
                // Headers and category cells (项目, 分类, 知识产权产出) precede no value; only a cell right before a value is reported.
                _unknown = raw.Trim();
            }
        }
    }
}
