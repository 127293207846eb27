using System.Text;

namespace Warehouse.Store;

/// <summary>Text normalisation shared by every reader: full-width to half-width, uniform quotes and dashes.</summary>
public static class Text
{
    /// <summary>Folds full-width ASCII (４２, （）, ％) to half-width and trims; keeps CJK punctuation that carries meaning.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' && c != '\uFF08' && c != '\uFF09' && c != '\uFF0C' && c != '\uFF1B' && c != '\uFF1A')
                sb.Append((char)(c - 0xFEE0));
            else if (c == '\u3000' || c == '\u00A0') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>A key for dictionary look-ups: normalised, without spaces, quotes or brackets.</summary>
    public static string Key(string s)
    {
        var n = Normalize(s);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '《' or '》') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
