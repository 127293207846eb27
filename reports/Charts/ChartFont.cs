using ScottPlot;
using SkiaSharp;

namespace Warehouse.Reports.Charts;

/// <summary>The CJK typefaces every chart draws with, resolved once through the machine's fontconfig by SkiaSharp.</summary>
public static class ChartFont
{
    /// <summary>The font family every chart uses (Chinese and Latin text alike).</summary>
    public const string Family = "Noto Sans CJK SC";

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(() => (Require(Family, false), Require(Family, true)));

    /// <summary>The regular or bold face; throws with install instructions when the CJK font is missing.</summary>
    public static SKTypeface Face(bool bold = false) => bold ? Faces.Value.Bold : Faces.Value.Regular;

    /// <summary>Sets an axis's tick labels in the chart face at <paramref name="size"/>, placed on their ticks.</summary>
    /// <remarks>ScottPlot 5 puts a label's baseline by the font's lowest descender (ScottPlot issues #5036, #5213). Noto Sans CJK's
    /// reaches about an em below the baseline, so y-axis numbers sat about 0.7 em above their gridlines and x-axis years ran into
    /// the tick marks. The offset moves the digits' middle onto the gridline (left, right) and their top just under the tick
    /// (bottom), from the face's own metrics, so another CJK face is placed right too.</remarks>
    public static void StyleTickLabels(IAxis axis, float size)
    {
        var style = axis.TickLabelStyle;
        style.Font = Face();
        style.FontSize = size;
        using var font = new SKFont(style.Font, size);
        var lineHeight = font.GetFontMetrics(out var m);
        style.OffsetY = axis.Edge switch
        {
            Edge.Left or Edge.Right => m.CapHeight / 2 - lineHeight / 2 + m.Bottom,
            Edge.Bottom => m.CapHeight - lineHeight + m.Bottom + size * 0.15f,
            _ => 0,
        };
        // The bottom axis title keeps its distance from the labels moved down.
        if (axis.Edge == Edge.Bottom) axis.Label.OffsetY = style.OffsetY;
    }

    /// <summary>Resolves <paramref name="family"/> and checks it really draws Chinese; throws with install instructions otherwise.</summary>
    /// <remarks>Skia silently falls back to another family (or to boxes) when a font is missing, so the check compares the family it got
    /// and asks the face for a glyph of 中: a chart with empty boxes must never be written.</remarks>
    public static SKTypeface Require(string family, bool bold = false)
    {
        var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
        var face = SKFontManager.Default.MatchFamily(family, style);
        if (face == null || !face.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase) || !face.ContainsGlyphs("中文"))
            throw new InvalidOperationException($"未安装中文字体 {family}，图表中的中文会显示为方框 / no CJK font ({family}) installed, Chinese text would render as "
                + "boxes. Install it: sudo apt-get install fonts-noto-cjk (bin/setup does this)");
        return face;
    }
}
