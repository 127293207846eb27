using System.Text;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>A sentence with spaces and quotes removed (as dictionary keys are), mapping each position back to the document.</summary>
public sealed class SearchText
{
    private readonly int[] _map;

    /// <summary>The folded text that rules match against.</summary>
    public string Value { get; }

    /// <summary>The sentence as it stands in the document.</summary>
    public string Original { get; }

    /// <summary>Offset of the sentence in the document.</summary>
    public int Offset { get; }

    /// <summary>Folds <paramref name="original"/>, which starts at <paramref name="offset"/> in the document.</summary>
    public SearchText(string original, int offset)
    {
        Original = original;
        Offset = offset;
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            // 地区生产总值(GDP): a Latin abbreviation in brackets after a name glosses it, so names match across it.
            if (GlossLength(original, i) is var gloss and > 0) { i += gloss - 1; continue; }
            var folded = Text.Key(original[i].ToString());
            foreach (var c in folded) { sb.Append(c); map.Add(i); }
        }
        Value = sb.ToString();
        _map = map.ToArray();
    }

    /// <summary>Length of a bracketed Latin abbreviation ((GDP), （PCT）) after a Chinese character at <paramref name="i"/>, or 0.</summary>
    private static int GlossLength(string s, int i)
    {
        if (i == 0 || s[i] is not ('(' or '（') || s[i - 1] is < '\u4e00' or > '\u9fff') return 0;
        var j = i + 1;
        while (j < s.Length && char.IsAsciiLetterUpper(s[j])) j++;
        return j > i + 1 && j < s.Length && s[j] is ')' or '）' ? j - i + 1 : 0;
    }

    /// <summary>Document offset of a position in <see cref="Value"/>.</summary>
    public int DocumentOffset(int position) => Offset + (_map.Length == 0 ? 0 : _map[Math.Min(position, _map.Length - 1)]);
}
