using Warehouse.Reports.Briefing;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 1: regions × key indicators; each cell the latest value, the goal, progress and a status colour.</summary>
public static class ScorecardChart
{
    /// <summary>Builds the scorecard.</summary>
    public static Svg Build(BriefingData d, DateOnly date)
    {
        const double left = 40, regionCol = 190, rowH = 196, headH = 96;
        var cols = BriefingData.ScorecardIndicators;
        var colW = (ChartFrame.Width - left * 2 - regionCol) / cols.Length;
        var cells = d.Regions.SelectMany(r => cols.Select(c => d.MainGoal(r.RegionCode, c))).Where(a => a != null).ToList();
        var good = cells.Count(a => a!.Status is "on_track" or "met");
        var height = (int)(220 + headH + rowH * d.Regions.Count + 150);
        var svg = new Svg(ChartFrame.Width, height);
        var y = ChartFrame.Header(svg, $"{cells.Count} 项规划目标中 {good} 项有望按期达成",
            $"五地知识产权主要目标记分卡（截至{d.Year}年最新值，颜色为按预测的达成可能）");

        for (var j = 0; j < cols.Length; j++)
        {
            var ind = d.IndicatorOf(cols[j]);
            var x = left + regionCol + j * colW;
            var name = ind.IndicatorName.Replace("拥有量", "").Replace("金额", "");
            var lines = ChartFrame.Wrap(name, 24, colW - 12).Take(2).ToList();
            for (var k = 0; k < lines.Count; k++) svg.Text(x + colW / 2, y + 30 + k * 30, lines[k], 24, "#333", "middle", bold: true, cls: "column-label");
            svg.Text(x + colW / 2, y + 30 + lines.Count * 30, $"({ind.Unit})", 20, Palette.Muted, "middle");
        }
        y += headH + 16;
        foreach (var r in d.Regions)
        {
            svg.Text(left, y + rowH / 2 + 9, BriefingData.ShortName(r), 28, "#111", bold: true, cls: "row-label");
            for (var j = 0; j < cols.Length; j++)
            {
                var x = left + regionCol + j * colW;
                var a = d.MainGoal(r.RegionCode, cols[j]);
                var unit = d.IndicatorOf(cols[j]).Unit;
                if (a == null)
                {
                    svg.Rect(x + 4, y + 4, colW - 8, rowH - 8, "#f4f4f4", rx: 10, cls: "cell");
                    svg.Text(x + colW / 2, y + rowH / 2 + 8, "规划未设目标", 20, "#999", "middle");
                    continue;
                }
                var status = a.Status;
                svg.Rect(x + 4, y + 4, colW - 8, rowH - 8, Palette.Fill(status), rx: 10, cls: "cell status-" + status, pattern: status == "off_track" ? "hatch" : null);
                var ink = Palette.Ink(status);
                var latest = a.LatestValue is { } lv ? Format.Value(lv, unit) : "—";
                svg.Text(x + colW / 2, y + 48, TextMetrics.Fit(latest, 30, colW - 16), 30, ink, "middle", bold: true);
                svg.Text(x + colW / 2, y + 84, TextMetrics.Fit($"目标 {Format.Value(a.Target, unit)}", 22, colW - 16), 22, ink, "middle");
                svg.Text(x + colW / 2, y + 112, TextMetrics.Fit($"{a.TargetYear}年{(a.Measure == "cumulative" ? "累计" : a.Measure == "increment" ? "新增" : "")}", 20, colW - 16), 20, ink, "middle");
                svg.Text(x + colW / 2, y + 144, $"进度 {Format.Percent(a.Progress)}", 22, ink, "middle");
                svg.Text(x + colW / 2, y + 174, Palette.Label(status), 22, ink, "middle", bold: true);
            }
            y += rowH;
        }
        // Legend: colour, symbol and word together.
        var lx = left;
        foreach (var s in new[] { "on_track", "at_risk", "off_track", "insufficient_data" })
        {
            svg.Rect(lx, y + 24, 30, 30, Palette.Fill(s), rx: 4, pattern: s == "off_track" ? "hatch" : null);
            svg.Text(lx + 40, y + 48, Palette.Label(s), 22, "#333", cls: "legend");
            lx += 240;
        }
        svg.Text(left, y + 84, "达成概率 ≥75% 有望达成；40%–75% 存在风险；<40% 难以达成", 20, Palette.Muted);
        ChartFrame.Footer(svg, "各地规划文件与统计表（见工作簿）", date, d.UsesIllustrative);
        return svg;
    }
}
