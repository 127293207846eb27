using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Warehouse.Store;

/// <summary>Writes query results as RFC 4180 CSV or JSON.</summary>
public static class ResultFormats
{
    /// <summary>CSV with a header row, CRLF line ends, fields quoted only where needed.</summary>
    public static void WriteCsv(QueryResult result, TextWriter writer)
    {
        writer.Write(string.Join(",", result.Columns.Select(Field)));
        writer.Write("\r\n");
        foreach (var row in result.Rows)
        {
            writer.Write(string.Join(",", row.Select(v => Field(Format(v)))));
            writer.Write("\r\n");
        }
    }

    /// <summary>A JSON array of objects, one per row, keyed by column name.</summary>
    public static void WriteJson(QueryResult result, TextWriter writer)
    {
        var rows = result.Rows.Select(row =>
        {
            var o = new Dictionary<string, object?>();
            for (var i = 0; i < result.Columns.Count; i++) o[result.Columns[i]] = row[i] is byte[] b ? Convert.ToBase64String(b) : row[i];
            return o;
        });
        writer.Write(JsonSerializer.Serialize(rows, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        writer.WriteLine();
    }

    /// <summary>A value as text: invariant numbers without trailing noise, nulls empty.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Field(string s)
    {
        if (s.IndexOfAny([',', '"', '\r', '\n']) < 0) return s;
        var sb = new StringBuilder(s.Length + 2).Append('"');
        sb.Append(s.Replace("\"", "\"\"")).Append('"');
        return sb.ToString();
    }
}
