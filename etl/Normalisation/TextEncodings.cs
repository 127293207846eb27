using System.Text;

namespace Warehouse.Etl.Normalisation;

/// <summary>Decides how a text file is encoded before anything reads it: UTF-8 (± BOM), UTF-16 LE/BE with a BOM, or GB18030
/// (which covers GBK and GB2312). Anything else — Big5, Shift-JIS, a UTF-8 file with a stray byte, a binary file — is refused
/// with a message that names the file and the encodings accepted, instead of decoding to garbage that loads nothing.</summary>
public static class TextEncodings
{
    /// <summary>The encodings accepted, as the refusal message names them.</summary>
    public const string Accepted = "UTF-8（可带 BOM）、带 BOM 的 UTF-16 LE/BE、GB18030/GBK / "
        + "accepted: UTF-8 (with or without BOM), UTF-16 LE or BE with BOM, GB18030/GBK";

    /// <summary>Share of GB18030 double-byte characters that must be common (GB2312 hanzi and punctuation) for the bytes to count as
    /// Chinese text. Big5 or Shift-JIS bytes are mostly valid GB18030 too, but decode to rare characters, kana and private-use codes.</summary>
    private const double CommonShare = 0.8;

    /// <summary>Detects the encoding of a seekable stream and leaves it positioned after any byte-order mark.
    /// The returned encoding throws on invalid bytes, so a problem later in the file fails the file instead of loading mojibake.</summary>
    /// <exception cref="InvalidDataException">The file is in no accepted encoding; the message names the file.</exception>
    public static Encoding Detect(Stream stream, string fileName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }) || head.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
            throw Refuse(fileName, "UTF-32");
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return At(stream, 3, new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (head.StartsWith(new byte[] { 0xFF, 0xFE })) return At(stream, 2, new UnicodeEncoding(bigEndian: false, false, throwOnInvalidBytes: true));
        if (head.StartsWith(new byte[] { 0xFE, 0xFF })) return At(stream, 2, new UnicodeEncoding(bigEndian: true, false, throwOnInvalidBytes: true));
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new InvalidDataException($"{fileName}: 这是 Excel 工作簿而不是文本 CSV，请改用 .xlsx/.xls 扩展名 / "
                + "this is an Excel workbook, not a text CSV: save or rename it as .xlsx or .xls");

        var scan = Scan(stream);
        if (scan.Nul > 0)
            throw Refuse(fileName, $"第 {scan.FirstNulLine} 行含 NUL 字节（无 BOM 的 UTF-16 或二进制文件）/ "
                + $"NUL bytes from line {scan.FirstNulLine} (UTF-16 without a BOM, or a binary file)");
        if (scan.Utf8Invalid == 0) return At(stream, 0, new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (scan.GbInvalid == 0 && scan.GbMultibyte > 0 && scan.GbCommon >= CommonShare * scan.GbMultibyte)
            return At(stream, 0, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
        // Mostly good UTF-8 with a few bad bytes is a damaged UTF-8 file: say where, so someone can fix that line.
        if (scan.Utf8Multibyte >= 4 * scan.Utf8Invalid)
            throw Refuse(fileName, $"不是有效的 UTF-8：第 {scan.FirstUtf8InvalidLine} 行有无效字节 0x{scan.FirstUtf8InvalidByte:X2} / "
                + $"not valid UTF-8: invalid byte 0x{scan.FirstUtf8InvalidByte:X2} on line {scan.FirstUtf8InvalidLine}");
        throw Refuse(fileName, "无法识别的编码（Big5？Shift-JIS？）/ unrecognised encoding (Big5? Shift-JIS? a binary file?)");
    }

    private static InvalidDataException Refuse(string fileName, string why) =>
        new($"{fileName}: 不支持的文本编码 / unsupported text encoding: {why}. {Accepted}");

    private static Encoding At(Stream stream, long position, Encoding encoding)
    {
        stream.Position = position;
        return encoding;
    }

    private sealed class ScanResult
    {
        public long Nul, FirstNulLine, Utf8Invalid, Utf8Multibyte, FirstUtf8InvalidLine, GbInvalid, GbMultibyte, GbCommon;
        public byte FirstUtf8InvalidByte;
    }

    /// <summary>One pass over the bytes, validating UTF-8 and GB18030 side by side without decoding anything.</summary>
    private static ScanResult Scan(Stream stream)
    {
        var r = new ScanResult();
        stream.Position = 0;
        var buffer = new byte[1 << 16];
        long line = 1;
        int utf8Need = 0, utf8Lead = 0, utf8Seen = 0; // bytes still expected after a UTF-8 lead byte
        int gbState = 0, gbLead = 0;                   // 0 idle; 1 after lead; 2 after lead+digit; 3 after lead+digit+lead
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == 0 && r.Nul++ == 0) r.FirstNulLine = line;

                // UTF-8, strict: no overlong forms, no surrogates, nothing above U+10FFFF.
                if (utf8Need > 0)
                {
                    var lo = 0x80; var hi = 0xBF;
                    if (utf8Seen == 0)
                        (lo, hi) = utf8Lead switch { 0xE0 => (0xA0, 0xBF), 0xED => (0x80, 0x9F), 0xF0 => (0x90, 0xBF), 0xF4 => (0x80, 0x8F), _ => (lo, hi) };
                    if (b >= lo && b <= hi)
                    {
                        utf8Seen++;
                        if (--utf8Need == 0) r.Utf8Multibyte++;
                    }
                    else
                    {
                        Utf8Bad(r, utf8Lead, line);
                        utf8Need = 0;
                        Utf8Start(r, b, line, ref utf8Need, ref utf8Lead, ref utf8Seen);
                    }
                }
                else Utf8Start(r, b, line, ref utf8Need, ref utf8Lead, ref utf8Seen);

                // GB18030: one byte 00-7F; two bytes 81-FE + 40-7E/80-FE; four bytes 81-FE 30-39 81-FE 30-39.
                switch (gbState)
                {
                    case 0:
                        if (b <= 0x7F) break;
                        if (b is >= 0x81 and <= 0xFE) { gbState = 1; gbLead = b; } else r.GbInvalid++;
                        break;
                    case 1:
                        if (b is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE)
                        {
                            r.GbMultibyte++;
                            // GB2312 punctuation and full-width forms (A1-A3) and hanzi (B0-F7), each with a trail byte A1-FE.
                            if (b >= 0xA1 && (gbLead is >= 0xA1 and <= 0xA3 or >= 0xB0 and <= 0xF7)) r.GbCommon++;
                            gbState = 0;
                        }
                        else if (b is >= 0x30 and <= 0x39) gbState = 2;
                        else { r.GbInvalid++; gbState = 0; }
                        break;
                    case 2:
                        if (b is >= 0x81 and <= 0xFE) gbState = 3; else { r.GbInvalid++; gbState = 0; }
                        break;
                    default:
                        if (b is >= 0x30 and <= 0x39) r.GbMultibyte++; else r.GbInvalid++;
                        gbState = 0;
                        break;
                }
                if (b == '\n' || (b == '\r' && (i + 1 >= read || buffer[i + 1] != '\n'))) line++;
            }
        }
        if (utf8Need > 0) Utf8Bad(r, utf8Lead, line);
        if (gbState != 0) r.GbInvalid++;
        return r;
    }

    private static void Utf8Start(ScanResult r, byte b, long line, ref int need, ref int lead, ref int seen)
    {
        seen = 0;
        lead = b;
        need = b switch { <= 0x7F => 0, >= 0xC2 and <= 0xDF => 1, >= 0xE0 and <= 0xEF => 2, >= 0xF0 and <= 0xF4 => 3, _ => -1 };
        if (need < 0) { Utf8Bad(r, b, line); need = 0; }
    }

    private static void Utf8Bad(ScanResult r, int b, long line)
    {
        if (r.Utf8Invalid++ > 0) return;
        r.FirstUtf8InvalidLine = line;
        r.FirstUtf8InvalidByte = (byte)b;
    }
}
