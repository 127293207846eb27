using System.Text;

namespace Warehouse.Store;

/// <summary>One CSV record and the physical line it starts on (1-based).</summary>
/// <param name="Terminated">False for a last record that the input ended in without a line break (possibly cut off).</param>
/// <param name="OpenQuote">True when the input ended inside a quoted field of this record.</param>
public readonly record struct CsvRecord(int Line, string[] Fields, bool Terminated = true, bool OpenQuote = false);

/// <summary>A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.
/// Lines may end in CRLF, LF or a lone CR (old Mac and some Excel exports).</summary>
public static class CsvRecords
{
    /// <summary>Reads every record; a quote left open at the end of input is an error naming its line
    /// unless <paramref name="lenient"/>, when the record comes back with <see cref="CsvRecord.OpenQuote"/> set.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator = ',', bool lenient = false)
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
                    // A line break inside quotes is data; CRLF and lone CR both count as one line for locations.
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n')) line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; continue; }
            if (ch == separator) { fields.Add(field.ToString()); field.Clear(); fieldStarted = false; continue; }
            if (ch == '\r' && reader.Peek() == '\n') continue; // CRLF: the LF ends the record
            if (ch is '\n' or '\r')
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
        if (inQuotes && !lenient) throw new InvalidDataException($"line {recordLine}: quoted field is never closed");
        if (any)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray(), Terminated: false, OpenQuote: inQuotes);
        }
    }
}
