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
            ".txt" => Checked(path, File.ReadAllBytes(path)),
            ".docx" => ReadDocx(path),
            _ => throw new InvalidDataException($"{path}: not a plan document (.txt or .docx)"),
        };
    }

    /// <summary>The text of a .txt plan, refusing an empty file and a binary one (a PDF or Word file renamed .txt) by name.</summary>
    private static string Checked(string path, byte[] bytes)
    {
        var name = Path.GetFileName(path);
        if (bytes.AsSpan().StartsWith("%PDF"u8) || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
            throw new InvalidDataException($"{name}: 不是文本文件（PDF 或 Word 文件改了扩展名？）/ not a text file: a PDF or Word file renamed .txt? " +
                "Save the plan as text (.txt, UTF-8) or as .docx");
        var text = DecodeText(bytes);
        if (text.Contains('\0'))
            throw new InvalidDataException($"{name}: 不是文本文件 / not a text file (it holds binary data); save the plan as .txt (UTF-8) or .docx");
        if (text.Trim().Length == 0) throw new InvalidDataException($"{name}: 文件为空 / the file is empty");
        return text;
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, UTF-16 with its byte-order mark (Notepad's "Unicode"), otherwise GB18030
    /// (which covers GBK and GB2312).</summary>
    public static string DecodeText(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
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
        // (A corrupt archive throws InvalidDataException too, so only the reader's own "no body" message passes through.)
        catch (Exception ex) when (!(ex is InvalidDataException && ex.Message.EndsWith("the document has no body", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: 不是有效的 Word 文档 / not a valid Word (.docx) file: saved in another " +
                "format (.doc, .wps, PDF) or damaged; open it in Word or WPS and save it as .docx", ex);
        }
    }
}
