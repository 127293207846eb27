using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Reads a plan document into plain text: one line per paragraph, one tab-separated line per table row.</summary>
public static class PlanDocumentText
{
    /// <summary>File endings this reader handles.</summary>
    public static readonly string[] Extensions = [".txt", ".docx"];

    /// <summary>The document's text; .txt may be UTF-8 (with or without BOM) or GB18030.</summary>
    public static string Read(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".txt" => DecodeText(File.ReadAllBytes(path)),
            ".docx" => ReadDocx(path),
            _ => throw new InvalidDataException($"{path}: not a plan document (.txt or .docx)"),
        };
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (which covers GBK and GB2312).</summary>
    public static string DecodeText(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var s = utf8.GetString(bytes);
            return s.Length > 0 && s[0] == '\uFEFF' ? s[1..] : s;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string ReadDocx(string path)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(path, isEditable: false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException($"{path}: the document has no body");
            var sb = new StringBuilder();
            // Paragraphs and tables in reading order, also inside content controls; a nested table's text stays in its cell.
            foreach (var element in body.Descendants().Where(e => e is W.Paragraph or W.Table && !e.Ancestors<W.Table>().Any()))
            {
                switch (element)
                {
                    case W.Paragraph p:
                        sb.Append(p.InnerText).Append('\n');
                        break;
                    case W.Table t:
                        foreach (var row in t.Elements<W.TableRow>())
                        {
                            // A table row becomes one tab-separated line; the leading tab marks it as a table line.
                            var cells = row.Elements<W.TableCell>().Select(c => string.Join(" ", c.Elements<W.Paragraph>().Select(p => p.InnerText)).Trim());
                            sb.Append('\t').Append(string.Join('\t', cells)).Append('\n');
                        }
                        break;
                }
            }
            return sb.ToString();
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            throw new InvalidDataException($"{path}: cannot read as .docx: {ex.Message}", ex);
        }
    }
}
