using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Warehouse.Store;

/// <summary>Writes query results as RFC 4180 CSV or JSON, row by row, stopping when the caller's deadline passes.</summary>
public static class ResultFormats
{
    /// <summary>CSV with a header row, CRLF line ends, fields quoted only where needed. A text cell starting with = + - @ tab or CR
    /// is written as '-prefixed, quoted text (the OWASP rule against CSV injection): Excel would otherwise run it as a formula.</summary>
    public static void WriteCsv(QueryResult result, TextWriter writer, CancellationToken cancel = default)
    {
        writer.Write(string.Join(",", result.Columns.Select(c => Field(c, isText: true))));
        writer.Write("\r\n");
        foreach (var row in result.Rows)
        {
            cancel.ThrowIfCancellationRequested();
            writer.Write(string.Join(",", row.Select(v => Field(Format(v), isText: v is string))));
            writer.Write("\r\n");
        }
    }

    /// <summary>A JSON array of objects, one per row, keyed by column name; blobs as base64.</summary>
    public static void WriteJson(QueryResult result, TextWriter writer, CancellationToken cancel = default)
    {
        using var buffer = new MemoryStream();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartArray();
        foreach (var row in result.Rows)
        {
            cancel.ThrowIfCancellationRequested();
            json.WriteStartObject();
            for (var i = 0; i < result.Columns.Count; i++)
            {
                json.WritePropertyName(result.Columns[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case long l: json.WriteNumberValue(l); break;
                    case int n: json.WriteNumberValue(n); break;
                    case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                    case double d: json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
                    case byte[] b: json.WriteBase64StringValue(b); break;
                    case var v: json.WriteStringValue(Format(v)); break;
                }
            }
            json.WriteEndObject();
            // Hand each row on as it is written, so memory holds one row of JSON, not the whole result twice.
            json.Flush();
            writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }
        json.WriteEndArray();
        json.Flush();
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
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

    /// <summary>Whether a spreadsheet would read this text as a formula (OWASP: cells starting with = + - @, tab or CR).</summary>
    public static bool LooksLikeFormula(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Field(string s, bool isText)
    {
        if (isText && LooksLikeFormula(s)) return "\"'" + s.Replace("\"", "\"\"") + "\"";
        if (s.IndexOfAny([',', '"', '\r', '\n']) < 0) return s;
        var sb = new StringBuilder(s.Length + 2).Append('"');
        sb.Append(s.Replace("\"", "\"\"")).Append('"');
        return sb.ToString();
    }
}
