using System.Globalization;
using System.Text;
using ExcelDataReader;
using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>A row of a sheet: its cells as text and how a person finds it (line 12, or 'Sheet1'!B12 for a cell).</summary>
/// <param name="Unterminated">The file ended in this row without a line break: it may have been cut off mid-row.</param>
/// <param name="OpenQuote">The file ended inside a quoted field of this row.</param>
public sealed record SheetRow(int Number, string[] Cells, bool Unterminated = false, bool OpenQuote = false);

/// <summary>One sheet (or a whole CSV file) as rows of text, read lazily so a large file never sits in memory whole.</summary>
/// <remarks>Rows can be enumerated once, in order: they come straight from the file.</remarks>
public sealed record Sheet(string Name, bool IsCsv, IEnumerable<SheetRow> Rows)
{
    /// <summary>Where a row is, for error messages.</summary>
    public string RowRef(SheetRow row) => IsCsv ? $"line {row.Number}" : $"'{Name}'!row {row.Number}";

    /// <summary>Where a cell is, for error messages.</summary>
    public string CellRef(SheetRow row, int column) => IsCsv ? $"line {row.Number}, column {column + 1}" : $"'{Name}'!{CellNames.Column(column)}{row.Number}";
}

/// <summary>An open statistics file: its sheets, streamed. Dispose to close the file.</summary>
public sealed class SheetFile : IDisposable
{
    private readonly IDisposable[] _owned;

    internal SheetFile(IEnumerable<Sheet> sheets, params IDisposable[] owned)
    {
        Sheets = sheets;
        _owned = owned;
    }

    /// <summary>The sheets in file order; each sheet's rows must be read before the next sheet is taken.</summary>
    public IEnumerable<Sheet> Sheets { get; }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        foreach (var d in _owned.Reverse()) d.Dispose();
    }
}

/// <summary>Reads statistics files — CSV (UTF-8 ± BOM, UTF-16 with BOM, GB18030/GBK; CRLF, LF or CR line ends), .xlsx and .xls —
/// as sheets of text.</summary>
public static class Sheets
{
    /// <summary>File endings this reader handles.</summary>
    public static readonly string[] Extensions = [".csv", ".xlsx", ".xls"];

    /// <summary>Opens a file for streaming; throws <see cref="InvalidDataException"/> naming the file when it cannot be read at all
    /// (unsupported encoding, not a workbook). Problems found later, while rows are read, also name the file.</summary>
    public static SheetFile Open(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var name = Path.GetFileName(path);
        Stream? stream = null;
        try
        {
            stream = File.OpenRead(path);
            if (ext == ".csv")
            {
                var encoding = TextEncodings.Detect(stream, name);
                var separator = Separator(stream, encoding);
                var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
                return new SheetFile([new Sheet(Path.GetFileNameWithoutExtension(path), true, CsvRows(reader, separator, name))], reader);
            }
            if (ext is not (".xlsx" or ".xls"))
                throw new InvalidDataException($"{name}: 不支持的文件类型 / unsupported file type {ext} (accepted: statistics " +
                    $"{string.Join(", ", Extensions)}; plan documents .txt, .docx)");
            RefuseTextAsWorkbook(stream, name, ext);
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var excel = ExcelReaderFactory.CreateReader(stream);
            return new SheetFile(ExcelSheets(excel, name), excel, stream);
        }
        catch (Exception ex) when (ex is not FileNotFoundException)
        {
            stream?.Dispose();
            throw ex is InvalidDataException && ex.Message.StartsWith(name, StringComparison.Ordinal)
                ? ex
                : new InvalidDataException($"{name}: 无法读取 / cannot be read as {ext}: {ex.Message}", ex);
        }
    }

    /// <summary>The field separator, from the first 64 K characters: comma, or tab (Excel's "Unicode text" export is UTF-16 with
    /// tabs), or semicolon (Excel's CSV where the decimal mark is a comma) when that one occurs more often. Leaves the stream where it was.</summary>
    private static char Separator(Stream stream, Encoding encoding)
    {
        var start = stream.Position;
        var buffer = new char[1 << 16];
        int n;
        using (var peek = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true))
            n = peek.ReadBlock(buffer, 0, buffer.Length);
        stream.Position = start;
        int commas = 0, tabs = 0, semicolons = 0;
        foreach (var c in buffer.AsSpan(0, n))
        {
            if (c == ',') commas++;
            else if (c == '\t') tabs++;
            else if (c == ';') semicolons++;
        }
        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>Web systems often export an HTML page or CSV text under an .xls name; say so instead of "invalid signature".</summary>
    private static void RefuseTextAsWorkbook(Stream stream, string name, string ext)
    {
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 0) throw new InvalidDataException($"{name}: 空文件 / the file is empty");
        if (head.StartsWith("PK"u8) || head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })) return;
        var text = Encoding.ASCII.GetString(head[..n]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
        if (text.StartsWith('<'))
            throw new InvalidDataException($"{name}: 这是网页（HTML）而不是 Excel 工作簿，请在 Excel 中另存为 .xlsx / "
                + $"an HTML page saved under {ext}: open it in Excel and save as .xlsx");
    }

    private static IEnumerable<SheetRow> CsvRows(TextReader reader, char separator, string name)
    {
        using var records = CsvRecords.Read(reader, separator, lenient: true).GetEnumerator();
        while (true)
        {
            CsvRecord r;
            try
            {
                if (!records.MoveNext()) yield break;
                r = records.Current;
            }
            catch (DecoderFallbackException ex)
            {
                throw new InvalidDataException($"{name}: 文本编码中途出错 / invalid bytes for the detected encoding ({ex.Message}). {TextEncodings.Accepted}", ex);
            }
            yield return new SheetRow(r.Line, r.Fields, !r.Terminated, r.OpenQuote);
        }
    }

    private static IEnumerable<Sheet> ExcelSheets(IExcelDataReader reader, string name)
    {
        do
        {
            yield return new Sheet(reader.Name ?? "", false, ExcelRows(reader, name));
        } while (Next(reader, name));
    }

    private static bool Next(IExcelDataReader reader, string name)
    {
        try { return reader.NextResult(); }
        catch (Exception ex) { throw new InvalidDataException($"{name}: 工作簿损坏 / damaged workbook: {ex.Message}", ex); }
    }

    private static IEnumerable<SheetRow> ExcelRows(IExcelDataReader reader, string name)
    {
        var number = 0;
        while (true)
        {
            string[] cells;
            try
            {
                if (!reader.Read()) yield break;
                number++;
                cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = CellText(reader.GetValue(i), reader.GetNumberFormatString(i));
            }
            catch (Exception ex)
            {
                throw new InvalidDataException($"{name}: 工作簿损坏 / damaged workbook at '{reader.Name}' row {number}: {ex.Message}", ex);
            }
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>A cell as the text a person sees: numbers without exponent noise, date cells as the date their format shows
    /// (a cell formatted yyyy"年"m"月" reads 2023-06; one formatted yyyy-mm-dd reads 2023-06-15, which no period matches).</summary>
    public static string CellText(object? value, string? numberFormat = null) => value switch
    {
        null => "",
        double d => Number(d),
        DateTime dt => dt.ToString(DateShown(numberFormat), CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Number(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        // 1E-05 or 1.5E+20 would read as a bad value; write the digits out where decimal can hold them.
        return r.Contains('E') && Math.Abs(d) < 7.9e27 ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : r;
    }

    /// <summary>The .NET pattern for the parts of a date an Excel number format shows: year, year-month or the full date.</summary>
    public static string DateShown(string? numberFormat)
    {
        if (string.IsNullOrWhiteSpace(numberFormat) || numberFormat.Equals("General", StringComparison.OrdinalIgnoreCase)) return "yyyy-MM-dd";
        // Drop quoted literals ("年"), escaped characters (\-), and bracketed locale or colour codes ([$-804]) before looking for codes.
        var codes = System.Text.RegularExpressions.Regex.Replace(numberFormat, "\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").ToLowerInvariant();
        bool year = codes.Contains('y') || codes.Contains('e'), day = codes.Contains('d'), month = codes.Contains('m');
        return (year, month, day) switch
        {
            (true, false, false) => "yyyy",
            (true, true, false) => "yyyy-MM",
            _ => "yyyy-MM-dd",
        };
    }
}
