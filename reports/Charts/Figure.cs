using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Warehouse.Reports.Charts;

/// <summary>A text label as drawn: its text, size and the box ScottPlot measured for it, in image pixels.</summary>
public sealed record PlacedLabel(string Text, PixelRect Box, float Size);

/// <summary>One image made of ScottPlot plots: a page plot in pixel coordinates (titles, cells, legends, footer) and data panels
/// placed in rectangles on it. Text is measured with the real typeface (<see cref="LabelStyle.Measure(string, Paint)"/>), so layout
/// decisions (wrapping, fitting, stacking) use the widths that are drawn. Saved as PNG (for phones) and SVG from the same plots.</summary>
public sealed partial class Figure
{
    /// <summary>No text on any chart is smaller than this (26 px on a 1080 px image is about 9 pt on a phone).</summary>
    public const float MinText = 26;

    /// <summary>Standard width: phones show 1080 px across.</summary>
    public const int StandardWidth = 1080;

    private readonly Plot _page = new();
    private readonly List<(Plot Plot, PixelRect Rect)> _panels = [];
    private readonly List<PlacedLabel> _labels = [];

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels; may grow while content is laid out.</summary>
    public int Height { get; set; }

    /// <summary>How many data panels the figure holds.</summary>
    public int PanelCount => _panels.Count;

    /// <summary>The ScottPlot plots placed on the page, in order (tests inspect what each draws).</summary>
    public IReadOnlyList<Plot> Plots => _panels.Select(p => p.Plot).ToList();

    /// <summary>Every text label placed on the page, for the no-overlap checks.</summary>
    public IReadOnlyList<PlacedLabel> Labels => _labels;

    /// <summary>An empty white figure.</summary>
    public Figure(int width = StandardWidth, int height = 1000)
    {
        (Width, Height) = (width, height);
        _page.Layout.Frameless();
        _page.HideGrid();
        _page.FigureBackground.Color = Colors.White;
        _page.DataBackground.Color = Colors.White;
        _page.RenderManager.ClearCanvasBeforeEachRender = false;
    }

    [ThreadStatic] private static Paint? _paint;

    /// <summary>Size of <paramref name="text"/> as ScottPlot will draw it.</summary>
    public static MeasuredText Measure(string text, float size, bool bold = false)
    {
        _paint ??= Paint.NewDisposablePaint();
        return new LabelStyle { Font = ChartFont.Face(bold), FontSize = size }.Measure(text, _paint);
    }

    /// <summary>Width of <paramref name="text"/> in pixels.</summary>
    public static double TextWidth(string text, float size, bool bold = false) => Measure(text, size, bold).Width;

    /// <summary>Places text; <paramref name="align"/> says which point of the text box sits at (x, y). Returns the box.</summary>
    public PixelRect Text(double x, double y, string text, float size, string color = "#222222", Alignment align = Alignment.UpperLeft,
        bool bold = false)
    {
        if (size < MinText) throw new ArgumentOutOfRangeException(nameof(size), size, $"text below {MinText} px is unreadable on a phone");
        var t = _page.Add.Text(text, x, y);
        t.LabelStyle.Font = ChartFont.Face(bold);
        t.LabelStyle.FontSize = size;
        t.LabelStyle.ForeColor = Color.FromHex(color);
        t.LabelStyle.Alignment = align;
        var measured = Measure(text, size, bold);
        t.OffsetY = InkShift(measured, size, bold);
        var box = measured.Rect(align).WithDelta((float)x, (float)y);
        _labels.Add(new PlacedLabel(text, box, size));
        return box;
    }

    /// <summary>How far to move text so its glyphs sit centred in the box <see cref="MeasuredText.Rect"/> reports.</summary>
    /// <remarks>ScottPlot puts the baseline at the box bottom minus the font's largest descent; Noto Sans CJK's descent and line
    /// spacing are tall, so unshifted glyphs ride up out of the box (by about 0.6 em). Centring the ink keeps the reported box
    /// honest, which the layout and the no-overlap test rely on.</remarks>
    private static float InkShift(MeasuredText m, float size, bool bold)
    {
        using var font = new SKFont(ChartFont.Face(bold), size);
        font.GetFontMetrics(out var fm);
        var baselineFromTop = m.LineHeight - m.Bottom;
        var inkCentre = baselineFromTop + (fm.CapHeight > 0 ? -fm.CapHeight * 0.5f : (fm.Ascent + fm.Descent) / 2);
        return m.LineHeight / 2 - inkCentre;
    }

    /// <summary>Draws wrapped text from (x, y) down within <paramref name="width"/>; returns the y below the last line.</summary>
    public double Paragraph(double x, double y, string text, float size, double width, string color = "#222222", bool bold = false,
        double lineGap = 1.3, int maxLines = int.MaxValue, Alignment align = Alignment.UpperLeft)
    {
        foreach (var line in Wrap(text, size, width, bold).Take(maxLines))
        {
            // Lines never come closer than the line height ScottPlot measures, so their boxes never overlap.
            var box = Text(x, y, line, size, color, align, bold);
            y += Math.Max(size * lineGap, box.Height);
        }
        return y;
    }

    /// <summary>A filled rectangle, optionally hatched and outlined (top-left corner and size in pixels).</summary>
    public void Rect(double x, double y, double w, double h, string fill, IHatch? hatch = null, string hatchColor = "#ffffff",
        string? stroke = null, float strokeWidth = 2, LinePattern? pattern = null)
    {
        var r = _page.Add.Rectangle(x, x + w, y + h, y);
        r.FillStyle.Color = Color.FromHex(fill);
        if (hatch != null) { r.FillStyle.Hatch = hatch; r.FillStyle.HatchColor = Color.FromHex(hatchColor).WithAlpha(0.55); }
        r.LineStyle.Width = stroke == null ? 0 : strokeWidth;
        r.LineStyle.Color = stroke == null ? Colors.Transparent : Color.FromHex(stroke);
        if (pattern is { } p) r.LineStyle.Pattern = p;
    }

    /// <summary>A straight line in pixels.</summary>
    public void Line(double x1, double y1, double x2, double y2, string color, float width = 2, LinePattern? pattern = null)
    {
        var l = _page.Add.Line(x1, y1, x2, y2);
        l.LineStyle.Color = Color.FromHex(color);
        l.LineStyle.Width = width;
        if (pattern is { } p) l.LineStyle.Pattern = p;
        l.MarkerStyle.IsVisible = false;
    }

    /// <summary>A marker (diamond, square, circle) in pixels.</summary>
    public void Marker(double x, double y, MarkerShape shape, float size, string color, string? fill = null)
    {
        var m = _page.Add.Marker(x, y, shape, size, Color.FromHex(color));
        m.MarkerStyle.LineWidth = 3;
        // A filled marker with a different fill is drawn as a ring: the outline colour, then the fill inside it.
        if (fill != null && fill != color) _page.Add.Marker(x, y, shape, size * 0.6f, Color.FromHex(fill));
    }

    /// <summary>Places a data plot in a rectangle of the page (x, y = top-left).</summary>
    public void Panel(Plot plot, double x, double y, double w, double h)
    {
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        _panels.Add((plot, new PixelRect((float)x, (float)(x + w), (float)(y + h), (float)y)));
    }

    /// <summary>Draws the page, then the panels, onto <paramref name="canvas"/>.</summary>
    public void Render(SKCanvas canvas)
    {
        _page.Axes.SetLimits(0, Width, Height, 0);
        _page.Render(canvas, new PixelRect(0, Width, Height, 0));
        foreach (var (plot, rect) in _panels) plot.Render(canvas, rect);
    }

    /// <summary>Writes the PNG (white background).</summary>
    public void SavePng(string path)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not allocate a {Width}×{Height} surface");
        surface.Canvas.Clear(SKColors.White);
        Render(surface.Canvas);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // Flat chart colours compress almost as well with the Sub filter at zlib level 3, four times faster than Skia's default.
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException($"Skia could not encode {path}");
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Writes the SVG drawn from the same plots, its text searchable as written.</summary>
    public void SaveSvg(string path)
    {
        using var buffer = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), buffer))
        {
            canvas.Clear(SKColors.White);
            Render(canvas);
        }
        File.WriteAllText(path, UnifyRadicals(System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
    }

    /// <summary>Skia writes SVG text by mapping glyphs back to characters; Noto Sans CJK shares glyphs between ideographs and
    /// Kangxi radicals, so 示 comes back as ⽰ (U+2F70) and "示例数据" would not be found in the file. Radicals map to their
    /// ideographs by compatibility normalisation (Kangxi radicals) or by the table below (simplified radicals, which have no
    /// decomposition), one character to one, so glyph positions stay aligned.</summary>
    public static string UnifyRadicals(string svg)
    {
        var chars = svg.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < '\u2E80' or > '\u2FDF') continue;
            if (SimplifiedRadicals.TryGetValue(chars[i], out var ideograph)) chars[i] = ideograph;
            else if (chars[i].ToString().Normalize(System.Text.NormalizationForm.FormKC) is { Length: 1 } n) chars[i] = n[0];
        }
        return new string(chars);
    }

    private static readonly Dictionary<char, char> SimplifiedRadicals = new()
    {
        ['⻅'] = '见', ['⻆'] = '角', ['⻉'] = '贝', ['⻋'] = '车', ['⻓'] = '长', ['⻔'] = '门', ['⻘'] = '青', ['⻙'] = '韦', ['⻚'] = '页',
        ['⻛'] = '风', ['⻜'] = '飞', ['⻢'] = '马', ['⻥'] = '鱼', ['⻦'] = '鸟', ['⻧'] = '卤', ['⻨'] = '麦', ['⻩'] = '黄', ['⻪'] = '黾',
        ['⻬'] = '齐', ['⻮'] = '齿', ['⻰'] = '龙', ['⻳'] = '龟',
    };

    /// <summary>Decodes a PNG: its size and the share of pixels that are not white (a blank chart has none).</summary>
    public static (int Width, int Height, double Inked) Inspect(string path)
    {
        using var bitmap = SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path}: not a PNG Skia can read");
        long inked = 0;
        var pixels = bitmap.Pixels;
        foreach (var p in pixels) if (p.Red < 250 || p.Green < 250 || p.Blue < 250) inked++;
        return (bitmap.Width, bitmap.Height, (double)inked / pixels.Length);
    }

    /// <summary>Splits text into lines that fit <paramref name="width"/> as measured; numbers with their units, Latin words and
    /// ranges never break, closing punctuation never starts a line.</summary>
    public static IEnumerable<string> Wrap(string text, float size, double width, bool bold = false)
    {
        var line = new List<string>();
        // A token wider than the whole line (a long word in a narrow column) is broken between its characters.
        var tokens = Token().Matches(text).SelectMany(m => TextWidth(m.Value, size, bold) > width ? m.Value.Select(c => c.ToString()) : [m.Value]);
        foreach (var token in tokens)
        {
            if (line.Count > 0 && TextWidth(string.Concat(line) + token, size, bold) > width)
            {
                // Closing punctuation may not start a line: it takes the token before it down with it.
                var carry = new List<string>();
                if (IsClosing(token) && line.Count > 1) { carry.Add(line[^1]); line.RemoveAt(line.Count - 1); }
                yield return string.Concat(line).TrimEnd();
                line = carry;
                if (line.Count == 0 && token.Trim().Length == 0) continue;
            }
            line.Add(token);
        }
        if (string.Concat(line).Trim().Length > 0) yield return string.Concat(line).TrimEnd();
    }

    private static bool IsClosing(string token) => token.Length == 1 && "，。；：、）”！？,.;:)%".Contains(token[0]);

    // English money units (one token each); a number with its sign, separators, scale and unit (17.1亿元, 3,100件, 92%, 2021–2024, >999%);
    // a Latin word; one other character.
    [GeneratedRegex(@"CNY100M|CNY10k|[>≥<+\-−]?\d[\d,.]*(?:[–-]\d[\d,.]*)?\s?(?:%|万件|亿元|万元|件/万人|件|家|个|项|年|亿|万|k\b|M\b)?|件/万人|[A-Za-z][A-Za-z'’\-/.]*|\s+|.")]
    private static partial Regex Token();
}
