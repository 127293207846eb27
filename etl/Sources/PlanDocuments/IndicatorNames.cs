using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>An indicator named in a sentence: where the name stands and what it resolves to.</summary>
public sealed record Mention(int Start, int End, string Name, Indicator Indicator);

/// <summary>Finds indicator names in text, longest name first so 万人发明专利拥有量 is not read as 发明专利拥有量.</summary>
public sealed class IndicatorNames(Catalog catalog)
{
    private readonly List<(string Name, Indicator Indicator)> _names = catalog.NamesLongestFirst().ToList();

    /// <summary>The catalog the names come from.</summary>
    public Catalog Catalog => catalog;

    /// <summary>Non-overlapping mentions in <paramref name="text"/>, in reading order.</summary>
    public List<Mention> Find(string text)
    {
        var taken = new bool[text.Length];
        var found = new List<Mention>();
        foreach (var (name, indicator) in _names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (Enumerable.Range(at, name.Length).Any(i => taken[i])) continue;
                for (var i = at; i < at + name.Length; i++) taken[i] = true;
                found.Add(new Mention(at, at + name.Length, name, indicator));
            }
        }
        return found.OrderBy(m => m.Start).ToList();
    }

    /// <summary>The longest name that starts exactly at <paramref name="position"/>, if any.</summary>
    public Mention? At(string text, int position)
    {
        foreach (var (name, indicator) in _names)
            if (string.CompareOrdinal(text, position, name, 0, name.Length) == 0 && position + name.Length <= text.Length)
                return new Mention(position, position + name.Length, name, indicator);
        return null;
    }

    /// <summary>Resolves a table cell such as 累计PCT专利申请量（件）: strips the unit in brackets and leading qualifiers.</summary>
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
            if (catalog.FindIndicator(key) is { } indicator) return (indicator, qualifiers, unit);
            var q = Qualifiers.Leading.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length);
            if (q == null) return null;
            qualifiers += q;
            key = key[q.Length..];
        }
    }
}

/// <summary>Words around a number that say how it accumulates and which way it is bounded.</summary>
public static class Qualifiers
{
    /// <summary>Words that may precede an indicator name in a table cell.</summary>
    public static readonly string[] Leading = ["新增", "累计", "年度", "全年", "每年", "新培育", "引进培育", "培育"];

    /// <summary>The target measure the wording implies for an indicator, and whether the wording said so explicitly.</summary>
    public static (string Measure, bool Explicit) Measure(Indicator indicator, string words, PassageContext context)
    {
        bool Has(params string[] w) => w.Any(x => words.Contains(x, StringComparison.Ordinal));
        if (indicator.Measure == "ratio") return ("ratio", false);
        var added = Has("新增", "新培育", "引进培育", "新申请", "新认定", "增加");
        var summed = Has("累计", "期间", "期内", "共获得", "共");
        var yearly = Has("每年", "年度", "全年");
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
