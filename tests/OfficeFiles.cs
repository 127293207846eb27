using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Warehouse.Tests;

/// <summary>Writes small real .xlsx and .docx files for tests.</summary>
public static class OfficeFiles
{
    /// <summary>An .xlsx with one sheet per entry; cells are strings, numbers when given as double, and date-typed cells
    /// (a serial number with a date format, as Excel stores them) when given as (DateTime, "yyyy-mm").</summary>
    public static void Xlsx(string path, params (string Name, object[][] Rows)[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new S.Workbook(new S.Sheets());
        var formats = sheets.SelectMany(s => s.Rows).SelectMany(r => r).OfType<(DateTime, string)>().Select(d => d.Item2).Distinct().ToList();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new S.Stylesheet(
            new S.NumberingFormats(formats.Select((f, i) => new S.NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })),
            new S.Fonts(new S.Font()), new S.Fills(new S.Fill()), new S.Borders(new S.Border()),
            new S.CellFormats(new[] { new S.CellFormat() }.Concat(formats.Select((_, i) => new S.CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }))));
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();
            foreach (var row in rows)
                data.Append(new S.Row(row.Select(v => v switch
                {
                    double d => new S.Cell { DataType = S.CellValues.Number, CellValue = new S.CellValue(d) },
                    (DateTime date, string format) => new S.Cell
                    {
                        // Serial day numbers as Excel counts them (0 is 1900-01-00); .NET's OADate agrees from March 1900 on.
                        CellValue = new S.CellValue(date.ToOADate()),
                        StyleIndex = (uint)(formats.IndexOf(format) + 1),
                    },
                    _ => new S.Cell { DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Text(v.ToString()!)) },
                })));
            ws.Worksheet = new S.Worksheet(data);
            wb.Workbook.Sheets!.Append(new S.Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = name });
        }
        wb.Workbook.Save();
    }

    /// <summary>A .docx with paragraphs, then a real Word table.</summary>
    public static void Docx(string path, string[] paragraphs, string[][] table, string[]? after = null)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new W.Body();
        foreach (var p in paragraphs) body.Append(Para(p));
        body.Append(new W.Table(table.Select(r => new W.TableRow(r.Select(c => new W.TableCell(Para(c)))))));
        foreach (var p in after ?? []) body.Append(Para(p));
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    private static W.Paragraph Para(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
