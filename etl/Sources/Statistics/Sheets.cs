using System.Globalization;
using ExcelDataReader;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>A row of a sheet: its cells as text and how a person finds it (line 12, or 'Sheet1'!B12 for a cell).</summary>
public sealed record SheetRow(int Number, string[] Cells);

/// <summary>One sheet (or a whole CSV file) as rows of text.</summary>
public sealed record Sheet(string Name, bool IsCsv, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Where a row is, for error messages.</summary>
    public string RowRef(SheetRow row) => IsCsv ? $"line {row.Number}" : $"'{Name}'!row {row.Number}";

    /// <summary>Where a cell is, for error messages.</summary>
    public string CellRef(SheetRow row, int column) => IsCsv ? $"line {row.Number}, column {column + 1}" : $"'{Name}'!{CellNames.Column(column)}{row.Number}";
}

/// <summary>Reads statistics files — CSV (UTF-8 with or without BOM, GB18030/GBK), .xlsx and .xls — into sheets of text.</summary>
public static class Sheets
{
    /// <summary>File endings this reader handles.</summary>
    public static readonly string[] Extensions = [".csv", ".xlsx", ".xls"];

    /// <summary>Reads every sheet; throws <see cref="InvalidDataException"/> naming the file when it cannot be read at all.</summary>
    public static IReadOnlyList<Sheet> Read(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return ext == ".csv" ? [ReadCsv(path)] : ReadExcel(path);
        }
        catch (Exception ex) when (ex is not FileNotFoundException && !ex.Message.StartsWith(Path.GetFileName(path), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: 无法读取 / cannot be read as {ext}: {ex.Message}", ex);
        }
    }

    private static Sheet ReadCsv(string path)
    {
        var text = PlanDocumentText.DecodeText(File.ReadAllBytes(path));
        if (text.Contains('\0')) throw new InvalidDataException($"{Path.GetFileName(path)}: 不是文本文件 / not a text CSV (binary content)");
        try
        {
            var rows = CsvRecords.Read(new StringReader(text)).Select(r => new SheetRow(r.Line, r.Fields)).ToList();
            return new Sheet(Path.GetFileNameWithoutExtension(path), true, rows);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }

    private static List<Sheet> ReadExcel(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<Sheet>();
        do
        {
            var rows = new List<SheetRow>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = CellText(reader.GetValue(i));
                rows.Add(new SheetRow(number, cells));
            }
            sheets.Add(new Sheet(reader.Name, false, rows));
        } while (reader.NextResult());
        return sheets;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
