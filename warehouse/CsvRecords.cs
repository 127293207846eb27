using System.Text;

namespace Warehouse.Store;

/// <summary>One CSV record and the physical line it starts on (1-based).</summary>
public readonly record struct CsvRecord(int Line, string[] Fields);

/// <summary>A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.</summary>
public static class CsvRecords
{
    /// <summary>Reads every record; a quote left open at the end of input is an error naming its line.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool inQuotes = false, fieldStarted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; continue; }
            if (ch == separator) { fields.Add(field.ToString()); field.Clear(); fieldStarted = false; continue; }
            if (ch == '\r') continue;
            if (ch == '\n')
            {
                fields.Add(field.ToString());
                yield return new CsvRecord(recordLine, fields.ToArray());
                fields.Clear(); field.Clear(); fieldStarted = false; any = false;
                line++;
                recordLine = line;
                continue;
            }
            field.Append(ch);
            fieldStarted = true;
        }
        if (inQuotes) throw new InvalidDataException($"line {recordLine}: quoted field is never closed");
        if (any)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}
