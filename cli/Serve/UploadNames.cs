using System.Globalization;
using System.Text;

namespace Warehouse.Cli.Serve;

/// <summary>Turns the file name a browser (or anyone) sends with an upload into a safe base name for the inbox.</summary>
public static class UploadNames
{
    /// <summary>The longest name kept, extension included.</summary>
    public const int MaxLength = 120;

    /// <summary>The most UTF-8 bytes kept: file systems allow 255 a name, and the upload is first written as ".name.part".</summary>
    public const int MaxBytes = 200;

    private const string Forbidden = "<>:\"|?*";

    /// <summary>The safe base name, or null with the reason when nothing usable is left or the type is not loadable: the part
    /// after the last '/' or '\', NFC, without control characters and &lt;&gt;:"|?*, trimmed of spaces and dots at both ends
    /// (no hidden files, no "..", no Windows-stripped trailing dot), cut to <see cref="MaxLength"/> characters and
    /// <see cref="MaxBytes"/> bytes keeping the extension.</summary>
    public static string? Reduce(string? original, out string? refusal)
    {
        refusal = null;
        var name = original ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        try { name = name.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { } // a lone surrogate cannot be normalised; it is dropped below
        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(c).Append(name[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c) || Forbidden.Contains(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator)
                continue;
            kept.Append(c);
        }
        name = kept.ToString();
        for (var before = ""; before != name;) { before = name; name = name.Trim().Trim('.'); }
        if (name.Length > MaxLength || Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            var ext = Path.GetExtension(name);
            if (ext.Length >= 20) ext = ""; // no loadable extension is that long; the cut below then refuses the name
            var stem = name[..^ext.Length];
            while (stem.Length > 0 && (stem.Length + ext.Length > MaxLength || Encoding.UTF8.GetByteCount(stem + ext) > MaxBytes))
                stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)]; // never cut a character in half
            name = stem.TrimEnd(' ', '.') + ext;
        }
        if (name.Length == 0)
            refusal = $"文件名无效 / unusable file name: {Shown(original)}";
        else if (!Warehouse.Etl.Loading.Ingestor.IsLoadable(name))
            refusal = $"不支持的文件类型 / not a statistics or plan file: {Shown(original)}";
        return refusal == null ? name : null;
    }

    /// <summary>The original name as it may be shown in a message: control characters as \uXXXX, at most 200 characters.</summary>
    public static string Shown(string? original)
    {
        var s = string.Concat((original ?? "").Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return s.Length > 200 ? s[..200] + "…" : s;
    }
}
