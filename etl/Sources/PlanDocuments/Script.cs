namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Traditional characters to simplified, one character for one so every offset stays valid
/// (mapping: <c>seeds/reference/traditional_simplified.tsv</c>, derived from OpenCC's data via opencc-js).</summary>
public static class Script
{
    private static readonly Lazy<Dictionary<char, char>> Map = new(() =>
        ReferenceFiles.Rows("traditional_simplified.tsv", header: false)
            .Where(f => f.Length >= 2 && f[0].Length == 1 && f[1].Length == 1)
            .ToDictionary(f => f[0][0], f => f[1][0]));

    /// <summary>The text with every traditional-only character replaced by its simplified form (same length).</summary>
    public static string ToSimplified(string text)
    {
        var map = Map.Value;
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!map.TryGetValue(text[i], out var s)) continue;
            chars ??= text.ToCharArray();
            chars[i] = s;
        }
        return chars == null ? text : new string(chars);
    }

    // Taiwan terms (after conversion to simplified) and their mainland words, padded with spaces to the same length; spaces do not
    // count in matching (SearchText drops them), so names and numbers stay where they were.
    private static readonly (string Taiwan, string Mainland)[] Terms =
    [
        ("智慧财产权", "知识产权 "), ("智慧财产", "知识产权"), ("资讯", "信息"), ("品质", "质量"), ("水准", "水平"),
    ];

    /// <summary>The text with Taiwan terms (智慧财产权) replaced by mainland ones (知识产权), keeping its length.</summary>
    public static string ToMainlandTerms(string text)
    {
        foreach (var (taiwan, mainland) in Terms)
            if (text.Contains(taiwan, StringComparison.Ordinal)) text = text.Replace(taiwan, mainland, StringComparison.Ordinal);
        return text;
    }

    /// <summary>How many characters of the text are traditional-only (for telling the user the text was converted).</summary>
    public static int TraditionalCount(string text) => text.Count(Map.Value.ContainsKey);
}
