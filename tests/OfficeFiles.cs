using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Warehouse.Tests;

/// <summary>Writes small real .xlsx and .docx files for tests.</summary>
public static class OfficeFiles
{
    /// <summary>An .xlsx with one sheet per entry; cells are strings, or numbers when given as double.</summary>
    public static void Xlsx(string path, params (string Name, object[][] Rows)[] sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new S.Workbook(new S.Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();
            foreach (var row in rows)
                data.Append(new S.Row(row.Select(v => v is double d
                    ? new S.Cell { DataType = S.CellValues.Number, CellValue = new S.CellValue(d) }
                    : new S.Cell { DataType = S.CellValues.InlineString, InlineString = new S.InlineString(new S.Text(v.ToString()!)) })));
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
