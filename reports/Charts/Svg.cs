using System.Globalization;
using System.Security;
using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>A tiny SVG writer: shapes and text with the chart font, in user units (1 unit = 1 px at scale 1).</summary>
public sealed class Svg(int width, int height)
{
    private readonly StringBuilder _body = new();

    /// <summary>Canvas width.</summary>
    public int Width => width;

    /// <summary>Canvas height.</summary>
    public int Height => height;

    private static string N(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>A filled rectangle.</summary>
    public Svg Rect(double x, double y, double w, double h, string fill, string? stroke = null, double rx = 0, string? cls = null, string? pattern = null)
    {
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" rx=\"{N(rx)}\" fill=\"{fill}\"")
             .Append(stroke != null ? $" stroke=\"{stroke}\"" : "").Append(cls != null ? $" class=\"{cls}\"" : "").Append("/>\n");
        if (pattern != null) _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" rx=\"{N(rx)}\" fill=\"url(#{pattern})\"/>\n");
        return this;
    }

    /// <summary>A straight line.</summary>
    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null, string? cls = null)
    {
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"")
             .Append(dash != null ? $" stroke-dasharray=\"{dash}\"" : "").Append(cls != null ? $" class=\"{cls}\"" : "").Append("/>\n");
        return this;
    }

    /// <summary>A polyline through points.</summary>
    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null, string? cls = null)
    {
        _body.Append($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\" points=\"")
             .Append(string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))).Append('"')
             .Append(dash != null ? $" stroke-dasharray=\"{dash}\"" : "").Append(cls != null ? $" class=\"{cls}\"" : "").Append("/>\n");
        return this;
    }

    /// <summary>A filled polygon (prediction bands).</summary>
    public Svg Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity = 1, string? cls = null)
    {
        _body.Append($"<polygon fill=\"{fill}\" fill-opacity=\"{N(opacity)}\" points=\"").Append(string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))).Append('"')
             .Append(cls != null ? $" class=\"{cls}\"" : "").Append("/>\n");
        return this;
    }

    /// <summary>A circle marker.</summary>
    public Svg Circle(double cx, double cy, double r, string fill, string? stroke = null, string? cls = null)
    {
        _body.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"").Append(stroke != null ? $" stroke=\"{stroke}\" stroke-width=\"2\"" : "")
             .Append(cls != null ? $" class=\"{cls}\"" : "").Append("/>\n");
        return this;
    }

    /// <summary>A diamond marker (targets).</summary>
    public Svg Diamond(double cx, double cy, double r, string fill, string stroke, string? cls = null) =>
        Polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill, 1, cls).Polyline([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy), (cx, cy - r)], stroke, 2);

    /// <summary>Text; anchor is start, middle or end.</summary>
    public Svg Text(double x, double y, string text, double size, string fill = "#222", string anchor = "start", bool bold = false, string? cls = null)
    {
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" fill=\"{fill}\" text-anchor=\"{anchor}\"")
             .Append(bold ? " font-weight=\"bold\"" : "").Append(cls != null ? $" class=\"{cls}\"" : "")
             .Append('>').Append(SecurityElement.Escape(text)).Append("</text>\n");
        return this;
    }

    /// <summary>The finished document.</summary>
    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{Raster.CjkFamily}, sans-serif\">\n"
        + "<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-opacity=\"0.6\"/></pattern></defs>\n"
        + $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n" + _body + "</svg>\n";
}

/// <summary>How wide text will be, well enough to keep labels apart: CJK glyphs are one em, Latin digits about 0.56 em.</summary>
public static class TextMetrics
{
    /// <summary>Approximate advance width of <paramref name="text"/> at <paramref name="size"/> px.</summary>
    public static double Width(string text, double size) =>
        text.Sum(c => c > 0x2E80 ? 1.0 : char.IsUpper(c) ? 0.68 : c is ' ' or '.' or ',' or ':' or '|' ? 0.3 : 0.56) * size;

    /// <summary>The text cut with an ellipsis to fit <paramref name="max"/> px.</summary>
    public static string Fit(string text, double size, double max)
    {
        if (Width(text, size) <= max) return text;
        while (text.Length > 1 && Width(text + "…", size) > max) text = text[..^1];
        return text + "…";
    }
}

/// <summary>A linear scale from data to pixels with "nice" ticks (1, 2, 2.5, 5 × 10^k).</summary>
public sealed class Scale
{
    /// <summary>Domain after widening to nice tick bounds.</summary>
    public double Min { get; }

    /// <summary>Domain upper bound after widening.</summary>
    public double Max { get; }

    /// <summary>Tick values.</summary>
    public IReadOnlyList<double> Ticks { get; }

    private readonly double _p0, _p1;

    /// <summary>A scale over [min, max] mapped onto pixels [p0, p1], with about <paramref name="ticks"/> ticks.</summary>
    public Scale(double min, double max, double p0, double p1, int ticks = 5)
    {
        if (max <= min) max = min + Math.Max(1, Math.Abs(min) * 0.1);
        var step = NiceStep((max - min) / ticks);
        Min = Math.Floor(min / step) * step;
        Max = Math.Ceiling(max / step) * step;
        var list = new List<double>();
        for (var v = Min; v <= Max + step / 2; v += step) list.Add(Math.Round(v, 10));
        Ticks = list;
        (_p0, _p1) = (p0, p1);
    }

    /// <summary>Pixel position of a value.</summary>
    public double Map(double v) => _p0 + (v - Min) / (Max - Min) * (_p1 - _p0);

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 }) if (m * power >= raw) return m * power;
        return 10 * power;
    }
}
