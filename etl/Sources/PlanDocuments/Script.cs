using System.Text.RegularExpressions;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Traditional characters to simplified, one character for one so every offset stays valid
/// (mapping: <c>seeds/reference/traditional_simplified.tsv</c>, derived from OpenCC's data via opencc-js).</summary>
public static partial class Script
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

    /// <summary>The text with pinyin annotations blanked out: a web copy may print a tone-marked syllable in brackets after a Han
    /// character (发(fā)明, 数(shù)据(jù)). Each annotation becomes spaces of the same length, which matching ignores, so names read
    /// whole again and every offset still points into the document (evidence is cut from the document itself).</summary>
    public static string WithoutPinyin(string text) =>
        text.IndexOf('(') < 0 && text.IndexOf('（') < 0 ? text : Pinyin().Replace(text, m => new string(' ', m.Length));

    // A bracketed lower-case syllable with at least one tone mark, right after a Han character: (fā), （chǎn）, (lǜ).
    [GeneratedRegex(@"(?<=[一-鿿])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]")]
    private static partial Regex Pinyin();

    /// <summary>The text with spaces inside years closed up: web copies print 2015 年 or 2025 年底, which every date rule reads as
    /// 2015年. The spaces move before the digits, so the text keeps its length and every offset still points into the
    /// document.</summary>
    public static string WithYearsClosed(string text) =>
        SpacedYear().Replace(text, m => m.Groups["gap"].Value + m.Groups["year"].Value);

    [GeneratedRegex(@"(?<!\d)(?<year>(?:19|20)\d\d)(?<gap>[ \u00A0\u3000]+)(?=年)")]
    private static partial Regex SpacedYear();

    /// <summary>How many characters of the text are traditional-only (for telling the user the text was converted).</summary>
    public static int TraditionalCount(string text) => text.Count(Map.Value.ContainsKey);
}
