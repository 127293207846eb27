using ScottPlot;
using Warehouse.Reports.Briefing;
using Palette = Warehouse.Reports.Briefing.Palette;

namespace Warehouse.Reports.Charts;

/// <summary>Title, subtitle and footer shared by every chart: titles 40 px, everything else at least 26 px on a 1080 px image.</summary>
public static class ChartFrame
{
    /// <summary>Left and right margin.</summary>
    public const double Margin = 32;

    /// <summary>Writes the title (the finding) and the subtitle, wrapped by measured width; returns the y where content starts.</summary>
    public static double Header(Figure f, string title, string subtitle, bool illustrative, Lang lang)
    {
        var y = 28.0;
        if (illustrative)
        {
            // The warning sits above the title so a cropped screenshot still carries it.
            f.Rect(Margin, y, f.Width - 2 * Margin, 42, "#fde0dd");
            f.Text(f.Width / 2.0, y + 21, lang.IllustrativeMark, 28, Palette.Illustrative, Alignment.MiddleCenter, bold: true);
            y += 56;
        }
        y = f.Paragraph(Margin, y, title, 40, f.Width - 2 * Margin, "#111111", bold: true, lineGap: 1.35);
        y = f.Paragraph(Margin, y + 6, subtitle, 26, f.Width - 2 * Margin, Palette.Muted, lineGap: 1.4);
        return y + 12;
    }

    /// <summary>Writes the footer from <paramref name="y"/> (source, date, illustrative mark) and sets the figure's height to fit it.</summary>
    public static void Footer(Figure f, double y, string source, DateOnly date, bool illustrative, Lang lang)
    {
        y += 16;
        f.Line(Margin, y, f.Width - Margin, y, "#bbbbbb", 2);
        y += 12;
        var text = lang.T($"生成 {date:yyyy-MM-dd}　数据来源：{source}", $"made {date:yyyy-MM-dd} · source: {source}");
        y = f.Paragraph(Margin, y, text, 26, f.Width - 2 * Margin, Palette.Muted, lineGap: 1.35);
        if (illustrative) y = f.Paragraph(Margin, y + 4, lang.IllustrativeMark, 26, f.Width - 2 * Margin, Palette.Illustrative, bold: true);
        f.Height = (int)Math.Ceiling(y + 20);
    }
}
