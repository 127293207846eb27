namespace Warehouse.Reports.Charts;

/// <summary>Title, subtitle and footer shared by every chart; phone-sized text (titles 40 px, body 26 px at 1080 px width).</summary>
public static class ChartFrame
{
    /// <summary>Standard width (phones show 1080 px across).</summary>
    public const int Width = 1080;

    /// <summary>Writes the title block; returns the y where content starts.</summary>
    public static double Header(Svg svg, string title, string subtitle)
    {
        var y = 64.0;
        foreach (var line in Wrap(title, 40, svg.Width - 80))
        {
            svg.Text(40, y, line, 40, "#111", bold: true, cls: "title");
            y += 52;
        }
        svg.Text(40, y, TextMetrics.Fit(subtitle, 26, svg.Width - 80), 26, "#555", cls: "subtitle");
        return y + 30;
    }

    /// <summary>Writes the footer: source, date, and 示例数据 in red when illustrative data is shown.</summary>
    public static void Footer(Svg svg, string source, DateOnly date, bool illustrative)
    {
        var y = svg.Height - 26;
        svg.Line(40, y - 40, svg.Width - 40, y - 40, "#cccccc");
        svg.Text(40, y, TextMetrics.Fit($"生成 {date:yyyy-MM-dd}　数据来源：{source}", 22, svg.Width - 320), 22, "#555", cls: "footer");
        if (illustrative) svg.Text(svg.Width - 40, y, "示例数据 非真实统计", 24, "#b2182b", "end", bold: true, cls: "illustrative");
    }

    /// <summary>Splits text into lines that fit the width (CJK text can break anywhere).</summary>
    public static IEnumerable<string> Wrap(string text, double size, double width)
    {
        var line = "";
        foreach (var ch in text)
        {
            // Break before the character, except before closing punctuation, which stays on its line.
            if (TextMetrics.Width(line + ch, size) > width && !"，。；：、）”！？,.;:)".Contains(ch)) { yield return line; line = ""; }
            line += ch;
        }
        if (line.Length > 0) yield return line;
    }
}
