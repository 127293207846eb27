using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Who issued a plan and which years it covers, read from its first lines.</summary>
public sealed record PlanHeader(Region Region, int StartYear, int EndYear, string Title)
{
    /// <summary>How far into the document the issuing body and title are looked for.</summary>
    private const int HeadLength = 900;

    private static readonly Regex YearRange = new(@"[（(]\s*(\d{4})\s*(?:年)?\s*[-—–～~至到]+\s*(\d{4})\s*年?\s*[）)]", RegexOptions.Compiled);

    private static readonly (string Name, int Start)[] FiveYearPlans =
        [("十三五", 2016), ("十四五", 2021), ("十五五", 2026)];

    /// <summary>Reads region and plan span; throws with a clear reason when either cannot be found.</summary>
    public static PlanHeader Read(string text, Catalog catalog, string fileName)
    {
        var head = text.Length > HeadLength ? text[..HeadLength] : text;
        var region = FindRegion(head, catalog)
            ?? throw new InvalidDataException($"{fileName}: 无法从发文机关或标题识别地区 / cannot tell the region from the issuing body or title (add an alias to seeds/regions.csv)");
        var title = head.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("规划") || l.Contains("方案")) ?? fileName;

        // The plan's own span is the first year range in the head that is not a long-range outline (纲要 2021—2035).
        foreach (Match m in YearRange.Matches(head))
        {
            int from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), to = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (to - from is >= 0 and <= 6) return new PlanHeader(region, from, to, title);
        }
        // Otherwise the five-year plan named first (the title's “十四五”, not a later mention of the previous “十三五”).
        var named = FiveYearPlans.Select(p => (p.Start, At: head.IndexOf(p.Name, StringComparison.Ordinal))).Where(p => p.At >= 0).OrderBy(p => p.At).ToList();
        if (named.Count > 0) return new PlanHeader(region, named[0].Start, named[0].Start + 4, title);
        throw new InvalidDataException($"{fileName}: 无法识别规划期 / cannot tell the plan period (no year range or “十四五” in the title)");
    }

    private static Region? FindRegion(string head, Catalog catalog)
    {
        // The earliest mention wins (the issuing body comes first); a longer alias wins at the same position.
        Region? best = null;
        int bestAt = int.MaxValue, bestLen = 0;
        foreach (var r in catalog.Regions.Where(r => r.Level != "province"))
        {
            foreach (var alias in new[] { r.RegionName }.Concat(r.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (alias.Length < 2 || alias.All(char.IsAsciiLetterOrDigit)) continue;
                var at = head.IndexOf(alias, StringComparison.Ordinal);
                if (at < 0) continue;
                if (at < bestAt || (at == bestAt && alias.Length > bestLen)) { best = r; bestAt = at; bestLen = alias.Length; }
            }
        }
        return best;
    }
}
